"""Catalogue versions, engagement plan settings, plans and the coordinator's stored edits.

The pure core (the rest of this package) knows nothing of these tables: ``services``
reads them into plain inputs, calls :func:`generate_plan` and stores the result.

* A catalogue version is a validated document (like an instrument version). A version a
  plan used never changes: an edit made in the app is saved as a new version.
* A plan version's data is the canonical JSON of ``PlanData.to_json()`` — stored as text,
  so the same inputs give byte-identical rows on SQLite and PostgreSQL alike.
* An edit is an operation, stored in order and replayed on every generation.
"""

from __future__ import annotations

import json
import uuid
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from govcap.planning.core.catalogue import parse_catalogue, parse_translation
from govcap.planning.core.catalogue import translate_catalogue as translate
from govcap.planning.core.inputs import LEAD_WEEKS, MAX_LEAD_WEEKS
from govcap.planning.core.stored import plan_from_dict
from govcap.scale import Level

_PARSED: dict[tuple[str, str], Any] = {}


def forget_parsed(catalogue: Catalogue) -> None:
    """Drop the parsed copies of `catalogue` once one of its layers changed."""
    for cached in [k for k in _PARSED if k[0] == catalogue.checksum]:
        _PARSED.pop(cached, None)


class Catalogue(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.SlugField(max_length=80)
    version = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    language = models.CharField(max_length=12, default="en")
    document = models.JSONField()
    checksum = models.CharField(max_length=64)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    change_note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="catalogue_key_version")
        ]
        ordering = ["key", "imported_at", "id"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def in_use(self) -> bool:
        return self.plans.exists()

    def name(self, language: str | None = None) -> str:
        """The catalogue's name in `language` (default: the active one), as its translation
        layer gives it (else as stored, in the catalogue's own language): the one way
        pages, menus and documents name a stored catalogue version."""
        return self.parsed(language or get_language() or "").title

    def parsed(self, language: str | None = None):
        """The catalogue (govcap.planning.Catalogue), translated when a layer exists."""
        lang = language if language and language != self.language else ""
        cached = _PARSED.get((self.checksum, lang))
        if cached is None:
            cached = parse_catalogue(self.document, source=f"{self.key} v{self.version}")
            layer = self.translations.filter(language=lang).first() if lang else None
            if layer is not None:
                cached = translate(cached, parse_translation(layer.document))
            if not lang or layer is not None:
                _PARSED[(self.checksum, lang)] = cached
        return cached

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            stored = Catalogue.objects.filter(pk=self.pk).values_list("checksum", flat=True).first()
            if stored is not None and stored != self.checksum and self.in_use:
                raise ValidationError(
                    f"Catalogue {self.key} v{self.version} is used by plans and cannot be "
                    "changed; save the change as a new version.")
        super().save(*args, **kwargs)


class CatalogueTranslation(models.Model):
    """One language layer of one catalogue version (keyed by module code and field)."""

    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE,
                                  related_name="translations")
    language = models.CharField(max_length=12)
    document = models.JSONField()
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "language"],
                                    name="catalogue_translation_language")
        ]

    def __str__(self) -> str:
        return f"{self.catalogue} [{self.language}]"


LEVEL_CHOICES = [(lv.key, lv.name.title()) for lv in Level]


