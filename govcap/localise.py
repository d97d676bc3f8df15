"""How govcap writes lists, numbers, shares and days in its reader's language: one place
for pages (the active language: template filters in ``govcap.web.templatetags.govcap``),
documents (their own language, ``language=``) and messages.

- Lists: Arabic separates with its own comma and semicolon (``،`` ``؛``), which read right
  to left; a Latin ";" between two Arabic items is a neutral the bidi algorithm may carry to
  the wrong side. French puts a narrow no-break space before ";".
- Numbers: French groups thousands with a narrow no-break space and writes a decimal comma
  ("1 234,5"), and puts a narrow no-break space before "%" ("12 %"). Arabic pages use Latin
  digits (as every page and document of govcap), with "." and "," as in English.
- Days: one form everywhere, the month in words: "1 February 2026", "1er février 2026"
  (French writes the first of the month as an ordinal), "1 فبراير 2026", "1 Februari 2026".
  Month names come from Django's catalogues. Machine files (CSV, JSON, IATI) keep ISO dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import formats, timezone, translation

NNBSP = "\u202f"  # NARROW NO-BREAK SPACE (French before ; : % ! ?, and between thousands)

# (between items, between items that hold commas of their own)
_SEPARATORS = {"ar": ("، ", "؛ "), "fa": ("، ", "؛ "), "fr": (", ", f"{NNBSP}; ")}
_DEFAULT_SEPARATORS = (", ", "; ")


def language_of(language: str | None = None) -> str:
    """The base language of `language` (default: the active one): "fr", "ar"… The
    pseudo-locales answer as their base ("en-xa" → "en", "ar-xb" → "ar")."""
    code = (language or translation.get_language() or "en").lower()
    return code.replace("_", "-").split("-")[0]


def separator(language: str | None = None, *, strong: bool = False) -> str:
    """What goes between two items of a list: a comma, or with `strong` a semicolon (items
    that hold commas themselves), in the language's own punctuation."""
    return _SEPARATORS.get(language_of(language), _DEFAULT_SEPARATORS)[1 if strong else 0]


def join(items: Iterable[Any], language: str | None = None, *, strong: bool = False) -> str:
    """`items` as one list in `language`: "a, b" / "أ، ب"; with `strong`, "a; b" /
    "a ; b" (French) / "أ؛ ب". Empty items are left out."""
    return separator(language, strong=strong).join(str(i) for i in items if str(i))


def number(value: float | int, language: str | None = None, digits: int | None = None) -> str:
    """`value` with its thousands grouped and `digits` decimals (a whole number: none; a
    float: as given, else 1): "1,234.5" / "1 234,5"."""
    if digits is None:
        digits = 0 if isinstance(value, int) else 1
    text = f"{value:,.{digits}f}"
    if text.startswith("-"):
        text = "−" + text[1:]  # the minus sign, not a hyphen
    if language_of(language) == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def percent(value: float | int, language: str | None = None, digits: int = 0) -> str:
    """A share already in percent: "12%", "12 %" (French)."""
    sign = f"{NNBSP}%" if language_of(language) == "fr" else "%"
    return number(round(value, digits) if digits else round(value), language, digits) + sign


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def day(value: dt.date | dt.datetime | str | None, language: str | None = None,
        empty: str = "") -> str:
    """A day in words, in `language`: "1 February 2026", "1er février 2026",
    "1 فبراير 2026", "30 Aprili 2025". A datetime is shown as its local day; None or ""
    gives `empty`."""
    if value in (None, ""):
        return empty
    when = _as_date(value)
    code = language_of(language)
    with translation.override(language or translation.get_language()):
        month_year = formats.date_format(when, "F Y")
    first = "1er" if code == "fr" and when.day == 1 else str(when.day)
    return f"{first} {month_year}"


def day_time(value: dt.datetime | None, language: str | None = None, empty: str = "",
             seconds: bool = False) -> str:
    """A moment: its local day in words and the time on 24 hours, "1er février 2026 14:05"."""
    if value in (None, ""):
        return empty
    assert value is not None
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{day(local, language)} {local:%H:%M:%S}" if seconds else (
        f"{day(local, language)} {local:%H:%M}")


def month(value: dt.date | str | None, language: str | None = None, empty: str = "") -> str:
    """A month in words: "February 2026", "février 2026" ("2026-02" or a day)."""
    if not value:
        return empty
    when = value if isinstance(value, dt.date) else dt.date.fromisoformat(
        f"{str(value)[:7]}-01")
    with translation.override(language or translation.get_language()):
        return formats.date_format(when, "F Y")
