"""A month's blocked working days said in the reader's language: the fiscal year-end,
Ramadan, a public holiday by its name. A plan stored before the reasons were codes keeps
its English words.

A holiday's name is ours, in our catalogues (context "public holiday"), for every holiday
the plans of Kenya, Djibouti and Somalia show: the holiday tables name Kenya's in English
and Swahili only, Djibouti's in French, Arabic and English, Somalia's in Somali, Arabic
and English, so a Swahili reader saw Djibouti's in English and a French one Kenya's. The
tables give the English name (``en_US``) that keys ours. Where a catalogue has not
translated a name yet, the tables' own name in that language is shown (French names
written as French writes them: a capital on the first word and on proper nouns only)."""

from __future__ import annotations

import datetime as dt

import holidays as holiday_tables
from django.utils import translation
from django.utils.translation import get_language, gettext, ngettext, pgettext

from govcap import localise
from govcap.planning.core import blackouts
from govcap.translations import Contextual, in_context

# The context "public holiday" is written out in each call: xgettext reads only literals.
# The tables' English (en_US) names → ours. Two holidays of one day are "A; B" in the
# tables; "(estimated)" and "(observed)" follow a name.
HOLIDAYS: dict[str, Contextual] = {
    "New Year's Day": in_context("public holiday", "New Year's Day"),
    "Good Friday": in_context("public holiday", "Good Friday"),
    "Easter Monday": in_context("public holiday", "Easter Monday"),
    "Labor Day": in_context("public holiday", "Labour Day"),
    "Madaraka Day": in_context("public holiday", "Madaraka Day"),
    "Mashujaa Day": in_context("public holiday", "Mashujaa Day"),
    "Mazingira Day": in_context("public holiday", "Mazingira Day"),
    "Jamhuri Day": in_context("public holiday", "Jamhuri Day"),
    "Christmas Day": in_context("public holiday", "Christmas Day"),
    "Boxing Day": in_context("public holiday", "Boxing Day"),
    "Independence Day": in_context("public holiday", "Independence Day"),
    "Independence Day Holiday": in_context("public holiday", "Second day of Independence Day"),
    "Republic Day": in_context("public holiday", "Republic Day"),
    "Eid al-Fitr": in_context("public holiday", "Eid al-Fitr"),
    "Eid al-Fitr Holiday": in_context("public holiday", "Second day of Eid al-Fitr"),
    "Eid al-Adha": in_context("public holiday", "Eid al-Adha"),
    "Eid al-Adha Holiday": in_context("public holiday", "Second day of Eid al-Adha"),
    "Day of Arafah": in_context("public holiday", "Day of Arafah"),
    "Islamic New Year": in_context("public holiday", "Islamic New Year"),
    "Ashura": in_context("public holiday", "Ashura"),
    "Isra' and Mi'raj": in_context("public holiday", "Isra and Mi'raj"),
    "Prophet Muhammad's Birthday": in_context("public holiday", "Prophet Muhammad's Birthday"),
    "Prophet's Birthday": in_context("public holiday", "Prophet Muhammad's Birthday"),
}
_ESTIMATED, _OBSERVED = " (estimated)", " (observed)"

# The tables' French names (after blackouts' own fixes) as French writes a name: a capital
# on the first word and on proper nouns only, one spelling of each.
_FRENCH = {
    "deuxième jour de la fête de l'Indépendance": "Deuxième jour de la fête de l'indépendance",
    "deuxième jour de l'Aïd el-Fitr": "Deuxième jour de l'Aïd el-Fitr",
    "deuxième jour de l'Aïd el-Adha": "Deuxième jour de l'Aïd el-Adha",
    "Anniversaire du prophète Muhammad": "Anniversaire du Prophète Muhammad",
    "Arafat": "Jour d'Arafat",
    "Nouvel an": "Jour de l'an",
    "Nouvel an musulman": "Nouvel an musulman",
}
_ESTIMATED_FR = " (estimé)"


def _english(country: str, day: dt.date) -> str | None:
    try:
        table = holiday_tables.country_holidays(country, years=[day.year], language="en_US")
    except (NotImplementedError, KeyError):
        return None
    return table.get(day)


def _ours(english: str) -> tuple[str, bool] | None:
    """The tables' English name said from our catalogue, and whether the catalogue
    translates every part of it; None when a part is not ours."""
    said, translated = [], True
    for part in english.split("; "):
        base, suffix = part, ""
        for ending in (_ESTIMATED, _OBSERVED):
            if part.endswith(ending):
                base, suffix = part.removesuffix(ending), ending
        if base not in HOLIDAYS:
            return None
        message = HOLIDAYS[base]
        name = pgettext(message.context, message.message)
        translated = translated and name != message.message
        if suffix == _ESTIMATED:
            name = pgettext("public holiday", "%(name)s (estimated)") % {"name": name}
        elif suffix == _OBSERVED:
            name = pgettext("public holiday", "%(name)s (observed)") % {"name": name}
        said.append(name)
    return localise.join(said, strong=True), translated


def _french(name: str) -> str:
    def one(part: str) -> str:
        base = part.removesuffix(_ESTIMATED_FR)
        return _FRENCH.get(base, base) + part[len(base):]
    return localise.join((one(p) for p in name.split("; ")), "fr", strong=True)


def holiday_words(country: str, day: dt.date, language: str) -> str | None:
    """The name of `country`'s public holiday on `day`, in `language` (active)."""
    english = _english(country, day)
    found = _ours(english) if english else None
    if found is not None and (found[1] or language == "en"):
        return found[0]
    if found is None or _tables_say(country, language):
        name = blackouts.holiday_name(country, day, language)  # the tables' own
        if name and language == "fr":
            return _french(name)
        if name:
            return name
    return found[0] if found else None


def _tables_say(country: str, language: str) -> bool:
    try:
        languages = holiday_tables.country_holidays(country).supported_languages
    except (NotImplementedError, KeyError):
        return False
    return any(code.split("_")[0] == language for code in languages)


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
        name = holiday_words(country, day, language) or gettext("public holiday")
        return f"{name} ({day.day})"
    return reason  # an older plan's words


def reasons_words(reasons: tuple[str, ...] | list[str], language: str | None = None) -> str:
    """The reasons joined as the language lists (Arabic "،"), in ``language`` (a
    document's) or the active one (a page's)."""
    if language is None:
        return localise.join(reason_words(r) for r in reasons)
    with translation.override(language):
        return localise.join((reason_words(r, language) for r in reasons), language)
