"""Right-to-left documents: which languages read right to left, and where Latin text inside
them must be kept left to right.

In a right-to-left paragraph the Unicode bidi algorithm puts the neutral characters that
end a Latin text on the wrong side: an organisation's note "Time ran out." reads ".Time ran
out", "(MoPIED)." loses its bracket. So a text with no right-to-left letter is isolated
whole, and inside Arabic text every run of Latin words (a name, a module code, an amount
with its currency) is isolated on its own; digits alone are left to the bidi algorithm,
which writes them left to right already — except a signed number: "+1" in a right-to-left
cell reads "1+", so a sign with its number is isolated too.
"""

from __future__ import annotations

import re
import unicodedata

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})

_LATIN = "0-9A-Za-z\u00c0-\u024f"
# A run starts with a Latin letter, ends with a letter or a digit (or a closing bracket, a
# percent) and may hold the punctuation that joins words, codes and amounts: "CHG-101",
# "USD 1,234.00", "Ministry of Planning (MoPIED)". A number before it belongs to the Arabic
# text ("مارس 2027: Ramadan"), which the bidi algorithm writes left to right already.
_RUN = re.compile(rf"[A-Za-z\u00c0-\u024f](?:[{_LATIN}\s.,:;/&'’+%#()\-–—_@]*[{_LATIN})%])?")
# Arabic comma, semicolon and question mark: neutral to the bidi algorithm, but written only
# in Arabic text (govcap.localise joins Arabic lists with them).
_ARABIC_PUNCTUATION = frozenset("\u060c\u061b\u061f")
_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# "+1", "−0.33", "+12.5%" (not the "-06" of a date "2025-05-06": the sign follows no digit).
_SIGNED = r"(?<![0-9A-Za-z])[+\-−]\d[\d.,]*%?"
_LATIN_OR_SIGNED = re.compile(f"{_RUN.pattern}|{_SIGNED}")


def is_rtl(language: str) -> bool:
    return language.split("-")[0].lower() in RTL_LANGUAGES


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def runs(text: str) -> list[tuple[str, bool]]:
    """`text` in pieces, each with True when it must be kept left to right: the whole text
    when it has no right-to-left letter (and some Latin letter), else each run of Latin
    words and each signed number in it. Joined again, the pieces are `text`."""
    if not text:
        return []
    if not has_rtl(text) and not _ARABIC_PUNCTUATION.intersection(text) and _LETTER.search(text):
        return [(text, True)]  # ("A، B": Latin items listed in Arabic read right to left)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _LATIN_OR_SIGNED.finditer(text):
        run = match.group()
        while run.endswith(")") and run.count(")") > run.count("("):
            run = run[:-1]  # "(Agile)" inside Arabic: the brackets belong to the sentence
        start = match.start()
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((run, True))
        at = start + len(run)
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


LRM = "\u200e"  # LEFT-TO-RIGHT MARK
LRI, PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE


# Participant codes a note may start with ("P2: …", "P1, P4 — …"): Latin letters that do not
# tell the language of what follows.
_LEADING_CODES = re.compile(r"^(?:[\W_]*\b[A-Z]{1,3}\d{1,4}\b)+[\W_]*")


def text_direction(text: str, language: str = "") -> str:
    """The direction a free text reads in: that of its first strong letter, after the
    participant codes it may start with ("P2: لم تُشرك…" is right to left), else (no letter
    but codes, or nothing) that of `language`, the session's. "rtl" or "ltr"."""
    rest = _LEADING_CODES.sub("", text or "", count=1)
    for ch in rest:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "rtl" if is_rtl(language or "") else "ltr"


def input_direction(text: str) -> str:
    """The `dir` of a field holding `text`: "auto" (the browser follows the first letter as
    it is typed), except after leading participant codes, where "auto" would follow the code:
    then the direction of the first letter after them ("P2: لم…" is "rtl")."""
    if not _LEADING_CODES.match(text or "") or not any(
        unicodedata.bidirectional(ch) in ("L", "R", "AL")
        for ch in _LEADING_CODES.sub("", text, count=1)
    ):
        return "auto"
    return text_direction(text)


def isolated(text: str) -> str:
    """`text` with its Latin runs between isolate marks, for places that hold no markup
    (a PDF's running footer)."""
    return "".join(f"{LRI}{piece}{PDI}" if ltr else piece for piece, ltr in runs(text))
