"""A month's blocked working days said in the reader's language: the fiscal year-end,
Ramadan, a public holiday by its name (from the holiday tables, which name Kenya's in
English and Swahili, Djibouti's in French, Arabic and English, Somalia's in Somali, Arabic
and English). A plan stored before the reasons were codes keeps its English words."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import get_language, gettext, ngettext

from govcap.planning.core import blackouts


def reason_words(reason: str, language: str | None = None) -> str:
    language = (language or get_language() or "en").split("-")[0]
    kind, _, rest = reason.partition(":")
    if reason == blackouts.FISCAL_YEAR_END_REASON:
        return gettext("fiscal year-end")
    if kind == blackouts.RAMADAN_REASON and rest.isdigit():
        n = int(rest)
        return ngettext("Ramadan (%(n)d working day)", "Ramadan (%(n)d working days)",
                        n) % {"n": n}
    if kind == blackouts.HOLIDAY_REASON and rest.count(":") == 1:
        country, iso = rest.split(":")
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            return reason
        name = blackouts.holiday_name(country, day, language) or gettext("public holiday")
        return f"{name} ({day.day})"
    return reason  # an older plan's words


def reasons_words(reasons: tuple[str, ...] | list[str], language: str | None = None) -> str:
    """The reasons joined, in ``language`` (a document's) or the active one (a page's)."""
    if language is None:
        return ", ".join(reason_words(r) for r in reasons)
    with translation.override(language):
        return ", ".join(reason_words(r, language) for r in reasons)
