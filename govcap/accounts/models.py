"""Roles held per engagement, and the append-only audit trail."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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

    @classmethod
    def redact(cls, object_uuids, fields: set[str], reason: str) -> int:
        """Blank the named fields in the before/after of the events about these objects.

        The one sanctioned change to the trail, for a participant's erasure on request: the
        events stay (who, when, what kind of change), the erased words do not. The caller
        records an audit event of its own saying so."""
        count = 0
        for event in cls.objects.filter(object_uuid__in=list(object_uuids)):
            changed = False
            for side in ("before", "after"):
                data = getattr(event, side)
                if isinstance(data, dict):
                    for name in fields & data.keys():
                        if data[name] not in ("", None):
                            data[name] = f"[{reason}]"
                            changed = True
            if changed:
                models.QuerySet.update(cls.objects.filter(pk=event.pk),
                                       before=event.before, after=event.after)
                count += 1
        return count


class Invitation(models.Model):
    """A single-use, expiring link that lets a new person choose their own password and
    arrive with a role. Only a hash of the link's token is stored."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True)
    username = models.CharField(max_length=150)
    email = models.EmailField(blank=True)
    role = models.CharField(max_length=20, choices=Role.choices)
    engagement = models.ForeignKey(
        "orgs.Engagement", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"invitation of {self.username} as {self.role}"

    @property
    def state(self) -> str:
        from django.utils import timezone

        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def state_label(self) -> str:
        """The state in words (`state` is its code)."""
        return str(INVITATION_STATES[self.state])


INVITATION_STATES = {"pending": pgettext_lazy("invitation", "pending"),
                     "accepted": pgettext_lazy("invitation", "accepted"),
                     "revoked": _("revoked"), "expired": _("expired")}


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the raw token is shown once."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        from django.utils import timezone

        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class LoginSession(models.Model):
    """A browser session a user logged in with, so that "log out everywhere" can end them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} since {self.created_at:%Y-%m-%d %H:%M}"


class Preferences(models.Model):
    """What a person chose for themselves, kept from one login to the next: the interface
    language (set by the language switcher while logged in, or on the account page, and
    applied at login: ``govcap.accounts.languages``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences"
    )
    # a code of settings.LANGUAGES when chosen; kept if its catalogue later falls below the
    # threshold (GOVCAP_LANGUAGE_MIN_TRANSLATED), ignored until it is offered again
    language = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.language or '-'}"
