"""Countries, their organisations, and engagements (one round of a country's assessment)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from govcap.orgs.names import country_name, round_name, sector_name


class DemoQuerySet(models.QuerySet):
    def real(self):
        return self.filter(is_demo=False)


class Country(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2"))
    name = models.CharField(max_length=120)
    is_demo = models.BooleanField(default=False)

    objects = DemoQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the active language (`govcap.orgs.names`): "Somalie", "الصومال"."""
        return country_name(self.code, self.name)

    def name_in(self, language: str) -> str:
        """The name in `language`, for a document written in it."""
        return country_name(self.code, self.name, language)


class Organisation(models.Model):
    """A ministry or agency. It belongs to a country and persists across engagements."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        AGENCY = "agency", _("Agency")
        AUTHORITY = "authority", _("Authority or regulator")
        OTHER = "other", _("Other")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=30, blank=True, help_text=_("Short name, e.g. MoICT"))
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MINISTRY)
    sector = models.CharField(max_length=120, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    is_demo = models.BooleanField(default=False)

    objects = DemoQuerySet.as_manager()

    class Meta:
        ordering = ["country__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="organisation_name_in_country")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sector_name(self) -> str:
        """The sector in the active language when it is one govcap knows, else as stored."""
        return sector_name(self.sector)


class Engagement(models.Model):
    """One round of a country's assessment: baseline, follow-up 1, follow-up 2…"""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=120, unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="engagements")
    name = models.CharField(max_length=200)
    # The name in other languages (language code → name), as the coordinator gives it:
    # read through `name_in`/`local_name`, never `name` where a reader sees it.
    names = models.JSONField(default=dict, blank=True)
    round_number = models.PositiveSmallIntegerField(
        default=0, help_text=_("0 for the baseline, 1 for the first follow-up, and so on")
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    instrument = models.ForeignKey(
        "instruments.Instrument", on_delete=models.PROTECT, related_name="engagements"
    )
    project_name = models.CharField(
        max_length=120,
        default="IDGC HoA",
        help_text=_("The project named in the introduction read to participants"),
    )
    language = models.CharField(max_length=12, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="engagements")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DemoQuerySet.as_manager()

    class Meta:
        ordering = ["country__name", "round_number", "name"]

    def __str__(self) -> str:
        return self.local_name

    def name_in(self, language: str | None) -> str:
        """The name in `language` (a document written in it): the one given for it ("ar",
        or its base language for "ar-xb"), else the stored name."""
        return engagement_name(self.name, self.names, language)

    @property
    def local_name(self) -> str:
        """The name in the reader's (active) language: every page, document, export and
        email prints the engagement's name through this or `name_in`."""
        return self.name_in(translation.get_language())

    @property
    def round_label(self) -> str:
        """"Baseline", "Follow-up 1" (`govcap.orgs.names.round_name`)."""
        return round_name(self.round_number)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Engagement, self.name)
        super().save(*args, **kwargs)


def engagement_name(name: str, names: dict[str, str] | None, language: str | None) -> str:
    """`name` in `language` from the names given per language, else `name` as stored."""
    if not names or not language:
        return name
    code = language.lower()
    return names.get(code) or names.get(code.split("-")[0]) or name


NAME_MAX = 200


def name_languages() -> list[str]:
    """The languages an engagement's name may be given in: those the interface offers."""
    from django.conf import settings

    # Here, not at the top: orgs sits below govcap.translations' own imports of settings.
    from govcap.translations import is_pseudo

    return [code for code, _name in settings.LANGUAGES if not is_pseudo(code)]


def clean_names(raw: object) -> dict[str, str]:
    """Names per language as given (a form, the API): each trimmed, the empty ones left
    out. Raises ValueError, in the reader's words, for a language govcap does not offer,
    a name that is not text or one longer than the name itself may be."""
    if not isinstance(raw, dict):
        raise ValueError(_("Give the names as a language code and its name."))
    known = name_languages()
    names: dict[str, str] = {}
    for code, value in raw.items():
        if code not in known:
            raise ValueError(_("%(code)s is not a language of govcap (%(known)s).") % {
                "code": code, "known": ", ".join(known)})
        if not isinstance(value, str):
            raise ValueError(_("The name in %(code)s is not text.") % {"code": code})
        if len(value.strip()) > NAME_MAX:
            raise ValueError(_("The name in %(code)s is longer than %(n)d characters.") % {
                "code": code, "n": NAME_MAX})
        if value.strip():
            names[code] = value.strip()
    return names


def unique_slug(model: type[models.Model], text: str) -> str:
    base = slugify(text)[:100] or "item"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
