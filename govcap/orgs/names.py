"""Country and sector names in the reader's language.

A country is stored with its ISO code and the name it was created with (in English, as the
demo and most administrators write it). Its name is *shown* in the reader's language when the
stored name is the English name of its code below (a gettext_noop table: the catalogues
translate it like any message); a name the administrator chose otherwise ("Portfolio country
01", a name in another language) is shown as stored. The table holds the countries of Africa,
where govcap works; add a country here (and to the catalogues) to have it translated.

A sector is free text; the usual ones of government (those the demo uses, those the
organisation form proposes) are translated the same way, any other is shown as stored.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from govcap.translations import Contextual, in_context

# ISO 3166-1 alpha-2 code → English short name (the catalogues' msgid).
COUNTRIES: dict[str, str] = {
    "DZ": gettext_noop("Algeria"),
    "AO": gettext_noop("Angola"),
    "BJ": gettext_noop("Benin"),
    "BW": gettext_noop("Botswana"),
    "BF": gettext_noop("Burkina Faso"),
    "BI": gettext_noop("Burundi"),
    "CV": gettext_noop("Cabo Verde"),
    "CM": gettext_noop("Cameroon"),
    "CF": gettext_noop("Central African Republic"),
    "TD": gettext_noop("Chad"),
    "KM": gettext_noop("Comoros"),
    "CG": gettext_noop("Republic of the Congo"),
    "CD": gettext_noop("Democratic Republic of the Congo"),
    "CI": gettext_noop("Côte d'Ivoire"),
    "DJ": gettext_noop("Djibouti"),
    "EG": gettext_noop("Egypt"),
    "GQ": gettext_noop("Equatorial Guinea"),
    "ER": gettext_noop("Eritrea"),
    "SZ": gettext_noop("Eswatini"),
    "ET": gettext_noop("Ethiopia"),
    "GA": gettext_noop("Gabon"),
    "GM": gettext_noop("Gambia"),
    "GH": gettext_noop("Ghana"),
    "GN": gettext_noop("Guinea"),
    "GW": gettext_noop("Guinea-Bissau"),
    "KE": gettext_noop("Kenya"),
    "LS": gettext_noop("Lesotho"),
    "LR": gettext_noop("Liberia"),
    "LY": gettext_noop("Libya"),
    "MG": gettext_noop("Madagascar"),
    "MW": gettext_noop("Malawi"),
    "ML": gettext_noop("Mali"),
    "MR": gettext_noop("Mauritania"),
    "MU": gettext_noop("Mauritius"),
    "MA": gettext_noop("Morocco"),
    "MZ": gettext_noop("Mozambique"),
    "NA": gettext_noop("Namibia"),
    "NE": gettext_noop("Niger"),
    "NG": gettext_noop("Nigeria"),
    "RW": gettext_noop("Rwanda"),
    "ST": gettext_noop("Sao Tome and Principe"),
    "SN": gettext_noop("Senegal"),
    "SC": gettext_noop("Seychelles"),
    "SL": gettext_noop("Sierra Leone"),
    "SO": gettext_noop("Somalia"),
    "ZA": gettext_noop("South Africa"),
    "SS": gettext_noop("South Sudan"),
    "SD": gettext_noop("Sudan"),
    "TZ": gettext_noop("Tanzania"),
    "TG": gettext_noop("Togo"),
    "TN": gettext_noop("Tunisia"),
    "UG": gettext_noop("Uganda"),
    "ZM": gettext_noop("Zambia"),
    "ZW": gettext_noop("Zimbabwe"),
}
# Other English names a country may have been stored with.
ALIASES: dict[str, str] = {
    "tanzania, united republic of": "TZ", "united republic of tanzania": "TZ",
    "congo, the democratic republic of the": "CD", "dr congo": "CD", "drc": "CD",
    "congo": "CG", "cape verde": "CV", "swaziland": "SZ", "ivory coast": "CI",
    "cote d'ivoire": "CI", "the gambia": "GM", "são tomé and príncipe": "ST",
}

# Sectors of government, as the organisation form proposes them (English msgids, in the
# context "sector": "Planning" the sector is not the Planning page).
SECTORS: tuple[Contextual, ...] = (  # literal calls: makemessages reads each
    in_context("sector", "Agriculture"), in_context("sector", "Data protection"),
    in_context("sector", "Defence"), in_context("sector", "Education"),
    in_context("sector", "Energy"), in_context("sector", "Environment"),
    in_context("sector", "Finance"), in_context("sector", "Foreign affairs"),
    in_context("sector", "Health"), in_context("sector", "ICT"),
    in_context("sector", "ICT and digital economy"),
    in_context("sector", "Immigration and civil registration"), in_context("sector", "Interior"),
    in_context("sector", "Justice"), in_context("sector", "Labour"),
    in_context("sector", "Local government"), in_context("sector", "Planning"),
    in_context("sector", "Public finance"), in_context("sector", "Public sector training"),
    in_context("sector", "Public service"), in_context("sector", "Public service delivery"),
    in_context("sector", "Revenue and customs"), in_context("sector", "Social protection"),
    in_context("sector", "Statistics"), in_context("sector", "Telecommunications regulation"),
    in_context("sector", "Trade"), in_context("sector", "Transport"),
    in_context("sector", "Water"),
)
_SECTORS = {s.message.casefold(): s for s in SECTORS}


def _in(language: str | None, message: str) -> str:
    if language is None:
        return _(message)
    with translation.override(language):
        return _(message)


def country_name(code: str, stored: str, language: str | None = None) -> str:
    """The country's name in `language` (default: the active one) when `stored` is an
    English name of `code`; else `stored` as it is."""
    english = COUNTRIES.get((code or "").upper())
    folded = (stored or "").strip().casefold()
    if english is None or not (folded in ("", english.casefold())
                               or ALIASES.get(folded) == code.upper()):
        return stored
    return _in(language, english)


# French says "of" with the country's article: "du Kenya", "de la Somalie", "de Djibouti",
# "des Comores", "de l'Algérie" (a name the catalogue has, after "de"; grammar, not a name:
# the catalogue's "de {country}" cannot know the article).
FRENCH_OF: dict[str, str] = {
    "DZ": "de l’Algérie", "AO": "de l’Angola", "BJ": "du Bénin", "BW": "du Botswana",
    "BF": "du Burkina Faso", "BI": "du Burundi", "CV": "du Cap-Vert", "CM": "du Cameroun",
    "CF": "de la République centrafricaine", "TD": "du Tchad", "KM": "des Comores",
    "CG": "de la République du Congo", "CD": "de la République démocratique du Congo",
    "CI": "de la Côte d’Ivoire", "DJ": "de Djibouti", "EG": "de l’Égypte",
    "GQ": "de la Guinée équatoriale", "ER": "de l’Érythrée", "SZ": "de l’Eswatini",
    "ET": "de l’Éthiopie", "GA": "du Gabon", "GM": "de la Gambie", "GH": "du Ghana",
    "GN": "de la Guinée", "GW": "de la Guinée-Bissau", "KE": "du Kenya", "LS": "du Lesotho",
    "LR": "du Liberia", "LY": "de la Libye", "MG": "de Madagascar", "MW": "du Malawi",
    "ML": "du Mali", "MR": "de la Mauritanie", "MU": "de Maurice", "MA": "du Maroc",
    "MZ": "du Mozambique", "NA": "de la Namibie", "NE": "du Niger", "NG": "du Nigeria",
    "RW": "du Rwanda", "ST": "de Sao Tomé-et-Principe", "SN": "du Sénégal",
    "SC": "des Seychelles", "SL": "de la Sierra Leone", "SO": "de la Somalie",
    "ZA": "de l’Afrique du Sud", "SS": "du Soudan du Sud", "SD": "du Soudan",
    "TZ": "de la Tanzanie", "TG": "du Togo", "TN": "de la Tunisie", "UG": "de l’Ouganda",
    "ZM": "de la Zambie", "ZW": "du Zimbabwe",
}


def country_of(code: str, stored: str, language: str | None = None) -> str:
    """The country after "of" in `language`, the preposition with it: "of Kenya", French
    with the country's article ("du Kenya", "de Djibouti", "de la Somalie"), the others
    through the catalogue ("لدى كينيا", "wa Kenya"). A name the administrator chose is
    written as stored, after the language's plain "of" ("de Portfolio 01")."""
    name = country_name(code, stored, language)
    lang = (language or translation.get_language() or "en").split("-")[0]
    known = COUNTRIES.get((code or "").upper())
    if lang == "fr" and known and name == _in(language, known) and code.upper() in FRENCH_OF:
        return FRENCH_OF[code.upper()]
    with translation.override(language or translation.get_language()):
        # Translators: a country after "of" ("digital skills of Kenya"); French is written
        # in code with each country's article ("du Kenya"), for a name it does not know
        return pgettext("of a country", "of %(country)s") % {"country": name}


def sector_name(stored: str, language: str | None = None) -> str:
    """A sector in `language` when it is one of SECTORS (whatever its case); else as stored."""
    known = _SECTORS.get((stored or "").strip().casefold())
    if known is None:
        return stored
    if language is None:
        return pgettext(known.context, known.message)
    with translation.override(language):
        return pgettext(known.context, known.message)


def sector_choices() -> list[str]:
    """The proposed sectors in the active language, alphabetically (the form's datalist)."""
    return sorted((pgettext(s.context, s.message) for s in SECTORS), key=str.casefold)



def round_name(number: int, year: int | str | None = None) -> str:
    """An assessment round in the reader's language, the one way every page and document
    names it: "Baseline", "Follow-up 1"; with the year it started, "Follow-up 1 (2026)",
    "Suivi 1 (2026)" (the year apart from the round's own number: "Suivi 1 2026" read as
    one number run on into another)."""
    name = _("Baseline") if number == 0 else _("Follow-up %(n)d") % {"n": number}
    if not year:
        return str(name)
    # Translators: an assessment round and the year it started, e.g. "Follow-up 1 (2026)"
    return pgettext("round and its year", "%(round)s (%(year)s)") % {
        "round": name, "year": year}
