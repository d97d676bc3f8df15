"""How govcap writes lists, numbers, shares and days in its reader's language: one place
for pages (the active language: template filters in ``govcap.web.templatetags.govcap``),
documents (their own language, ``language=``) and messages.

- Lists: Arabic separates with its own comma and semicolon (``،`` ``؛``), which read right
  to left; a Latin ";" between two Arabic items is a neutral the bidi algorithm may carry to
  the wrong side. French puts a narrow no-break space before ";".
- Numbers: French groups thousands with a narrow no-break space and writes a decimal comma
  ("1 234,5"), and puts a narrow no-break space before "%" ("12 %"). Arabic pages use Latin
  digits (as every page and document of govcap), with "." and "," as in English.
- Days: one form everywhere, the month in words: "1 February 2026", "1er février 2026"
  (French writes the first of the month as an ordinal), "1 فبراير 2026", "1 Februari 2026".
  Month names come from one place, `month_name`: Django's catalogues, except where they
  write a month otherwise than govcap's readers (Kenyan Swahili "Desemba", not "Disemba";
  Arabic "أبريل" as Django's own standalone form, not "إبريل"). Machine files (CSV, JSON,
  IATI) keep ISO dates.
  A run of days names its month and year once: "16–20 July 2026", "du 16 au 20 juillet 2026".
- Quotations: French « text » (no-break spaces inside), English and Swahili “text”, Arabic
  «text» with a Latin text held left to right, so its full stop stays at its end.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from django.utils import formats, timezone, translation

NNBSP = "\u202f"  # NARROW NO-BREAK SPACE (French before ; : % ! ?, and between thousands)
NBSP = "\u00a0"  # NO-BREAK SPACE (inside French guillemets, as the catalogues write them)
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
LRI, PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE
_RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})

# (between items, between items that hold commas of their own)
_SEPARATORS = {"ar": ("، ", "؛ "), "fa": ("، ", "؛ "), "fr": (", ", f"{NNBSP}; ")}
_DEFAULT_SEPARATORS = (", ", "; ")


def language_of(language: str | None = None) -> str:
    """The base language of `language` (default: the active one): "fr", "ar"… The
    pseudo-locales answer as their base ("en-xa" → "en", "ar-xb" → "ar")."""
    code = (language or translation.get_language() or "en").lower()
    return code.replace("_", "-").split("-")[0]


def separator(language: str | None = None, *, strong: bool = False) -> str:
    """What goes between two items of a list: a comma, or with `strong` a semicolon (items
    that hold commas themselves), in the language's own punctuation."""
    return _SEPARATORS.get(language_of(language), _DEFAULT_SEPARATORS)[1 if strong else 0]


def join(items: Iterable[Any], language: str | None = None, *, strong: bool = False) -> str:
    """`items` as one list in `language`: "a, b" / "أ، ب"; with `strong`, "a; b" /
    "a ; b" (French) / "أ؛ ب". Empty items are left out. In a right-to-left language each
    item written in Latin letters is isolated (FSI … PDI), so "P1، P2" reads P1 first. A list one of whose items holds a
    comma of its own ("Ministère de l'Économie et des Finances, chargé de l'Industrie") is
    joined with the semicolon whatever was asked, so the reader can tell where each item
    ends."""
    said = [str(i) for i in items]
    said = [i for i in said if i]
    strong = strong or any("," in i or "،" in i for i in said)
    if language_of(language) in _RTL_LANGUAGES:
        said = [isolate(i, language) if needs_isolating(i) else i for i in said]
    return separator(language, strong=strong).join(said)


def needs_isolating(text: str) -> bool:
    """`text` holds a left-to-right letter ("demo-facilitator-dj-1", "P1"): listed in a
    right-to-left language it must be set apart, else two such items and the Arabic comma
    between them form one left-to-right run and read in reverse order ("P2، P1")."""
    return any(unicodedata.bidirectional(ch) == "L" for ch in text)


