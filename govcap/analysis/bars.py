"""A horizontal bar chart of counts (how often each code was applied), in the style of
`charts.svg`: built with `charts.markup` (presentation attributes only, strict-CSP safe),
every count written beside its bar, a full text alternative in <desc>; mirrored in
right-to-left languages (`charts.parts.Frame`)."""

from __future__ import annotations

from collections.abc import Sequence

from govcap.charts import palette
from govcap.charts.markup import (
    chars_fitting,
    clean,
    document,
    el,
    fallback_lang,
    title_el,
    wrap,
)
from govcap.charts.parts import LABEL_SIZE, MARGIN, SMALL_SIZE, Frame, chart_id_for, heading
from govcap.charts.words import ENGLISH, Words

BAR = "#1F4E89"


def count_bars(items: Sequence[tuple[str, int]], title: str, *, subtitle: str | None = None,
               width: int = 760, chart_id: str | None = None, words: Words = ENGLISH) -> str:
    """One bar per (label, count), longest first as given; the count written at its end."""
    f = Frame(width, words)
    cid = chart_id_for(chart_id, "bars", title, list(items))
    head, y = heading(f, title, subtitle)
    label_w = round(width * 0.32)
    x0 = MARGIN + label_w + 12
    bar_w = width - MARGIN - 48 - x0
    top = max((n for _label, n in items), default=0) or 1
    row_h = 28
    rows = []
    for index, (label, n) in enumerate(items):
        mid = y + index * row_h + row_h / 2
        lines, _truncated = wrap(label, chars_fitting(label_w, LABEL_SIZE), 1)
        w = bar_w * n / top
        rows.append(el("g", [
            title_el(f"{clean(label)}: {n}"),
            f.text(lines[0], MARGIN, mid + 4, size=LABEL_SIZE, lang=fallback_lang(label)),
            f.rect(x0, mid - 9, max(w, 1), 18, fill=BAR, stroke=BAR),
            f.text(str(n), x0 + w + 6, mid + 4, size=SMALL_SIZE, fill=palette.INK,
                   font_weight="bold"),
        ]))
    bottom = y + len(items) * row_h
    axis = f.line(x0, y, x0, bottom, stroke=palette.AXIS)
    desc = words.say(words.counts_desc,
                     items="; ".join(f"{clean(label)} {n}" for label, n in items))
    return document(chart_id=cid, width=width, height=bottom + MARGIN, title=title, desc=desc,
                    body=[head, axis, *rows], lang=words.lang, rtl=words.rtl)
