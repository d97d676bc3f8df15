"""Pieces shared by the SVG charts: hatch pattern, boxes, headings, legend, axes, bars.

Built only with `markup.el` / `markup.text_el`, so the CSP guarantees of `markup` hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from govcap.charts import palette
from govcap.charts.data import Heatmap, HeatmapCell, level_name
from govcap.charts.markup import (
    chars_fitting,
    el,
    fmt,
    make_id,
    multiline,
    safe_id,
    text_el,
    title_el,
    wrap,
)
from govcap.scale import Level

MARGIN = 16
LABEL_SIZE = 12
SMALL_SIZE = 11
LINE_HEIGHT = 15


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


def fill_for(level: Level | None, cid: str) -> str:
    return f"url(#{hatch_id(cid)})" if level is None else palette.swatch_for(level).fill


def box(level: Level | None, cid: str, x: float, y: float, w: float, h: float) -> str:
    swatch = palette.swatch_for(level)
    return el(
        "rect",
        x=x,
        y=y,
        width=max(w, 0),
        height=h,
        fill=fill_for(level, cid),
        stroke=swatch.edge,
        stroke_width=1,
        stroke_dasharray="4 3" if level is None else None,
    )


def chip(text: str, x: float, y: float, size: float) -> str:
    """Text on a white backing, legible over a hatch. `x` is the left edge."""
    width = len(text) * size * 0.6 + 8
    return el("rect", x=x, y=y - size, width=width, height=size + 6, fill=palette.WHITE) + (
        text_el(text, x + 4, y, size=size, fill=palette.MUTED)
    )


def heading(title: str, width: float, subtitle: str | None = None) -> tuple[str, float]:
    """The visible title (bold, wrapped to two lines) and an optional subtitle."""
    lines, _ = wrap(title, chars_fitting(width - 2 * MARGIN, 16), 2)
    out = multiline(lines, MARGIN, MARGIN + 16, size=16, line_height=20, font_weight="bold")
    y = MARGIN + 16 + 20 * (len(lines) - 1)
    if subtitle:
        sub, _ = wrap(subtitle, chars_fitting(width - 2 * MARGIN, SMALL_SIZE), 2)
        out += multiline(sub, MARGIN, y + 18, size=SMALL_SIZE, line_height=14, fill=palette.MUTED)
        y += 18 + 14 * (len(sub) - 1)
    return out, y + 14


def legend(
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
    palette's, in its order."""
    if entries is None:
        entries = Heatmap((), (), ()).legend()
    items = []
    for entry in entries:
        name = f"{entry.letter} = {entry.word}" if letters else entry.word
        items.append((entry.level, name))
    out, cx, cy = [], x, y
    for level, name in items:
        item_w = 22 + len(name) * SMALL_SIZE * 0.6 + 18
        if cx + item_w > x + width and cx > x:
            cx, cy = x, cy + 20
        out.append(box(level, cid, cx, cy, 14, 14))
        out.append(text_el(name, cx + 20, cy + 11.5, size=SMALL_SIZE, fill=palette.MUTED))
        cx += item_w
    if target:
        if cx + 90 > x + width:
            cx, cy = x, cy + 20
        out.append(target_mark(cx + 7, cy - 1, cy + 15))
        out.append(text_el("Target", cx + 20, cy + 11.5, size=SMALL_SIZE, fill=palette.MUTED))
    return el("g", out), cy + 14 - y


def target_mark(x: float, y1: float, y2: float) -> str:
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


def wrapped_label(text: str, x: float, mid: float, width: float, lines_max: int = 2) -> str:
    """A wrapped label vertically centred on `mid`, with the full text as its tooltip."""
    lines, truncated = wrap(text, chars_fitting(width, LABEL_SIZE), lines_max)
    top = mid + 4 - (len(lines) - 1) * LINE_HEIGHT / 2
    body = multiline(lines, x, top, size=LABEL_SIZE, line_height=LINE_HEIGHT)
    return el("g", (title_el(text) if truncated else "") + body)


def level_axis(x0: float, unit: float, y_top: float, y_bottom: float) -> str:
    out = []
    for level in Level:
        x = x0 + unit * int(level)
        out.append(
            el(
                "line",
                x1=x,
                y1=y_top,
                x2=x,
                y2=y_bottom,
                stroke=palette.GRID,
                stroke_dasharray="3 3",
            )
        )
        anchor = "end" if level is Level.HIGH else "middle"
        out.append(
            text_el(
                level_name(level),
                x,
                y_bottom + 14,
                size=SMALL_SIZE,
                fill=palette.MUTED,
                text_anchor=anchor,
            )
        )
    out.append(el("line", x1=x0, y1=y_top, x2=x0, y2=y_bottom, stroke=palette.AXIS))
    return el("g", out)


def level_bar(level: Level | None, cid: str, x0: float, unit: float, mid: float, h: float) -> str:
    """A bar whose length is the level, with the level written at its end."""
    swatch = palette.swatch_for(level)
    if level is None:
        return box(None, cid, x0, mid - h / 2, unit * 3, h) + chip(
            "Not assessed", x0 + 6, mid + 4, LABEL_SIZE
        )
    length = unit * int(level)
    return box(level, cid, x0, mid - h / 2, length, h) + text_el(
        swatch.label,
        x0 + length - 8,
        mid + 4,
        size=LABEL_SIZE,
        fill=swatch.text,
        text_anchor="end",
        font_weight="bold",
    )


def chart_id_for(chart_id: str | None, kind: str, *parts: object) -> str:
    return safe_id(chart_id) if chart_id else make_id(kind, *parts)