def sort_key(name: Any) -> tuple[str, str]:
    """How names are ordered for a reader: letters without their accents and case, so
    "Ministère de l'Économie" comes before "Ministère de l'Intérieur" (by code point "É"
    came after every unaccented letter), the typographic apostrophe as the typewriter's;
    names equal so are then ordered as written. The one key of every list of names shown
    sorted (organisations, sessions, the analysis' rows, the plan's settings)."""
    said = str(name)
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", said)
                     if not unicodedata.combining(ch))
    return folded.casefold().replace("’", "'").strip(), said


def sorted_names(items: Iterable[Any], key: Any = None) -> list[Any]:
    """`items` in the readers' order of their names (`sort_key`); `key` gives an item's
    name (default: the item itself)."""
    return sorted(items, key=lambda item: sort_key(item if key is None else key(item)))


def colon(language: str | None = None) -> str:
    """The colon after a label: French puts a narrow no-break space before it ("Notes :")."""
    return f"{NNBSP}:" if language_of(language) == "fr" else ":"


def labelled(label: Any, value: Any, language: str | None = None) -> str:
    """`label` then its value after a colon, as the language writes it: "Notes: …",
    "Notes : …"."""
    return f"{label}{colon(language)} {value}"


def number(value: float | int, language: str | None = None, digits: int | None = None) -> str:
    """`value` with its thousands grouped and `digits` decimals (a whole number: none; a
    float: as given, else 1): "1,234.5" / "1 234,5"."""
    if digits is None:
        digits = 0 if isinstance(value, int) else 1
    text = f"{value:,.{digits}f}"
    if text.startswith("-"):
        text = "−" + text[1:]  # the minus sign, not a hyphen
    if language_of(language) == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def signed(value: float | int, language: str | None = None, digits: int = 1) -> str:
    """A change with its sign: "+20.0", "+20,0" (French), "−0.5" (a minus sign, not a
    hyphen); no change is "0.0", without a sign. In a right-to-left language the number is
    held left to right (LRI … PDI): "+20.0 نقطة" read "20.0+ نقطة" without it."""
    if round(value, digits) == 0:
        return number(0.0 if digits else 0, language, digits)
    text = ("+" if value > 0 else "−") + number(abs(value) if digits else round(abs(value)),
                                               language, digits)
    return f"{LRI}{text}{PDI}" if language_of(language) in _RTL_LANGUAGES else text


def percent(value: float | int, language: str | None = None, digits: int = 0) -> str:
    """A share already in percent: "12%", "12 %" (French)."""
    sign = f"{NNBSP}%" if language_of(language) == "fr" else "%"
    return number(round(value, digits) if digits else round(value), language, digits) + sign


# Month names where Django's catalogue writes them otherwise than our readers: Kenyan
# Swahili (Django's "Disemba"), and Arabic's April spelled as Django's own standalone form.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "sw": ("Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti",
           "Septemba", "Oktoba", "Novemba", "Desemba"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
}


def month_name(number: int, language: str | None = None) -> str:
    """The name of month `number` (1–12) in `language` (default: the active one), the one
    source of month names for pages and documents: "December", "décembre", "Desemba",
    "ديسمبر". A pseudo-locale ("ar-xb") gets Django's, through its catalogue."""
    code = (language or translation.get_language() or "en").lower().replace("_", "-")
    pseudo = "-x" in code  # en-xa, ar-xb: every word through gettext
    own = None if pseudo else MONTH_NAMES.get(language_of(code))
    if own:
        return own[number - 1]
    with translation.override(language or translation.get_language()):
        return formats.date_format(dt.date(2000, number, 1), "F")


def _month_year(when: dt.date, language: str | None) -> str:
    return f"{month_name(when.month, language)} {when.year}"


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def day(value: dt.date | dt.datetime | str | None, language: str | None = None,
        empty: str = "") -> str:
    """A day in words, in `language`: "1 February 2026", "1er février 2026",
    "1 فبراير 2026", "30 Aprili 2025". A datetime is shown as its local day; None or ""
    gives `empty`."""
    if value in (None, ""):
        return empty
    when = _as_date(value)
    return f"{_day_number(when, language_of(language))} {_month_year(when, language)}"


