"""Training providers, deliveries of a plan's cohorts, their operations, trainees (names
kept apart), attendance per day.

A delivery points at the approved plan version and the cohort it delivers, so the plan's
numbers (participants, month, cost) stay the yardstick; evaluation answers and results
indicators will hang off ``Delivery`` and ``Trainee``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from govcap.assessments.models import Participant


class TrainingProvider(models.Model):
    """A school, university, vendor or NGO that gives courses in one country."""

    class Kind(models.TextChoices):
        GOVERNMENT_SCHOOL = "government_school", _("Civil-service training school")
        UNIVERSITY = "university", _("University")
        VENDOR = "vendor", _("Vendor")
        NGO = "ngo", _("NGO or development partner")
        OTHER = "other", _("Other")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    country = models.ForeignKey("orgs.Country", on_delete=models.PROTECT,
                                related_name="training_providers")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    accreditation_notes = models.TextField(_("accreditation notes"), blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"],
                                               name="provider_name_in_country")]

    def __str__(self) -> str:
        return self.name


class ProviderMember(models.Model):
    """The provider role: a user who works for a training provider sees that provider's
    deliveries (nominees, attendance) and nothing of the assessments."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="provider_memberships")
    provider = models.ForeignKey(TrainingProvider, on_delete=models.CASCADE,
                                 related_name="members")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "provider"],
                                               name="provider_member_once")]

    def __str__(self) -> str:
        return f"{self.user} at {self.provider}"


class Delivery(models.Model):
    """One cohort of an approved plan, as actually given."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        MERGED = "merged", _("Merged into another")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    engagement = models.ForeignKey("orgs.Engagement", on_delete=models.CASCADE,
                                   related_name="deliveries")
    plan = models.ForeignKey("planning.Plan", on_delete=models.PROTECT, related_name="deliveries")
    cohort_id = models.CharField(max_length=60)
    module_code = models.CharField(max_length=60)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    days = models.PositiveSmallIntegerField(default=1)
    venue = models.CharField(max_length=200, blank=True)
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    provider = models.ForeignKey(TrainingProvider, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="deliveries")
    trainers = models.CharField(max_length=300, blank=True)
    # in the plan's currency, in cents: what the plan line said, what was actually spent
    planned_cost_cents = models.BigIntegerField(default=0)
    cost_cents = models.BigIntegerField(null=True, blank=True)
    planned_participants = models.PositiveIntegerField(default=0)
    planned_month = models.CharField(max_length=7, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    cancel_reason = models.CharField(max_length=300, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged_from")
    revision = models.PositiveIntegerField(default=1)  # a change based on another is refused
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["engagement", "start_date", "cohort_id"]
        constraints = [models.UniqueConstraint(fields=["plan", "cohort_id"],
                                               name="delivery_of_cohort_once")]

    def __str__(self) -> str:
        return f"{self.module_code} ({self.cohort_id})"

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.CANCELLED, self.Status.MERGED)


class DeliveryOperation(models.Model):
    """A change to a delivery (edit, move, cancel, merge) as applied: its client ID makes a
    retry harmless, its base revision refuses a change made on a stale page."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="operations")
    op_id = models.UUIDField()
    kind = models.CharField(max_length=12)
    payload = models.JSONField(default=dict)
    base_revision = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivery", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["delivery", "op_id"],
                                               name="delivery_op_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.op_id}"


class Trainee(models.Model):
    """A nominee of a delivery, known by code (T1, T2…); a name, if any, is kept apart
    (``TraineeIdentity``), as for focus-group participants."""

    # The same words as for focus-group participants, so indicators can add both up.
    Seniority = Participant.Seniority
    Gender = Participant.Gender

    class Completion(models.TextChoices):
        PENDING = "", _("Not recorded")
        COMPLETED = "completed", _("Completed")
        PARTIAL = "partial", _("Partial")
        DROPPED = "dropped", _("Dropped out")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="trainees")
    code = models.CharField(max_length=10)
    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT,
                                     related_name="+")
    role_title = models.CharField(_("role or job title"), max_length=160, blank=True)
    persona = models.CharField(_("audience"), max_length=40, blank=True)
    seniority = models.CharField(max_length=12, choices=Seniority.choices, blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    completion = models.CharField(max_length=10, choices=Completion.choices, blank=True)
    completion_reason = models.CharField(max_length=300, blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["delivery", "id"]
        constraints = [models.UniqueConstraint(fields=["delivery", "code"],
                                               name="trainee_code_in_delivery")]

    def __str__(self) -> str:
        return self.code


class TraineeIdentity(models.Model):
    """Identifying data of a trainee, stored apart so that codes can circulate without it."""

    trainee = models.OneToOneField(Trainee, on_delete=models.CASCADE, related_name="identity")
    name = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"identity of {self.trainee.code}"


class Attendance(models.Model):
    """Whether a trainee was there on day ``day`` (1 = the first day) of the delivery."""

    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="attendance")
    day = models.PositiveSmallIntegerField()
    present = models.BooleanField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["trainee", "day"]
        constraints = [models.UniqueConstraint(fields=["trainee", "day"],
                                               name="attendance_once_a_day")]

    def __str__(self) -> str:
        return f"{self.trainee.code} day {self.day}: {'present' if self.present else 'absent'}"
