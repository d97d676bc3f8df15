"""The direction helper, for the documents: it lives in :mod:`govcap.direction` (the bottom
layer), so that the charts (which may not import reports) isolate Latin runs and signed
numbers the same way.

A text held between isolate marks (``LRI … PDI``: a Latin quotation in an Arabic sentence,
:func:`govcap.localise.quote`) is one left-to-right piece whole, its closing full stop with
it: cut at its last letter, the full stop would be left to the paragraph's direction and
read first ("«.The trainer knew…»")."""

from __future__ import annotations

import re

from govcap.direction import LRI, LRM, PDI, RTL_LANGUAGES, has_rtl, is_rtl, isolated
from govcap.direction import runs as _runs

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
