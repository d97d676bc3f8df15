"""What analysis adds to the data: codebooks, codes and their keyword rules, coded segments of
notes and quotes, suggested codings awaiting a decision, and participants' anonymous votes.

Individual raters' levels are `assessments.Rating` rows with a rater (the consensus has
none); the engagement × section × level tally lives in a table kept by database triggers
(see `tally`), not in a model, so it never enters backups.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Codebook(models.Model):
    """The codes analysts apply in one engagement (seeded with the default codebook)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    engagement = models.OneToOneField("orgs.Engagement", on_delete=models.CASCADE,
                                      related_name="codebook")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"codebook of {self.engagement}"


class Code(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    codebook = models.ForeignKey(Codebook, on_delete=models.CASCADE, related_name="codes")
    name = models.CharField(_("name"), max_length=120)
    definition = models.TextField(_("definition"), blank=True)
    colour = models.CharField(_("colour"), max_length=7, default="#1F4E89")
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True,
                                    help_text=_("Retired codes keep their coded segments"))
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["codebook", "name"],
                                               name="code_name_in_codebook")]

    def __str__(self) -> str:
        return self.name


class KeywordRule(models.Model):
    """A word or phrase whose occurrences suggest a code (whole words, any case)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="rules")
    keyword = models.CharField(_("keyword"), max_length=120)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["keyword"]
        constraints = [models.UniqueConstraint(fields=["code", "keyword"],
                                               name="keyword_once_per_code")]

    def __str__(self) -> str:
        return self.keyword


class Source(models.TextChoices):
    NOTES = "notes", _("Notes")
    QUOTE = "quote", _("Quote")


class SpanBase(models.Model):
    """A span of a section's notes (the consensus rating's) or of a quote, by offsets."""

    session = models.ForeignKey("assessments.Session", on_delete=models.CASCADE,
                                related_name="+")
    section_key = models.CharField(max_length=60)
    source = models.CharField(max_length=10, choices=Source.choices)
    rating = models.ForeignKey("assessments.Rating", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")
    quote = models.ForeignKey("assessments.Quote", null=True, blank=True,
                              on_delete=models.CASCADE, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField(help_text=_("The span's text when it was coded"))

    class Meta:
        abstract = True

    @property
    def source_text(self) -> str:
        if self.source == Source.QUOTE:
            return self.quote.text if self.quote is not None else ""
        return self.rating.notes if self.rating is not None else ""

    @property
    def text_changed(self) -> bool:
        """True when the note or quote was edited so the offsets no longer hold the text."""
        return self.source_text[self.start:self.end] != self.text


def _one_source(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=(Q(source="notes", rating__isnull=False, quote__isnull=True)
                       | Q(source="quote", quote__isnull=False, rating__isnull=True)),
            name=f"{prefix}_one_source"),
        models.CheckConstraint(condition=Q(end__gt=models.F("start")),
                               name=f"{prefix}_not_empty"),
    ]


class CodedSegment(SpanBase):
    """A code applied to a span by one coder (coders are compared, so it is always stored)."""

    class Origin(models.TextChoices):
        MANUAL = "manual", _("Coded by hand")
        SUGGESTED = "suggested", _("Accepted suggestion")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="segments")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    memo = models.TextField(_("memo"), blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "section_key", "start", "id"]
        indexes = [models.Index(fields=["code", "session"])]
        constraints = [
            *_one_source("segment"),
            models.UniqueConstraint(fields=["code", "coder", "rating", "start", "end"],
                                    condition=Q(rating__isnull=False),
                                    name="segment_once_in_notes"),
            models.UniqueConstraint(fields=["code", "coder", "quote", "start", "end"],
                                    condition=Q(quote__isnull=False),
                                    name="segment_once_in_quote"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:40]}"


class Suggestion(SpanBase):
    """A span a keyword rule matched: never applied until an analyst accepts it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="suggestions")
    keyword = models.CharField(max_length=120)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    segment = models.ForeignKey(CodedSegment, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "section_key", "start", "id"]
        constraints = [
            *_one_source("suggestion"),
            # a span suggested once is never suggested again, whatever was decided
            models.UniqueConstraint(fields=["code", "rating", "start", "end"],
                                    condition=Q(rating__isnull=False),
                                    name="suggestion_once_in_notes"),
            models.UniqueConstraint(fields=["code", "quote", "start", "end"],
                                    condition=Q(quote__isnull=False),
                                    name="suggestion_once_in_quote"),
        ]

    def __str__(self) -> str:
        return f"{self.code}? {self.text[:40]}"


class VoteTally(models.Model):
    """Participants' anonymous individual votes on one section, entered as counts per level
    by the facilitator before the group discussion."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey("assessments.Session", on_delete=models.CASCADE,
                                related_name="vote_tallies")
    section_key = models.CharField(max_length=60)
    basic = models.PositiveSmallIntegerField(default=0)
    moderate = models.PositiveSmallIntegerField(default=0)
    high = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "section_key"],
                                               name="one_vote_tally_per_section")]

    def __str__(self) -> str:
        return f"votes {self.session_id}/{self.section_key}"

    @property
    def levels(self) -> list[int | None]:
        """The votes as levels (1–3) with abstentions as None, for `agreement.vote_spread`."""
        return [1] * self.basic + [2] * self.moderate + [3] * self.high + [None] * self.abstain

    @property
    def total(self) -> int:
        return self.basic + self.moderate + self.high + self.abstain
