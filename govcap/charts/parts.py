"""Pieces shared by the SVG charts: the frame (mirrored in right-to-left languages), hatch
pattern, boxes, headings, legend, axes, bars.

Built only with `markup.el` / `markup.text_el`, so the CSP guarantees of `markup` hold.
Charts lay themselves out left to right; `Frame` mirrors every x (and which edge of a text
sits on it) when the chart's language reads right to left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govcap.charts import palette
from govcap.charts.data import Heatmap, HeatmapCell, Shown
from govcap.charts.markup import (
    chars_fitting,
    el,
    fallback_lang,
    fmt,
    make_id,
    safe_id,
    text_el,
    title_el,
    wrap,
)
from govcap.charts.words import ENGLISH, Words
from govcap.scale import Level

MARGIN = 16
LABEL_SIZE = 12
SMALL_SIZE = 11
LINE_HEIGHT = 15

MIRRORED = {"left": "right", "right": "left", "center": "center"}


@dataclass(frozen=True)
class Frame:
    """A chart `width` wide speaking `words`. Coordinates given to it are the left-to-right
    layout's; in a right-to-left language it draws them mirrored: x → width − x, a box's
    left edge → width − x − w, a text's left edge ↔ its right edge."""

    width: float
    words: Words = ENGLISH

    @property
    def rtl(self) -> bool:
        return self.words.rtl

    def x(self, x: float) -> float:
        return self.width - x if self.rtl else x

    def left(self, x: float, w: float) -> float:
        return self.width - x - w if self.rtl else x

    def align(self, align: str) -> str:
        return MIRRORED[align] if self.rtl else align

    def text(self, text: str, x: float, y: float, *, size: float = 12, align: str = "left",
             **values: object) -> str:
        return text_el(text, self.x(x), y, size=size, align=self.align(align), rtl=self.rtl,
                       **values)

    def lines(self, lines: list[str], x: float, y: float, *, size: float, line_height: float,
              align: str = "left", **values: object) -> str:
        """Lines of one label as consecutive <text> elements (no <tspan> dy arithmetic)."""
        return "".join(self.text(line, x, y + index * line_height, size=size, align=align,
                                 **values)
                       for index, line in enumerate(lines))

    def rect(self, x: float, y: float, width: float, height: float, **values: object) -> str:
        return el("rect", x=self.left(x, width), y=y, width=width, height=height, **values)

    def line(self, x1: float, y1: float, x2: float, y2: float, **values: object) -> str:
        return el("line", x1=self.x(x1), y1=y1, x2=self.x(x2), y2=y2, **values)


def hatch_id(cid: str) -> str:
    return f"{cid}-na"


