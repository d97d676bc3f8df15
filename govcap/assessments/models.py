"""FGD sessions and what is captured in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcap.labels import LEVELS
from govcap.scale import CONFIDENCE_KEYS


class Session(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Validated")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    engagement = models.ForeignKey("orgs.Engagement", on_delete=models.PROTECT, related_name="sessions")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="sessions"
    )
    instrument = models.ForeignKey(
        "instruments.Instrument", on_delete=models.PROTECT, related_name="sessions"
    )
    scheduled_date = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=12, default="en")
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_sessions"
    )
    note_taker = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    consent_given = models.BooleanField(default=False)
    recording_allowed = models.BooleanField(default=False)
    consent_note = models.TextField(blank=True)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(default=False)
    # The instance ID of a KoboToolbox/ODK submission this session was imported from.
    source_instance_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["scheduled_date", "id"]
        indexes = [models.Index(fields=["engagement", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_instance_id"], condition=~Q(source_instance_id=""),
                name="submission_imported_once",
            )
        ]

    def __str__(self) -> str:
        when = self.scheduled_date.isoformat() if self.scheduled_date else "unscheduled"
        return f"{self.organisation} — {when}"


class Participant(models.Model):
    """A participant is known everywhere by code (P1, P2…); a name, if any, is kept apart."""

    class Seniority(models.TextChoices):
        SENIOR = "senior", _("Senior management")
        MIDDLE = "middle", _("Middle management")
        TECHNICAL = "technical", _("Technical / officer")
        NOT_STATED = "", _("Not stated")

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Another gender")
        NOT_STATED = "", _("Not stated")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    code = models.CharField(max_length=10)
    role_title = models.CharField(_("role or job title"), max_length=160, blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    seniority = models.CharField(max_length=12, choices=Seniority.choices, blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    revision = models.PositiveIntegerField(default=1)  # an edit based on another is refused

    class Meta:
        ordering = ["session", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "code"], name="participant_code_in_session")
        ]

    def __str__(self) -> str:
        return self.code


class ParticipantIdentity(models.Model):
    """Identifying data, stored apart so that codes can circulate without it."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="identity")
    name = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"identity of {self.participant.code}"


class Rating(models.Model):
    """A level for one section of one session: the consensus (rater empty) or one rater's.

    Each capture field has its own revision in `field_revisions`, so two people editing
    different fields do not clash, while a stale edit of the same field is refused.

    Database triggers (govcap.analysis.tally, installed by analysis's migrations) count the
    consensus ratings per engagement, section and level: every insert, update, delete or
    bulk write of this table moves that tally in the same statement, whatever code writes.
    """

    CAPTURE_FIELDS = (
        "level",
        "not_assessed_reason",
        "confidence",
        "notes",
        "evidence",
        "dissent",
    )

    class LevelChoice(models.TextChoices):
        HIGH = "high", LEVELS["high"]
        MODERATE = "moderate", LEVELS["moderate"]
        BASIC = "basic", LEVELS["basic"]
        NOT_ASSESSED = "not_assessed", LEVELS["not_assessed"]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    section_key = models.CharField(max_length=60)
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(max_length=14, choices=LevelChoice.choices, blank=True)
    not_assessed_reason = models.TextField(blank=True)
    confidence = models.CharField(
        max_length=8, choices=[(c, c) for c in CONFIDENCE_KEYS], blank=True
    )
    notes = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    dissent = models.TextField(blank=True)
    field_revisions = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "section_key"],
                condition=Q(rater__isnull=True),
                name="one_consensus_per_section",
            ),
            models.UniqueConstraint(
                fields=["session", "section_key", "rater"],
                condition=Q(rater__isnull=False),
                name="one_rating_per_rater_section",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} / {self.section_key}: {self.level or '—'}"

    @property
    def is_complete(self) -> bool:
        if self.level == self.LevelChoice.NOT_ASSESSED:
            return bool(self.not_assessed_reason.strip())
        return bool(self.level)

    def revision_of(self, field: str) -> int:
        return int(self.field_revisions.get(field, 0))


class Quote(models.Model):
    """A key quote, attributed to a participant code. Its UUID may come from the client so a
    quote added offline and sent twice is created once."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="quotes")
    section_key = models.CharField(max_length=60)
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField()
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class AppliedOperation(models.Model):
    """A client operation already applied: a retried save returns the stored answer."""

    op_id = models.UUIDField(unique=True)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    response = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.op_id)


class CaptureConflict(models.Model):
    """An edit refused because its field (or quote) changed elsewhere since the revision it was
    based on. It is kept, with both versions, until its author decides — so an edit queued on
    a device and sent later, from whatever page, is never dropped. At most one open conflict
    per author and target: a later refused edit of the same target replaces `yours`."""

    class Resolution(models.TextChoices):
        MINE = "mine", _("Kept mine")
        THEIRS = "theirs", _("Took theirs")
        MERGED = "merged", _("Merged")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="conflicts")
    section_key = models.CharField(max_length=60)
    target = models.CharField(max_length=60)  # a Rating.CAPTURE_FIELDS name, or "quote:<uuid>"
    yours = models.TextField(blank=True)
    theirs = models.TextField(blank=True)
    server_revision = models.PositiveIntegerField()  # the revision `theirs` is at
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    op_id = models.UUIDField()  # the last operation that met it
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=8, choices=Resolution.choices, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "section_key", "target", "author"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_conflict_per_author_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} / {self.section_key} / {self.target}"

    @property
    def field(self) -> str:
        return "quote" if self.target.startswith("quote:") else self.target


class SharedText(models.Model):
    """What of a note, evidence, dissent or quote may leave the room, in the wording that may:
    everything captured is internal until a facilitator or coordinator marks it shareable,
    possibly with parts left out (assessments.sharing). Documents quote only these texts.
    `source` is the captured text it was made from: when that text changes later, the shared
    wording stays as it was approved and the sharing page says it needs a second look."""

    class Field(models.TextChoices):
        NOTES = "notes", _("Notes")
        EVIDENCE = "evidence", _("Evidence mentioned")
        DISSENT = "dissent", _("Dissent")
        QUOTE = "quote", _("Quote")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="shared_texts")
    rating = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="shared_texts")
    quote = models.OneToOneField(Quote, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="shared")
    field = models.CharField(max_length=10, choices=Field.choices)
    text = models.TextField()
    source = models.TextField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rating", "field"], condition=Q(rating__isnull=False),
                                    name="one_shared_text_per_rating_field"),
            models.CheckConstraint(
                condition=(Q(field="quote", quote__isnull=False, rating__isnull=True)
                           | (~Q(field="quote") & Q(quote__isnull=True, rating__isnull=False))),
                name="shared_text_has_one_source"),
        ]

    def __str__(self) -> str:
        return f"{self.session} / {self.field}: {self.text[:40]}"
