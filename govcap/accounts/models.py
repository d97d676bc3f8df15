"""Roles held per engagement, and the append-only audit trail."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    PROGRAMME_MANAGER = "programme_manager", _("Programme manager")
    COORDINATOR = "coordinator", _("Coordinator")
    FACILITATOR = "facilitator", _("Facilitator")
    VIEWER = "viewer", _("Viewer")


GLOBAL_ROLES = {Role.ADMINISTRATOR, Role.PROGRAMME_MANAGER}


class RoleAssignment(models.Model):
    """A user holds a role either programme-wide (engagement empty: administrator,
    programme manager) or in one engagement (coordinator, facilitator, viewer). A viewer
    may be narrowed to one organisation of that engagement."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    engagement = models.ForeignKey(
        "orgs.Engagement", null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "engagement", "organisation"], name="role_once"
            )
        ]

    def __str__(self) -> str:
        where = f" in {self.engagement}" if self.engagement_id else ""
        return f"{self.user} — {self.get_role_display()}{where}"

    def clean(self) -> None:
        if self.role in GLOBAL_ROLES and self.engagement_id:
            raise ValidationError({"engagement": _("This role is programme-wide.")})
        if self.role not in GLOBAL_ROLES and not self.engagement_id:
            raise ValidationError({"engagement": _("This role is held in an engagement.")})


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("The audit trail cannot be edited.")

    def delete(self):
        raise ValidationError("The audit trail cannot be deleted.")


class AuditEvent(models.Model):
    """Who changed what, when, from what to what. Rows are only ever added."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=60)
    object_uuid = models.UUIDField(null=True, db_index=True)
    # DO_NOTHING without a database constraint: deleting a session (demo data, say) leaves
    # its trail exactly as written, pointing at the session that was.
    session = models.ForeignKey(
        "assessments.Session", null=True, on_delete=models.DO_NOTHING,
        related_name="audit_events", db_constraint=False,
    )
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    op_id = models.UUIDField(null=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("The audit trail cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The audit trail cannot be deleted.")