def defs(cid: str) -> str:
    pattern = el(
        "pattern",
        el("rect", width=6, height=6, fill=palette.WHITE)
        + el("line", x1=0, y1=0, x2=0, y2=6, stroke=palette.HATCH, stroke_width=2),
        id=hatch_id(cid),
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    return el("defs", pattern)


def fill_for(level: Shown, cid: str) -> str:
    return f"url(#{hatch_id(cid)})" if level is None else palette.swatch_for(level).fill


def box(f: Frame, level: Shown, cid: str, x: float, y: float, w: float, h: float) -> str:
    """A level's area: its colour; "not assessed" hatched with a dashed edge; "not rated
    yet" white with a dotted edge."""
    swatch = palette.swatch_for(level)
    dashes = "4 3" if level is None else "1 3" if isinstance(level, palette.NotRated) else None
    return f.rect(
        x,
        y,
        max(w, 0),
        h,
        fill=fill_for(level, cid),
        stroke=swatch.edge,
        stroke_width=1,
        stroke_dasharray=dashes,
    )


def chip(f: Frame, text: str, x: float, y: float, size: float) -> str:
    """Text on a white backing, legible over a hatch. `x` is the left edge (right in RTL)."""
    width = len(text) * size * 0.6 + 8
    return f.rect(x, y - size, width, size + 6, fill=palette.WHITE) + (
        f.text(text, x + 4, y, size=size, fill=palette.MUTED)
    )


def heading(f: Frame, title: str, subtitle: str | None = None) -> tuple[str, float]:
    """The visible title (bold, wrapped to two lines) and an optional subtitle."""
    width = f.width
    lines, _ = wrap(title, chars_fitting(width - 2 * MARGIN, 16), 2)
    out = f.lines(lines, MARGIN, MARGIN + 16, size=16, line_height=20, font_weight="bold")
    y = MARGIN + 16 + 20 * (len(lines) - 1)
    if subtitle:
        sub, _ = wrap(subtitle, chars_fitting(width - 2 * MARGIN, SMALL_SIZE), 2)
        out += f.lines(sub, MARGIN, y + 18, size=SMALL_SIZE, line_height=14, fill=palette.MUTED)
        y += 18 + 14 * (len(sub) - 1)
    return out, y + 14


def legend(
    f: Frame,
    cid: str,
    x: float,
    y: float,
    width: float,
    *,
    letters: bool = False,
    target: bool = False,
    entries: Sequence[HeatmapCell] | None = None,
) -> tuple[str, float]:
    """One row of swatches with their words; wraps onto a second row when narrow.

    `entries` (a heatmap's legend) give the levels and their words; by default the
    palette's, in its order, in the frame's words. In right-to-left languages the row reads
    from the right: the first entry right-most."""
    if entries is None:
        entries = Heatmap((), (), (), words=f.words).legend()
    items = []
    for entry in entries:
        name = (f.words.say(f.words.letter_means, letter=entry.letter, word=entry.word)
                if letters else entry.word)
        items.append((entry.level, name))
    out, cx, cy = [], x, y
    for level, name in items:
        item_w = 22 + len(name) * SMALL_SIZE * 0.6 + 18
        if cx + item_w > x + width and cx > x:
            cx, cy = x, cy + 20
        out.append(box(f, level, cid, cx, cy, 14, 14))
        out.append(f.text(name, cx + 20, cy + 11.5, size=SMALL_SIZE, fill=palette.MUTED))
        cx += item_w
    if target:
        if cx + 90 > x + width:
            cx, cy = x, cy + 20
        out.append(target_mark(f, cx + 7, cy - 1, cy + 15))
        out.append(f.text(f.words.target, cx + 20, cy + 11.5, size=SMALL_SIZE,
                          fill=palette.MUTED))
    return el("g", out), cy + 14 - y


def target_mark(f: Frame, x: float, y1: float, y2: float) -> str:
    x = f.x(x)
    halo = el("line", x1=x, y1=y1, x2=x, y2=y2, stroke=palette.WHITE, stroke_width=6)
    line = el("line", x1=x, y1=y1, x2=x, y2=y2, stroke=palette.TARGET, stroke_width=2)
    tip = el(
        "path",
        d=f"M {fmt(x - 5)} {fmt(y1)} L {fmt(x + 5)} {fmt(y1)} L {fmt(x)} {fmt(y1 + 6)} Z",
        fill=palette.TARGET,
        stroke=palette.WHITE,
        stroke_width=1,
    )
    return halo + line + tip


def wrapped_label(f: Frame, text: str, x: float, mid: float, width: float,
                  lines_max: int = 2) -> str:
    """A wrapped label vertically centred on `mid`, with the full text as its tooltip."""
    lines, truncated = wrap(text, chars_fitting(width, LABEL_SIZE), lines_max)
    top = mid + 4 - (len(lines) - 1) * LINE_HEIGHT / 2
    body = f.lines(lines, x, top, size=LABEL_SIZE, line_height=LINE_HEIGHT)
    return el("g", (title_el(text) if truncated else "") + body, lang=fallback_lang(text))


def level_axis(f: Frame, x0: float, unit: float, y_top: float, y_bottom: float,
               label_y: float | None = None) -> str:
    """Gridlines at Basic, Moderate, High (x0 + 1, 2, 3 units) named below, and the axis."""
    out = []
    for level in Level:
        x = x0 + unit * int(level)
        out.append(f.line(x, y_top, x, y_bottom, stroke=palette.GRID, stroke_dasharray="3 3"))
        out.append(
            f.text(
                f.words.level(level),
                x,
                y_bottom + 14 if label_y is None else label_y,
                size=SMALL_SIZE,
                fill=palette.MUTED,
                align="right" if level is Level.HIGH else "center",
            )
        )
    out.append(f.line(x0, y_top, x0, y_bottom, stroke=palette.AXIS))
    return el("g", out)


def level_bar(f: Frame, level: Shown, cid: str, x0: float, unit: float, mid: float,
              h: float) -> str:
    """A bar whose length is the level, with the level written at its end (it grows from
    the axis: rightwards, leftwards in right-to-left languages)."""
    swatch = palette.swatch_for(level)
    if level is None or isinstance(level, palette.NotRated):
        return box(f, level, cid, x0, mid - h / 2, unit * 3, h) + chip(
            f, f.words.level(level), x0 + 6, mid + 4, LABEL_SIZE
        )
    length = unit * int(level)
    return box(f, level, cid, x0, mid - h / 2, length, h) + f.text(
        f.words.level(level),
        x0 + length - 8,
        mid + 4,
        size=LABEL_SIZE,
        fill=swatch.text,
        align="right",
        font_weight="bold",
    )


def chart_id_for(chart_id: str | None, kind: str, *parts: object) -> str:
    return safe_id(chart_id) if chart_id else make_id(kind, *parts)
