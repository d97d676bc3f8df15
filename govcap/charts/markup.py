"""Small, safe SVG markup builder shared by the charts.

Everything that reaches the output goes through `el` (element) or `text_el`: attribute
values and text are escaped, characters XML 1.0 forbids are dropped, and the names that
would break a strict Content-Security-Policy (``style``, event handlers, hrefs) are refused
at build time, so a chart cannot smuggle them in whatever data it is given.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
import unicodedata
from collections.abc import Iterable

from govcap.charts.palette import FONT_FAMILY, INK
from govcap.direction import isolated

SVG_NS = "http://www.w3.org/2000/svg"

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/FFFF.
_FORBIDDEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Runs of spaces, line breaks and tabs; the no-break spaces (French " : ", "12 %", « … »)
# are kept: made ordinary, they let a colon or a guillemet start a line, and broke the rule.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
_REFUSED_ATTRIBUTES = re.compile(r"^(style|on.*|.*href|src)$", re.IGNORECASE)
_REFUSED_TAGS = {"style", "script", "foreignObject", "image", "use", "a", "iframe"}

# Unicode bidi embedding: an RTL label is wrapped in RLE … PDF so it reads right to left
# inside the chart's left-to-right layout without relying on the `direction` attribute,
# which some SVG renderers (PDF engines) ignore.
RLE = "\u202b"
PDF = "\u202c"

ELLIPSIS = "…"
ISOLATES, POP_ISOLATE = ("\u2066", "\u2067", "\u2068"), "\u2069"  # LRI, RLI, FSI; PDI
CHAR_WIDTH_EM = 0.56  # average advance of a sans-serif glyph, for layout estimates


def clean(text: object) -> str:
    """User text as one line of XML-safe characters (controls dropped, spaces collapsed, the
    no-break spaces kept)."""
    return _WHITESPACE.sub(" ", _FORBIDDEN_XML.sub("", str(text))).strip()


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def fmt(value: float | int | str) -> str:
    """Numbers without trailing zeros: 12.0 → "12", 3.14159 → "3.14"."""
    if isinstance(value, str):
        return value
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attrs(values: dict[str, object]) -> str:
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        real = name.rstrip("_").replace("_", "-")
        if _REFUSED_ATTRIBUTES.match(real):
            raise ValueError(f"attribute {real!r} is not allowed in govcap charts")
        rendered = fmt(value) if isinstance(value, int | float) else clean(value)
        parts.append(f' {real}="{escape(rendered)}"')
    return "".join(parts)


_SAME_SITE_PATH = re.compile(r"/(?!/)[A-Za-z0-9/_.~%-]*(\?[A-Za-z0-9_.~%=&-]*)?")


def link(href: str, child: str) -> str:
    """A link to a page of this site around ``child`` (markup), named by what it shows.

    The one way a chart holds a link: ``<a>`` and ``href`` stay refused in :func:`el`, and
    only a same-site path is accepted here (no scheme, no ``//`` host), so neither
    ``javascript:`` nor another site can get in through data. A chart with links is a
    group, not an image (see :func:`document`): its links are reachable by keyboard.
    """
    if not _SAME_SITE_PATH.fullmatch(href):
        raise ValueError(f"a chart links only to a path of this site, not {href!r}")
    return f'<a href="{escape(href)}">{child}</a>'


def el(tag: str, children: Iterable[str] | str = (), /, **values: object) -> str:
    """An element; keyword names map to attributes (``text_anchor`` → ``text-anchor``).

    `children` must already be markup built by this module (or escaped text).
    """
    if tag in _REFUSED_TAGS:
        raise ValueError(f"<{tag}> is not allowed in govcap charts")
    body = children if isinstance(children, str) else "".join(children)
    if not body:
        return f"<{tag}{attrs(values)}/>"
    return f"<{tag}{attrs(values)}>{body}</{tag}>"


def fallback_lang(text: object) -> str | None:
    """The language of an instrument text that fell back to English for want of a
    translation (the instrument's ``Text`` with ``fallback``: "en"), None for any other
    text. Its element says so (``lang="en"``), as the pages' ``|t`` does, so that a screen
    reader reads the English words as English in a French or Arabic chart."""
    if not getattr(text, "fallback", False):
        return None
    return str(getattr(text, "lang", "") or "en")


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    return reads_rtl(text)


def visible(text: str, rtl: bool = False) -> str:
    """Escaped text for a <text> element, bidi-embedded when it reads right to left. When
    it reads right to left (its own first strong letter, or none and an `rtl` chart), its
    Latin runs and signed numbers are isolated (govcap.direction): "(Agile)" keeps its
    brackets round the word and "▲ +1" does not read "1+ ▲"."""
    line = clean(text)
    if is_rtl(line):
        return escape(f"{RLE}{isolated(line)}{PDF}")
    return escape(isolated(line) if rtl and reads_rtl(line, rtl) else line)


def reads_rtl(text: str, default: bool = False) -> bool:
    """The direction a text reads in, from its first strongly directional character
    (``dir="auto"``); `default` (the chart's direction) when it has none ("50%", "▲ +1")."""
    depth = 0  # inside an isolate (LRI, RLI, FSI … PDI), skipped as the bidi algorithm does
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        if depth:
            continue
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def anchor_for(align: str, rtl: bool) -> str:
    """The logical `text-anchor` that puts a text's `align` edge ("left", "right", "center")
    at x: browsers and WeasyPrint read "start" as the right edge of a right-to-left text."""
    if align == "center":
        return "middle"
    if align not in ("left", "right"):
        raise ValueError(f"align must be left, right or center, not {align!r}")
    return "start" if (align == "left") != rtl else "end"


def text_el(
    text: str, x: float, y: float, *, size: float = 12, align: str = "left", rtl: bool = False,
    **values: object,
) -> str:
    """A <text> whose `align` edge is at x. It reads in its own direction (its first strong
    character, else `rtl`: the chart's); in a right-to-left chart, or for a right-to-left
    text, `direction` is written on the element itself (WeasyPrint reads it there only)."""
    line = clean(text)
    rtl_text = reads_rtl(line, rtl)
    anchor = anchor_for(align, rtl_text)
    values.setdefault("fill", INK)
    values.setdefault("lang", fallback_lang(text))
    return el(
        "text", visible(line, rtl), x=x, y=y, font_size=size,
        direction=("rtl" if rtl_text else "ltr") if rtl or rtl_text else None,
        text_anchor=None if anchor == "start" and not rtl_text else anchor, **values,
    )


def title_el(text: str, **values: object) -> str:
    """A <title> (tooltip / accessible name) with the full, untruncated text."""
    return el("title", escape(clean(text)), **values)


def wrap(text: str, max_chars: int, max_lines: int) -> tuple[list[str], bool]:
    """Wrap `text` to lines of at most `max_chars`; returns (lines, truncated).

    When it needs more than `max_lines`, the last line ends with an ellipsis and
    `truncated` is True — the caller then puts the full text in a <title>.
    """
    line = clean(text)
    max_chars = max(4, max_chars)
    # Words are not split unless they are far longer than a line: the width estimate is
    # conservative, and "Incorpora-ting" reads worse than a word a little over the limit.
    hard_limit = max_chars + max_chars // 4
    lines = textwrap.wrap(line, width=max_chars, break_long_words=False, break_on_hyphens=True)
    truncated = False
    fitted = []
    for item in lines:
        if len(item) > hard_limit:
            item, truncated = item[: hard_limit - 1].rstrip() + ELLIPSIS, True
        fitted.append(item)
    if not fitted:
        return [""], False
    if len(fitted) <= max_lines:
        return fitted, truncated
    kept = fitted[:max_lines]
    last = kept[-1].rstrip(ELLIPSIS)
    if len(last) + 1 > max_chars:
        last = last[: max_chars - 1].rstrip()
    kept[-1] = last + ELLIPSIS
    return kept, True


# A name's closing bracket — "(provisional)", "(provisoire)", "(MoPIED)" — says something the
# name alone does not: shortened, a name keeps it.
_TRAILING_BRACKET = re.compile(r"^(?P<head>.*\S)\s*(?P<tail>\([^()]*\))$")


def shorten(text: str, max_chars: int) -> tuple[str, bool]:
    """`text` on one line of about `max_chars`; returns (line, shortened). A longer text is
    cut at a word with an ellipsis, and a bracket that ends it is kept after the ellipsis:
    "Autorité de Régulation… (provisoire)", not "Autorité de Régulation Multisectorielle…"
    with the marker lost. The caller puts the full text in a <title>."""
    line = clean(text)
    max_chars = max(8, max_chars) + sum(line.count(c) for c in (*ISOLATES, POP_ISOLATE))
    if len(line) <= max_chars:
        return line, False
    found = _TRAILING_BRACKET.match(line)
    head, tail = line, ""
    if found and len(found["tail"]) <= max_chars // 2:
        head, tail = found["head"], " " + found["tail"]
    room = max(3, max_chars - len(tail) - 1)
    cut = head[:room]
    if head[room:room + 1] not in ("", " ") and " " in cut:
        words = cut.rsplit(" ", 1)[0]
        if len(words) >= room * 0.6:  # a whole word unless that leaves little of the name
            cut = words
    # an isolate cut open is closed after the ellipsis, or the marker would be held in it
    unclosed = sum(cut.count(c) for c in ISOLATES) - cut.count(POP_ISOLATE)
    return cut.rstrip(" ,;:-–—") + ELLIPSIS + POP_ISOLATE * max(0, unclosed) + tail, True


def chars_fitting(width: float, size: float) -> int:
    return max(4, int(width / (size * CHAR_WIDTH_EM)))


def make_id(kind: str, *parts: object) -> str:
    """A stable id prefix for one chart, so two charts on one page never share ids."""
    digest = hashlib.sha1(repr((kind, parts)).encode("utf-8", "surrogatepass")).hexdigest()
    return f"gc-{kind}-{digest[:10]}"


def safe_id(value: str) -> str:
    """An id given by the caller, reduced to characters valid in XML ids and URLs."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", value).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"gc-{cleaned}"
    return cleaned


def document(
    *, chart_id: str, width: float, height: float, title: str, desc: str, body: Iterable[str],
    lang: str = "en", rtl: bool = False, interactive: bool = False,
) -> str:
    """The <svg> root: role="img", <title> and <desc> first, referenced by aria-labelledby;
    its language (``lang``, ``xml:lang``) and direction said explicitly, so a chart inlined in
    a page of another direction is not turned by the page's. An ``interactive`` chart (it
    holds links) is role="group" instead: an image's content is hidden from assistive
    technology, and a link may not sit inside one."""
    head = el("title", escape(clean(title)), id=f"{chart_id}-title") + el(
        "desc", escape(clean(desc)), id=f"{chart_id}-desc"
    )
    return el(
        "svg",
        head + "".join(body),
        xmlns=SVG_NS,
        id=chart_id,
        role="group" if interactive else "img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        width=width,
        height=height,
        viewBox=f"0 0 {fmt(width)} {fmt(height)}",
        font_family=FONT_FAMILY,
        class_="govcap-chart",
        direction="rtl" if rtl else "ltr",
        lang=lang,
        **{"xml:lang": lang},
    )
