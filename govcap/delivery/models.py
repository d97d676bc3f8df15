"""Training providers, deliveries of a plan's cohorts, their operations, trainees (names
kept apart), attendance per day.

A delivery points at the approved plan version and the cohort it delivers, so the plan's
numbers (participants, month, cost) stay the yardstick; evaluation answers and results
indicators will hang off ``Delivery`` and ``Trainee``.
"""

from __future__ import annotations

import uuid
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from govcap.assessments.models import Participant
from govcap.delivery import link_tokens


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
        # a course's state: its own context, as French and Arabic agree it with "formation",
        # "دورة" (feminine), where a job's or a participant's "Completed" does not
        PLANNED = "planned", pgettext_lazy("course state", "Planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("course state", "In progress")
        COMPLETED = "completed", pgettext_lazy("course state", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("course state", "Cancelled")
        MERGED = "merged", pgettext_lazy("course state", "Merged into another")

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
    # the highest nominee number a removed nominee had: its code (T3) is never given again,
    # so a paper answer or sheet row written with it cannot land on someone else
    removed_codes_upto = models.PositiveIntegerField(default=0)
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

    @cached_property
    def course(self):
        """The course as the plan's documents name it (``course_names.CourseName``): its
        title and code, the documents' cohort number, month and organisations. A list page
        names many at once (``course_names.name_courses``); the id stays an identifier."""
        from govcap.delivery.course_names import course_name  # it reads the models

        return course_name(self)

    @property
    def course_language(self) -> str:
        """The language the course is taught in, as its cohort is named ("SVC-101/fr/01")."""
        parts = self.cohort_id.split("/")
        return parts[1] if len(parts) == 3 else ""

    @property
    def is_overdue(self) -> bool:
        """Its last day (or first, without an end) has passed and it is still planned or
        running: someone has to record it as completed, move it or cancel it. Without dates,
        its planned month has ended (a delivery recorded with no dates is as late as the
        course it records)."""
        if self.status not in (self.Status.PLANNED, self.Status.IN_PROGRESS):
            return False
        last = self.end_date or self.start_date
        if last is None:
            return bool(self.planned_month) and (
                self.planned_month < timezone.localdate().strftime("%Y-%m"))
        return last < timezone.localdate()


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
    # whom the level-3 follow-up asks besides the trainee: their supervisor's name and
    # phone or e-mail, kept apart as the trainee's own
    supervisor_contact = models.CharField(max_length=200, blank=True)

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


# --- evaluation (Kirkpatrick levels 1–3) -----------------------------------------------------
# Answers hang off ``Trainee`` (its code, never a name): one answer per trainee per form, held
# by a database constraint. ``source`` says how an answer arrived (the phone link, paper
# entered by the coordinator or trainer, an XLSForm export from KoboToolbox/ODK, the API).


class AnswerSource(models.TextChoices):
    LINK = "link", _("Phone link")
    PAPER = "paper", _("Paper, entered later")
    XLSFORM = "xlsform", _("KoboToolbox or ODK export")
    API = "api", _("API")


class EvaluationLink(models.Model):
    """A short-lived link (shown as a QR code by the trainer) through which a delivery's
    participants answer one form without an account: level 1 (reaction), level 2 with its
    phase (pre or post) or level 3 with its respondent (participant or supervisor)."""

    class Level(models.IntegerChoices):
        REACTION = 1, _("Level 1: reaction")
        LEARNING = 2, _("Level 2: learning")
        BEHAVIOUR = 3, _("Level 3: behaviour")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE,
                                 related_name="evaluation_links")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    phase = models.CharField(max_length=4, blank=True)  # level 2: LearningCheck.Phase
    respondent = models.CharField(max_length=11, blank=True)  # level 3: FollowUp.Respondent
    token_hash = models.CharField(max_length=64, unique=True)  # SHA-256 of the URL's token
    expires_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)  # closed early by its opener
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivery", "-created_at"]

    def __str__(self) -> str:
        return f"level {self.level} {self.phase or self.respondent} link of {self.delivery}"

    @property
    def token(self) -> str:
        """The secret of the link's address, recomputed (``delivery.link_tokens`` says
        why it is not stored); "" when it can no longer be."""
        return link_tokens.token_of(self.uuid, self.token_hash)