def _day_number(when: dt.date, code: str) -> str:
    return "1er" if code == "fr" and when.day == 1 else str(when.day)


def day_range(start: dt.date | dt.datetime | str | None,
              end: dt.date | dt.datetime | str | None, language: str | None = None,
              empty: str = "") -> str:
    """Days from `start` to `end`, naming a month and a year once: "16–20 July 2026",
    "du 16 au 20 juillet 2026", "16–20 يوليو 2026", "16–20 Julai 2026"; across months
    "30 June – 2 July 2026", "du 30 juin au 2 juillet 2026"; across years both days whole.
    One day (or no end) is that day; no start gives `empty`."""
    if start in (None, ""):
        return empty
    first = _as_date(start)
    last = _as_date(end) if end not in (None, "") else first
    if last == first:
        return day(first, language)
    code = language_of(language)
    if first.year != last.year:
        a, b = day(first, language), day(last, language)
        tail = ""
    elif first.month != last.month:
        a = f"{_day_number(first, code)} {month_name(first.month, language)}"
        b = day(last, language)
        tail = ""
    else:
        a = _day_number(first, code)
        b = str(last.day)
        tail = " " + _month_year(last, language)
    if code == "fr":
        return f"du {a} au {b}{tail}"
    joiner = "–" if tail else " – "  # between two numbers no space; between days in words, spaced
    return f"{a}{joiner}{b}{tail}"


def quote_marks(language: str | None = None) -> tuple[str, str]:
    """The marks that open and close a quotation in `language`: "« " " »" (French, no-break
    spaces inside), "«" "»" (right-to-left languages), "“" "”" (English, Swahili)."""
    code = language_of(language)
    if code == "fr":
        return f"«{NBSP}", f"{NBSP}»"
    if code in _RTL_LANGUAGES:
        return "«", "»"
    return "“", "”"


def quote(text: str, language: str | None = None) -> str:
    """`text` between the quotation marks of `language`: « text » (French), “text”
    (English, Swahili), «text» (Arabic; a text with no Arabic letter is held left to right
    between marks, so its own full stop stays at its end). Marks the text was typed with
    are not doubled: « « text » » is « text »."""
    opening, closing = quote_marks(language)
    return f"{opening}{inside_quotes(text, language)}{closing}"


# The pairs of marks a quotation may be typed with, opening then closing.
QUOTE_PAIRS = (("«", "»"), ("»", "«"), ("“", "”"), ("„", "“"), ("„", "”"), ('"', '"'),
               ("‘", "’"), ("‹", "›"))


def unquoted(text: str) -> str:
    """`text` without one pair of quotation marks around it, the spaces inside them
    included: "« On travaille encore en silos… »" → "On travaille encore en silos…". A
    facilitator who typed a quote with its marks would otherwise read it doubled once the
    page or the document adds the reader's (« « … » »). Marks that open or close only part
    of the text ("« a » et « b »") stay."""
    said = str(text).strip()
    for opening, closing in QUOTE_PAIRS:
        if len(said) > len(opening) + len(closing) and said.startswith(opening) \
                and said.endswith(closing):
            inner = said[len(opening):-len(closing)]
            if closing not in inner and opening not in inner:
                return inner.strip()
    return str(text)


_GUILLEMET_OPENS = re.compile(f"«[{NBSP}\u202f ]*")
_GUILLEMET_CLOSES = re.compile(f"[{NBSP}\u202f ]*»")


def quoted_within(text: str, language: str | None = None) -> str:
    """`text`, about to be quoted in `language`'s marks, with the quotations it holds in
    the other pair, so the reader can tell where each ends: French « Propos : “le PMO…” »
    (guillemets typed inside became “…”: « … « … » … » read as two quotations), English
    and Swahili “The PMO ‘exists’ on paper.”. Right-to-left languages: as it is."""
    code = language_of(language)
    if code == "fr":
        return _GUILLEMET_CLOSES.sub("”", _GUILLEMET_OPENS.sub("“", text))
    if code in _RTL_LANGUAGES:
        return text
    return text.replace("“", "‘").replace("”", "’")


