"""The words for a capacity level and for a rating's confidence, in the active language:
one definition for pages, documents, the history and the charts' callers. Documents say
them in their own language by activating it (``translation.override``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LEVELS = {"basic": _("Basic"), "moderate": _("Moderate"), "high": _("High"),
          "not_assessed": _("Not assessed")}
CONFIDENCE = {"low": pgettext_lazy("confidence", "Low"),
              "medium": pgettext_lazy("confidence", "Medium"),
              "high": pgettext_lazy("confidence", "High")}


def level_label(key: str | None) -> str:
    """"basic" / "moderate" / "high" → its word; no level or "not_assessed" → "Not assessed";
    an unknown key is shown as it is."""
    return str(LEVELS.get(key or "not_assessed", key or ""))


def confidence_label(key: str | None) -> str:
    return str(CONFIDENCE.get(key, key)) if key else ""


def level_choices() -> list[tuple[str, str]]:
    """The assessed levels, lowest first, as form choices."""
    return [(key, level_label(key)) for key in ("basic", "moderate", "high")]


def confidence_choices() -> list[tuple[str, str]]:
    return [(key, confidence_label(key)) for key in ("low", "medium", "high")]
