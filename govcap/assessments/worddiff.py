"""Two versions of a text side by side, with the words that differ marked."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Words, punctuation and the spaces between them, so nothing is lost and "2024," differs
# from "2024" by its comma only.
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    text: str
    changed: bool


def tokens(text: str) -> list[str]:
    return TOKENS.findall(text)


def side_by_side(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]]:
    """Each text cut into pieces; a piece is `changed` where the other text differs."""
    a, b = tokens(mine), tokens(theirs)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            left.append(Piece("".join(a[i1:i2]), not same))
        if j2 > j1:
            right.append(Piece("".join(b[j1:j2]), not same))
    return left, right