def inside_quotes(text: str, language: str | None = None) -> str:
    """A quoted text for a sentence whose translation writes the marks itself ("{who}:
    «{text}»"): in a right-to-left language a text without a right-to-left letter is held
    left to right between isolate marks (LRI … PDI), its full stop with it; elsewhere, the
    text as it is, a quotation inside it between the other pair of marks
    (`quoted_within`). Marks typed around the text are left out (`unquoted`): the sentence
    writes its own."""
    text = unquoted(text).strip()
    if language_of(language) in _RTL_LANGUAGES and text and not any(
            unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"{LRI}{text}{PDI}"
    return quoted_within(text, language)


RLM = "\u200f"  # RIGHT-TO-LEFT MARK
_ARROWS = re.compile(f"{RLM}?[→←]{RLM}?")


def arrow(language: str | None = None) -> str:
    """The arrow from one step to the next ("Basic → Moderate", "2025 → 2026"), pointing
    the way `language` reads: "→", or in a right-to-left language "←" between right-to-left
    marks, which hold it in the sentence's direction whatever the steps' script (between
    two Latin words it was set in their left-to-right run, pointing back at the first)."""
    return f"{RLM}←{RLM}" if language_of(language) in _RTL_LANGUAGES else "→"


def arrows_pointing(text: str, language: str | None = None) -> str:
    """`text` with each of its arrows (a translation's or the code's "→") as :func:`arrow`
    writes it: in a right-to-left language, "←" held between right-to-left marks; `text` as
    it is in a left-to-right one. The one rule of the pages' and the documents' arrows."""
    if language_of(language) not in _RTL_LANGUAGES or ("→" not in text and "←" not in text):
        return text
    return _ARROWS.sub(arrow(language), text)


FSI = "\u2068"  # FIRST STRONG ISOLATE (… PDI)


def isolate(text: str, language: str | None = None) -> str:
    """`text` set apart (FSI … PDI) in a right-to-left language, so a name written in
    another direction keeps its order and leaves the sentence around it in the sentence's:
    "⁨Autorité de Régulation⁩ (مؤقت)" reads right to left, its marker after the name (without
    it the Latin name decided the direction, and the marker read first). Unchanged in a
    left-to-right language."""
    if text and language_of(language) in _RTL_LANGUAGES:
        return f"{FSI}{text}{PDI}"
    return text


_ISOLATES = ("\u2066", "\u2067", FSI)  # LRI, RLI, FSI: each closed by a PDI


EXCERPT = (60, 80)  # the fewest and the most characters of a quotation cut short


def _open_quote(visible: list[str], keep: int, opening: str, closing: str) -> int | None:
    """Where the text of the quotation open after the first `keep` characters begins."""
    start = None
    for i, ch in enumerate(visible[:keep]):
        if ch == opening and opening != closing:
            start = i + 1
        elif ch == closing and start is not None:
            start = None
    return start


def _cut_at(visible: list[str], limit: int, opening: str, closing: str) -> int | None:
    """How many of the `visible` characters a text cut at about `limit` keeps, or None when
    it is kept whole. A quotation open at the cut, or opening just after it, keeps a
    meaningful excerpt — 60 to 80 of its characters — not a stub of a letter or two
    ("Notes : « Pr… »") nor a label without it ("Notes :…"); a short quotation passed on
    the way (« moyen ») does not count. The cut falls between two words where one is
    near."""
    keep, floor = limit - 1, 1
    for _ in range(4):  # each short quotation passed on the way, then the one cut
        start = _open_quote(visible, keep, opening, closing)
        if start is None and opening != closing and opening in visible[keep:keep + 16]:
            start = keep + visible[keep:keep + 16].index(opening) + 1  # "Notes :…"
        if start is None or keep - start >= EXCERPT[0]:
            break
        keep, floor = start + EXCERPT[1], start + EXCERPT[0]
        if len(visible) <= keep + 20:  # the rest is short: the whole text reads better
            return None
    if not visible[keep].isspace() and not visible[keep - 1].isspace():
        spaces = [i for i in range(max(floor, keep - 25), keep) if visible[i].isspace()]
        if spaces:
            keep = spaces[-1]
    return keep


def shortened(text: str, limit: int, language: str | None = None, mark: str = "…") -> str:
    """`text` cut to about `limit` visible characters with `mark` where it was cut, between two
    words where it can, every quotation and isolate open at the cut closed after it:
    "Notes : « Propos…»⁩", not a quotation that never closes after a cut through its closing
    marks (issue 15). A quotation cut short keeps 60 to 80 of its characters, so the text
    may run past `limit` (`_cut_at`). Direction marks count for nothing. Unchanged when
    short enough."""
    marks = {"\u2066", "\u2067", FSI, PDI, "\u200e", "\u200f"}
    visible = [ch for ch in text if ch not in marks]
    if len(visible) <= limit:
        return text
    opening, closing = (m.strip(NBSP) for m in quote_marks(language))
    _, closing_said = quote_marks(language)
    cut = _cut_at(visible, limit, opening, closing)
    if cut is None:
        return text
    still_open: list[str] = []  # what closes each quotation or isolate open so far
    kept, seen = [], 0
    for ch in text:
        if ch not in marks:
            if seen >= cut:
                break
            seen += 1
        kept.append(ch)
        if ch in _ISOLATES:
            still_open.append(PDI)
        elif ch == PDI and still_open and still_open[-1] == PDI:
            still_open.pop()
        elif ch == opening and opening != closing:
            still_open.append(closing_said)
        elif ch == closing and still_open and still_open[-1] == closing_said:
            still_open.pop()
    while kept and kept[-1] in (*_ISOLATES, "\u200e", "\u200f"):  # just opened: drop it
        if kept[-1] in _ISOLATES and still_open and still_open[-1] == PDI:
            still_open.pop()
        kept.pop()
    return "".join(kept).rstrip() + mark + "".join(reversed(still_open))


def day_time(value: dt.datetime | None, language: str | None = None, empty: str = "",
             seconds: bool = False) -> str:
    """A moment: its local day in words and the time on 24 hours, "1er février 2026 14:05"."""
    if value in (None, ""):
        return empty
    assert value is not None
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{day(local, language)} {local:%H:%M:%S}" if seconds else (
        f"{day(local, language)} {local:%H:%M}")


