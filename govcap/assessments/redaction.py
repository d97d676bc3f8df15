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


def _is_word(token: str) -> bool:
    return bool(re.search(r"\w", token))


def with_gaps_marked(source: str, shared: str) -> str:
    """`shared` with a "…" wherever it leaves words of `source` out (at the start, inside, at
    the end) and none is written yet — so a reader always sees that something was cut.
    `shared` must only leave words out (`added_word` is None)."""
    src = words(source)
    out: list[str] = []
    pos = 0

    def gap_written() -> bool:
        last = next((t for t in reversed(out) if not t.isspace()), "")
        return last.strip() == ELLIPSIS

    for token in tokens(GAP.sub(f" {ELLIPSIS} ", shared)):
        if token.isspace() or token == ELLIPSIS:
            out.append(token)
            continue
        j = pos
        while j < len(src) and src[j] != token:
            j += 1
        if j == len(src):  # not in order: left to added_word to refuse
            out.append(token)
            continue
        if any(_is_word(w) for w in src[pos:j]) and not gap_written():
            out.append(f"{ELLIPSIS} ")
        out.append(token)
        pos = j + 1
    if any(_is_word(w) for w in src[pos:]) and not gap_written():
        out.append(f" {ELLIPSIS}")
    return normalised("".join(out))


# Words whose absence turns a sentence round: leaving one out gets a warning.
NEGATIONS = frozenset({
    "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without",
    "t",  # don't, isn't: the tokens split at the apostrophe
    "ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "personne", "sans", "ni",
    "لا", "ليس", "لم", "لن", "غير", "بدون",
})


def left_out_negations(source: str, shared: str) -> list[str]:
    """The negations of `source` that `shared` leaves out ("not" in "does not scare us")."""
    return sorted({p.text.strip() for p in _left_out_words(source, shared)
                   if p.text.strip().casefold() in NEGATIONS})


def _left_out_words(source: str, shared: str) -> list[Piece]:
    return [Piece(t, True) for piece in left_out(source, shared) if piece.changed
            for t in tokens(piece.text) if _is_word(t)]
