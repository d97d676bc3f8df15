"""A wording that may only leave words out of a text: the rule for what documents may quote
(assessments.sharing). Plain Python."""

from __future__ import annotations

import re

from govcap.assessments.worddiff import Piece, side_by_side, tokens

ELLIPSIS = "…"
# "[…]", "(...)", "..." and "…" all mark a gap; brackets around a gap go with it.
GAP = re.compile(r"[\[(]?\s*(?:…|\.\.\.)\s*[\])]?")


def words(text: str) -> list[str]:
    """The words and punctuation of a text, gaps and spacing aside."""
    return [t for t in tokens(GAP.sub(" ", text)) if not t.isspace()]


def added_word(source: str, shared: str) -> str | None:
    """The first word of `shared` that is not in `source` in that order (None: `shared` only
    leaves words out of `source`)."""
    remaining = iter(words(source))
    for word in words(shared):
        if not any(word == candidate for candidate in remaining):
            return word
    return None


def normalised(text: str) -> str:
    """The shared wording as stored: each gap written "…", spacing tidied."""
    text = GAP.sub(f" {ELLIPSIS} ", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(rf"(?:{ELLIPSIS}\s*)+{ELLIPSIS}", ELLIPSIS, text)
    text = re.sub(rf" {ELLIPSIS}(?=[.,;:!?])", ELLIPSIS, text)  # "… ." reads "…."
    return "\n".join(line.strip() for line in text.strip().splitlines())


def left_out(source: str, shared: str) -> list[Piece]:
    """The captured text in pieces, `changed` where the shared wording leaves it out: the
    redaction preview."""
    pieces, _theirs = side_by_side(source, GAP.sub(" ", shared))
    return [Piece(p.text, p.changed and not p.text.isspace()) for p in pieces]
