"""The XLSForm's own words: the questions around the instrument, in each language.

The instrument's texts (section titles, benchmarks, supporting questions, level names)
come from the instrument and its translations. These are the form's other labels, hints,
choices and constraint messages: gettext messages, translated in ``govcap/locale`` like the
pages. ``EN`` maps a stable key to the English message, marked for ``makemessages``;
:func:`text` says it in a language, and a string missing from that language's catalogue
stays English, so that every language column of the form is at least complete.

A word the pages also use ("Yes", "Country", "Not assessed"…) is the same message, so form
and pages agree. Where the form says it otherwise in some language it has the context
"focus-group form": French "Séance" for a session. The confidence question and its choices are the pages' own
messages (``govcap.labels.CONFIDENCE``, context "confidence"): the form said "Moyen/Élevé"
where the app says "Moyenne/Élevée".
"""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation import gettext_noop as _

from govcap import localise
from govcap.cells import without_direction_marks
from govcap.translations import Contextual, in_context

# The participant codes a message gives as examples ("P1, P2…"): listed by `localise.join`,
# which keeps them in order in a right-to-left language ("P1، P2", not one run read "P2، P1").
EXAMPLE_CODES = ("P1", "P2")

EN: dict[str, str | Contextual] = {
    "consent": _("Did every participant give informed consent to take part in this "
                 "discussion?"),
    "consent.hint": _("Read the consent statement first. Without everyone's consent, stop: "
                      "nothing else is recorded."),
    "recording": _("Did every participant agree to the discussion being audio-recorded?"),
    "yes": _("Yes"),
    "no": _("No"),
    "session": in_context("focus-group form", "Session"),
    "country": _("Country"),
    "organisation": _("Ministry or agency"),
    "organisation.hint": _("Its name or short code as known to govcap, e.g. Ministry of ICT "
                           "or MoICT."),
    "date": _("Date of the discussion"),
    "place": _("Place"),
    "facilitator": in_context("focus-group form", "Facilitator"),
    "facilitator.hint": _("Your govcap user name, or your full name."),
    "participants": _("Number of participants"),
    "participants.constraint": _("Between 1 and 100."),
    "level": in_context("focus-group form", "Agreed level"),
    "level.hint": _("The level the group agreed, against the benchmarks above."),
    "not_assessed": _("Not assessed"),
    "na_reason": _("Why was this section not assessed?"),
    "confidence": _("Confidence in this level"),
    # the pages' words for a confidence (govcap.labels.CONFIDENCE)
    "low": in_context("confidence", "Low"),
    "medium": in_context("confidence", "Medium"),
    "high": in_context("confidence", "High"),
    "notes": _("Notes"),
    "evidence": _("Evidence and examples given"),
    "dissent": _("Points of disagreement"),
    "quotes": _("Key quotes, one per line"),
    "quotes.hint": _("Participants' own words; no names."),
    "quote_codes": _("Participant code of each quote, in the same order"),
    "quote_codes.hint": _("For example: P2 P5 P2. Use - for a quote whose speaker is not "
                          "known. Leave empty if no quote is attributed."),
    # Translators: %(codes)s is "P1, P2" as the language lists them
    "quote_codes.constraint": _("Participant codes (%(codes)s…) or -, separated by spaces."),
}

# Names for languages Django does not list.
_EXTRA_LANGUAGE_NAMES = {"so": "Somali", "am": "Amharic", "om": "Oromo", "ti": "Tigrinya"}

# What forms exported before said where the form now says the pages' words ("Moyen" for
# "Moyenne"): a file exported with those labels as headers or answers is still read.
FORMER: dict[str, str | Contextual] = {
    "confidence": in_context("focus-group form", "Confidence in this level"),
    "low": in_context("focus-group form", "Low"),
    "medium": in_context("focus-group form", "Medium"),
    "high": in_context("focus-group form", "High"),
}


def former(key: str, language: str) -> str:
    """What forms exported before said for `key` in `language`, "" when the same as now."""
    message = FORMER.get(key)
    if message is None:
        return ""
    with translation.override(language):
        said = (translation.pgettext(message.context, message.message)
                if isinstance(message, Contextual) else translation.gettext(message))
    return "" if said == text(key, language) else said


def text(key: str, language: str) -> str:
    """A form string in a language, English where its catalogue has no translation."""
    message = EN[key]
    with translation.override(language):
        if isinstance(message, Contextual):
            return translation.pgettext(message.context, message.message)
        said = translation.gettext(message)
        if "%(codes)s" in message:  # examples of codes, listed as the language lists them
            # no isolates around the codes, as a page's list has: an XLSForm is data (issue 15)
            said = said % {"codes": without_direction_marks(localise.join(EXAMPLE_CODES,
                                                                          language))}
        return said


def language_name(code: str) -> str:
    """The language's English name, as XLSForm column headers use it ("French")."""
    info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0]) or {}
    return info.get("name") or _EXTRA_LANGUAGE_NAMES.get(code.split("-")[0], code)


def language_column(code: str) -> str:
    """The XLSForm language suffix: ``English (en)``, as ODK and KoboToolbox recommend."""
    return f"{language_name(code)} ({code})"