class PersonalLink(models.Model):
    """One trainee's own address under a level-3 (follow-up) link: the follow-up is
    answered months after the course, away from the room, so nobody picks a code from a
    list there — whoever holds this address answers for this trainee only. Open while its
    link is; its token is derived as the link's (``link_tokens``), only its hash kept."""

    link = models.ForeignKey(EvaluationLink, on_delete=models.CASCADE,
                             related_name="personal_links")
    trainee = models.ForeignKey("Trainee", on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["link", "trainee"]
        constraints = [models.UniqueConstraint(fields=["link", "trainee"],
                                               name="personal_link_once")]

    def __str__(self) -> str:
        return f"{self.trainee.code}'s address of {self.link}"

    @property
    def token(self) -> str:
        return link_tokens.personal_token_of(self.link.uuid, self.trainee.uuid,
                                             self.token_hash)


class Reaction(models.Model):
    """Level 1: a trainee's ratings of the course, 1 (poor) to 5 (excellent); a rating left
    out is None."""

    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="reactions")
    relevance = models.PositiveSmallIntegerField(null=True, blank=True)
    quality = models.PositiveSmallIntegerField(null=True, blank=True)
    trainer = models.PositiveSmallIntegerField(null=True, blank=True)
    recommend = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    # a coordinator or programme manager checked the comment: the donor's documents may
    # quote it (govcap.results); a changed answer is unchecked again
    quotable = models.BooleanField(default=False)
    source = models.CharField(max_length=8, choices=AnswerSource.choices)
    link = models.ForeignKey(EvaluationLink, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["trainee"]
        constraints = [models.UniqueConstraint(fields=["trainee"], name="reaction_once")]

    def __str__(self) -> str:
        return f"reaction of {self.trainee.code}"


class LearningCheck(models.Model):
    """Level 2: a trainee's check of the module's objectives before (pre) or after (post)
    the course. ``objectives_met`` holds one True/False per catalogue objective, in order,
    when answered item by item; a paper test may give only ``correct`` of ``out_of``. The
    score is ``correct / out_of``; the gain is post − pre."""

    class Phase(models.TextChoices):
        PRE = "pre", _("Before the course")
        POST = "post", _("After the course")

    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE,
                                related_name="learning_checks")
    phase = models.CharField(max_length=4, choices=Phase.choices)
    objectives_met = models.JSONField(default=list, blank=True)
    correct = models.PositiveSmallIntegerField()
    out_of = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=8, choices=AnswerSource.choices)
    link = models.ForeignKey(EvaluationLink, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["trainee", "phase"]
        constraints = [
            models.UniqueConstraint(fields=["trainee", "phase"], name="learning_check_once"),
            models.CheckConstraint(condition=models.Q(out_of__gt=0)
                                   & models.Q(correct__lte=models.F("out_of")),
                                   name="learning_check_score_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.phase} check of {self.trainee.code}: {self.correct}/{self.out_of}"

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.out_of


class FollowUp(models.Model):
    """Level 3: whether a completed trainee applies the course at work, asked of the
    trainee and of their supervisor, due some months after the delivery ends (the rule:
    ``delivery.core.evaluation.FOLLOW_UP_DUE_MONTHS``/``FOLLOW_UP_CLOSE_MONTHS``). Created
    unanswered (``answered_at`` None) when the trainee completes; answered later."""

    class Respondent(models.TextChoices):
        PARTICIPANT = "participant", _("The participant")
        SUPERVISOR = "supervisor", _("Their supervisor")

    class Applied(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="follow_ups")
    respondent = models.CharField(max_length=11, choices=Respondent.choices)
    due_date = models.DateField()
    close_date = models.DateField()  # after it, the follow-up is overdue
    applied = models.CharField(max_length=6, choices=Applied.choices, blank=True)
    example = models.TextField(blank=True)
    quotable = models.BooleanField(default=False)  # as Reaction.quotable
    source = models.CharField(max_length=8, choices=AnswerSource.choices, blank=True)
    link = models.ForeignKey(EvaluationLink, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "trainee", "respondent"]
        constraints = [models.UniqueConstraint(fields=["trainee", "respondent"],
                                               name="follow_up_once")]

    def __str__(self) -> str:
        return f"{self.respondent} follow-up of {self.trainee.code}"