class PlanSettings(models.Model):
    """Targets and constraints of one engagement's plan (one row per engagement)."""

    engagement = models.OneToOneField("orgs.Engagement", on_delete=models.CASCADE,
                                      related_name="plan_settings")
    catalogue = models.ForeignKey(Catalogue, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+",
                                  help_text=_("Empty: the latest catalogue version"))
    # targets
    default_level = models.CharField(max_length=10, choices=LEVEL_CHOICES, default="moderate")
    strategic_level = models.CharField(max_length=10, choices=LEVEL_CHOICES, default="high")
    strategic_sections = models.JSONField(default=list, blank=True)
    # organisation uuid → section key → level key
    target_overrides = models.JSONField(default=dict, blank=True)
    sustain_high = models.BooleanField(default=True)
    # constraints
    start_month = models.CharField(max_length=7)
    horizon_months = models.PositiveSmallIntegerField(default=12)
    # weeks between the plan's date and its first course (planning.core.inputs.LEAD_WEEKS)
    lead_weeks = models.PositiveSmallIntegerField(
        default=LEAD_WEEKS, validators=[MaxValueValidator(MAX_LEAD_WEEKS)])
    max_parallel = models.PositiveSmallIntegerField(default=6)
    max_parallel_per_domain = models.PositiveSmallIntegerField(null=True, blank=True, default=2)
    blackout_months = models.JSONField(default=list, blank=True)
    participants_per_org = models.PositiveSmallIntegerField(default=3)
    participants_overrides = models.JSONField(default=dict, blank=True)  # org uuid → n
    max_participants_per_org = models.PositiveSmallIntegerField(default=6)
    currency = models.CharField(max_length=3, default="USD")
    exchange_rate = models.DecimalField(max_digits=14, decimal_places=6, default=1)
    # module code → {"per_participant_day": "120", "per_cohort": "4000"} (engagement currency)
    cost_overrides = models.JSONField(default=dict, blank=True)
    funding_source = models.CharField(max_length=200, blank=True)
    # each organisation's load (planning.core.inputs: 5 days a month, 12 a quarter, 4 away)
    days_per_month = models.PositiveSmallIntegerField(default=5)
    days_per_quarter = models.PositiveSmallIntegerField(default=12)
    staff_away = models.PositiveSmallIntegerField(default=4)
    # org uuid → {"days_per_month": n, "days_per_quarter": n, "staff_away": n}
    capacity_overrides = models.JSONField(default=dict, blank=True)
    # blocked months (planning.core.blackouts): the fiscal year's last month, Ramadan,
    # national holidays; new settings take the country's defaults
    fiscal_year_end_month = models.PositiveSmallIntegerField(null=True, blank=True)
    block_ramadan = models.BooleanField(default=False)
    block_holidays = models.BooleanField(default=True)
    # The share of women the nominations aim at, in percent: the plan shows it per course
    # beside the gender mix recorded in each organisation's focus group.
    women_target_percent = models.PositiveSmallIntegerField(
        default=50, validators=[MaxValueValidator(100)])
    # The cost model (planning.core.ratecard): empty takes the country's newest rate card in
    # effect on the plan's date; a version pins that edition. The share of participants who
    # travel to the venue city; empty takes the card's default.
    rate_card_version = models.CharField(max_length=20, blank=True, default="")
    travelling_share_percent = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)])
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"plan settings of {self.engagement}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "catalogue": str(self.catalogue.uuid) if self.catalogue else None,
            "default_level": self.default_level, "strategic_level": self.strategic_level,
            "strategic_sections": sorted(self.strategic_sections),
            "target_overrides": self.target_overrides, "sustain_high": self.sustain_high,
            "start_month": self.start_month, "horizon_months": self.horizon_months,
            "lead_weeks": self.lead_weeks,
            "max_parallel": self.max_parallel,
            "max_parallel_per_domain": self.max_parallel_per_domain,
            "blackout_months": sorted(self.blackout_months),
            "participants_per_org": self.participants_per_org,
            "participants_overrides": self.participants_overrides,
            "max_participants_per_org": self.max_participants_per_org,
            "currency": self.currency, "exchange_rate": str(self.exchange_rate),
            "cost_overrides": self.cost_overrides, "funding_source": self.funding_source,
            "days_per_month": self.days_per_month, "days_per_quarter": self.days_per_quarter,
            "staff_away": self.staff_away, "capacity_overrides": self.capacity_overrides,
            "fiscal_year_end_month": self.fiscal_year_end_month,
            "block_ramadan": self.block_ramadan, "block_holidays": self.block_holidays,
            "women_target_percent": self.women_target_percent,
            "rate_card_version": self.rate_card_version,
            "travelling_share_percent": self.travelling_share_percent,
        }


# The formats a plan version downloads in: the plan pages offer them, govcap.reports
# renders them (JSON is the stored data itself).
DOCUMENT_FORMATS = ("docx", "pdf", "xlsx", "json")


class Plan(models.Model):
    """One version of an engagement's training plan. Approved versions never change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    engagement = models.ForeignKey("orgs.Engagement", on_delete=models.CASCADE,
                                   related_name="plans")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="plans")
    data_json = models.TextField(help_text=_("PlanData.to_json(): canonical JSON"))
    checksum = models.CharField(max_length=64)
    inputs_checksum = models.CharField(max_length=64)
    # the inputs item by item when it was generated (planning.inputs_db.manifest_of): its
    # page says what changed since; null for a version stored before
    inputs_manifest = models.JSONField(null=True, blank=True, editable=False)
    diff = models.JSONField(null=True, blank=True, help_text=_("What changed since the "
                                                               "previous version"))
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["engagement", "version"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "version"], name="plan_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.engagement} — plan v{self.version} ({self.status})"

    @property
    def is_read_only(self) -> bool:
        return self.status == self.Status.APPROVED

    @cached_property
    def data(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.data_json)
        return loaded

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.__dict__.pop("data", None)
        super().refresh_from_db(*args, **kwargs)

    def plan_data(self):
        """The stored data as a ``PlanData`` (what the document renderers take)."""
        return plan_from_dict(self.data)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            stored = Plan.objects.filter(pk=self.pk).values_list("status", "checksum").first()
            if stored and stored[0] == self.Status.APPROVED and (
                    stored[1] != self.checksum or self.status != self.Status.APPROVED):
                raise ValidationError(f"Plan v{self.version} is approved and cannot change; "
                                      "make a new draft from it.")
        super().save(*args, **kwargs)


class PlanEdit(models.Model):
    """A coordinator's edit, kept as an operation and replayed on every generation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    engagement = models.ForeignKey("orgs.Engagement", on_delete=models.CASCADE,
                                   related_name="plan_edits")
    seq = models.PositiveIntegerField()
    op_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=20)
    operation = models.JSONField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn = models.BooleanField(default=False)
    last_status = models.CharField(max_length=12, blank=True)
    last_message = models.TextField(blank=True)
    last_plan_version = models.PositiveIntegerField(null=True, blank=True)
    # Other courses whose month the edit moved when it was saved: [{module_code, before,
    # after}] (codes and months; the page says them in the reader's words).
    moved_others = models.JSONField(default=list, blank=True)
    # The teaching order the move reversed when it was saved (a 102 now before its 101):
    # [{org_id, module_code, month, first_code, first_month}] (``core.diff.OutOfOrder``),
    # so the Edits list still says it with what else the move did.
    reversed_order = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["engagement", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "seq"], name="plan_edit_seq"),
            models.UniqueConstraint(fields=["engagement", "op_id"], name="plan_edit_op_id"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.op_id}"
