"""The direction helper, for the documents: it lives in :mod:`govcap.direction` (the bottom
layer), so that the charts (which may not import reports) isolate Latin runs and signed
numbers the same way.

A text held between isolate marks (``LRI … PDI``: a Latin quotation in an Arabic sentence,
:func:`govcap.localise.quote`) is one left-to-right piece whole, its closing full stop with
it: cut at its last letter, the full stop would be left to the paragraph's direction and
read first ("«.The trainer knew…»")."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

from govcap.direction import LRI, LRM, PDI, RTL_LANGUAGES, has_rtl, is_rtl, isolated
from govcap.direction import runs as _runs
from govcap.localise import arrows_pointing as arrows_pointing_in
from govcap.localise import colon, quote_marks, quoted_within
from govcap.reports.model import Document, Figure

__all__ = ["LRI", "LRM", "PDI", "RTL_LANGUAGES", "has_rtl", "is_rtl", "isolated", "runs",
           "wholly_left_to_right"]

_HELD = re.compile(f"{LRI}([^{LRI}{PDI}]*){PDI}")


def runs(text: str) -> list[tuple[str, bool]]:
    """:func:`govcap.direction.runs`, but a text held between ``LRI`` and ``PDI`` is one
    left-to-right piece, between left-to-right marks (a word processor then keeps its
    punctuation inside it too)."""
    if LRI not in text:
        return _runs(text)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _HELD.finditer(text):
        if match.start() > at:
            pieces += _runs(text[at:match.start()])
        if match.group(1):
            pieces.append((f"{LRM}{match.group(1)}{LRM}", True))
        at = match.end()
    if at < len(text):
        pieces += _runs(text[at:])
    return pieces


def wholly_left_to_right(text: str) -> bool:
    """Whether a paragraph of a right-to-left document is to be laid out left to right: its
    text is one left-to-right run (a module's description the catalogue has in English
    only). A quotation held between isolate marks counts as the Latin text it is: a
    participant's words with their code and no Arabic ("P4: «…»") read left to right whole,
    where its pieces set right to left glued the code to the quotation's end
    ("…papier.P4: «"). The PDF (``dir="ltr"``) and the DOCX (``w:bidi w:val="0"``) both
    follow it."""
    pieces = runs(text.replace(LRI, "").replace(PDI, ""))
    return len(pieces) == 1 and pieces[0][1]


# A quotation held left to right (LRI … PDI, localise.inside_quotes) between the marks a
# right-to-left sentence writes around it: "الملاحظات: «⁦Propos : …⁩»", "P4: «⁦Le PMO…⁩»".
_QUOTED = re.compile(f"^(.*?)([«“\"]){LRI}([^{LRI}{PDI}]+){PDI}([»”\"])(.*)$", re.S)
# What French typing shows: a space before : ; ! ? », after «, or a French accented letter.
_FRENCH = re.compile("[\u00a0\u202f ][:;!?»]|«[\u00a0\u202f ]|[éèêàâçùûôîœ]", re.I)
# … or, in a short text with neither, French's small words ("Le PMO n'existe que sur…")
_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|des|du|une|est|que|qui|pas|sur|dans|pour|avec"
                           r"|[nldjsc]['’]|qu['’])(?=\W|$)", re.I)
_CODES = re.compile(r"^\s*([A-Z]{1,3}\d{1,4}(?:\s*[,،]\s*[A-Z]{1,3}\d{1,4})*)\s*:\s*$")


def latin_language(text: str) -> str:
    """The language whose quotation marks a Latin text quoted in a right-to-left document
    is set in: "fr" when it reads as French typed it (a space before its colons, accents,
    or two of French's small words), else "en" (English and Swahili write the same marks)."""
    return "fr" if _FRENCH.search(text) or len(_FRENCH_WORDS.findall(text)) >= 2 else "en"


def quotation(text: str) -> str:
    """A Latin `text` between the marks of its own language, quotations inside it between
    the other pair so the reader can tell where each ends: « Propos : P3 : “le PMO…” »,
    “The PMO ‘exists’ on paper.”."""
    language = latin_language(text)
    opening, closing = quote_marks(language)
    return f"{opening}{quoted_within(text.strip(), language)}{closing}"


def held_quotation(text: str) -> tuple[str, str, str, bool] | None:
    """A line of a right-to-left document that quotes a Latin text (held between isolate
    marks), as (what comes before, the quotation in its own language's marks, what comes
    after, whether the line is the quotation's own: only participant codes before it). A
    line that is its own ("P4: «…»") reads as its language writes it, "P4 : « … »"; one
    after an Arabic label ("الملاحظات:") sets the quotation apart, below it. None for any
    other line."""
    found = _QUOTED.match(text)
    if found is None:
        return None
    before, _open, inner, _close, after = found.groups()
    shown = quotation(inner)
    codes = _CODES.match(before)
    if codes and not has_rtl(after):
        language = latin_language(inner)
        return f"{codes.group(1)}{colon(language)} ", shown, after, True
    if not has_rtl(before):
        return None
    return before.rstrip(), shown, after, False


def arrows_pointing(document: Document) -> Document:
    """`document` with every arrow of its text pointing the way it reads (one rule for the
    pages and the documents, :func:`govcap.localise.arrows_pointing`): an Arabic PDF or
    DOCX said "أساسي → متوسط" and "2025 → 2026" where a translation or the code wrote
    "→", pointing back at the step before. The figures draw their own words."""
    if not is_rtl(document.language):
        return document
    return _pointing(document, document.language)


def _pointing(value: Any, language: str) -> Any:
    if isinstance(value, str):
        return arrows_pointing_in(value, language)
    if isinstance(value, list):
        return [_pointing(v, language) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_pointing(v, language) for v in value)
    if isinstance(value, Figure):  # its data is the chart's, drawn in its own words
        return replace(value, caption=arrows_pointing_in(value.caption, language))
    if not is_dataclass(value) or isinstance(value, type):
        return value
    return replace(value, **{f.name: _pointing(getattr(value, f.name), language)
                             for f in fields(value) if f.init})