def month(value: dt.date | str | None, language: str | None = None, empty: str = "") -> str:
    """A month in words: "February 2026", "février 2026" ("2026-02" or a day)."""
    if not value:
        return empty
    when = value if isinstance(value, dt.date) else dt.date.fromisoformat(
        f"{str(value)[:7]}-01")
    return _month_year(when, language)


def month_range(first: dt.date | str | None, last: dt.date | str | None,
                language: str | None = None, empty: str = "") -> str:
    """Months from `first` to `last` ("2026-02" or a day), naming a year once when both are
    in it: "February – July 2026", "de février à juillet 2026" (French elides: "d’août"),
    "فبراير – يوليو 2026"; across years "July 2025 – January 2026", "de juillet 2025 à
    janvier 2026". One month (or no end) is that month; no start gives `empty`."""
    if not first:
        return empty
    a = first if isinstance(first, dt.date) else dt.date.fromisoformat(f"{str(first)[:7]}-01")
    b = a if not last else (last if isinstance(last, dt.date)
                            else dt.date.fromisoformat(f"{str(last)[:7]}-01"))
    if (a.year, a.month) == (b.year, b.month):
        return _month_year(a, language)
    start = (month_name(a.month, language) if a.year == b.year
             else _month_year(a, language))
    end = _month_year(b, language)
    if language_of(language) == "fr":
        of = "d’" if start[:1].lower() in "aeiouéèâîôûh" else "de "
        return f"{of}{start} à {end}"
    return f"{start} – {end}"
