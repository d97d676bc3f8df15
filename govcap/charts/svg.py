"""Server-rendered SVG charts that a strict Content-Security-Policy allows.

Every chart is a `str` of SVG markup built from presentation attributes only: no
``style`` attribute, no <style>, no script, no external reference (patterns are local
``url(#id)`` fills). The root has role="img" and aria-labelledby pointing at its <title>
and <desc>; the <desc> is a full text alternative. Levels are written as words (or B/M/H
letters in narrow heatmap cells), "not assessed" is hatched and written "n/a", so nothing
depends on colour. Long labels wrap, and are truncated with an ellipsis with the full text
kept in a <title> tooltip. Ids are prefixed per chart (`chart_id`, default derived from the
data) so several charts can be inlined in one page.

Every word comes from the `words` argument (`charts.words.Words`, English by default; pages
and documents pass ``govcap.chartwords.chart_words()``), and so does the direction: in a
right-to-left language the chart is mirrored — labels on the right, the first section
right-most, bars growing leftwards, legends read from the right (`parts.Frame`).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from govcap.charts import palette
from govcap.charts.data import (
    Heatmap,
    LevelLike,
    RoundProfile,
    SectionCounts,
    SectionLevel,
    Shown,
    targets_by_key,
    trend_sections,
)
from govcap.charts.markup import (
    CHAR_WIDTH_EM,
    chars_fitting,
    clean,
    document,
    el,
    fallback_lang,
    link,
    shorten,
    title_el,
    wrap,
)
from govcap.charts.palette import NOT_RATED, NotRated
from govcap.charts.parts import (
    LABEL_SIZE,
    MARGIN,
    SMALL_SIZE,
    Frame,
    box,
    chart_id_for,
    chip,
    defs,
    heading,
    legend,
    level_axis,
    level_bar,
    target_mark,
    wrapped_label,
)
from govcap.charts.words import ENGLISH, Words
from govcap.scale import Level

__all__ = ["heatmap", "level_distribution", "level_profile", "trend"]


def _document(f: Frame, *, chart_id: str, height: float, title: str, desc: str,
              body: list[str], interactive: bool = False) -> str:
    return document(chart_id=chart_id, width=f.width, height=height, title=title, desc=desc,
                    body=body, lang=f.words.lang, rtl=f.rtl, interactive=interactive)


# --- a. level profile -----------------------------------------------------------------


def level_profile(
    sections: Sequence[SectionLevel],
    title: str,
    targets: Mapping[str, LevelLike] | None = None,
    *,
    subtitle: str | None = None,
    width: int = 760,
    chart_id: str | None = None,
    words: Words = ENGLISH,
) -> str:
    """Horizontal bars, one per section, length Basic=1 … High=3; optional target markers."""
    f = Frame(width, words)
    wanted = targets_by_key(targets)
    cid = chart_id_for(
        chart_id, "profile", title, [(s.key, s.label, s.value) for s in sections], wanted
    )
    head, y = heading(f, title, subtitle)
    # the legend names "Not rated yet" when a section is (a session under way)
    shown = Heatmap((), (), (), words=words)
    entries = shown.legend() + ([shown.cell(NOT_RATED)]
                                if any(s.value is NOT_RATED for s in sections) else [])
    legend_svg, legend_h = legend(f, cid, MARGIN, y, width - 2 * MARGIN, target=bool(wanted),
                                  entries=entries)
    y += legend_h + 16
    label_w = round(width * 0.34)
    x0 = MARGIN + label_w + 12
    unit = (width - MARGIN - x0) / 3
    row_h = 40
    rows, described = [], []
    for index, section in enumerate(sections):
        level, target = section.value, wanted.get(section.key)
        mid = y + index * row_h + row_h / 2
        if target is None:
            summary = words.say(words.section_level, section=clean(section.label),
                                level=words.level(level))
        else:
            summary = words.say(words.section_level_target, section=clean(section.label),
                                level=words.level(level), target=words.level(target))
        described.append(summary)
        parts = [title_el(summary), wrapped_label(f, section.label, MARGIN, mid, label_w)]
        parts.append(level_bar(f, level, cid, x0, unit, mid, 22))
        if target is not None:
            parts.append(target_mark(f, x0 + unit * int(target), mid - 16, mid + 16))
        rows.append(el("g", parts))
    bottom = y + len(sections) * row_h
    axis = level_axis(f, x0, unit, y, bottom)
    height = bottom + 14 + 10 + MARGIN
    desc = (words.profile_targets_desc if wanted else words.profile_desc) + " " + (
        words.semicolon.join(described) + "."
    )
    body = [defs(cid), head, legend_svg, axis, *rows]
    return _document(f, chart_id=cid, height=height, title=title, desc=desc, body=body)


# --- b. heatmap -------------------------------------------------------------------------

CELL_LINE = 10  # two lines in a 22 px cell


def cell_text(f: Frame, text: str, cx: float, mid: float, width: float, **values: object) -> str:
    """A cell's word centred on (cx, mid) within `width`: on one line when it fits, else on two
    lines in a smaller size ("Pas encore / notée", "Bado / haijakadiriwa"), so a long
    translation never runs into the next cell; a word that fits neither is cut, whole in its
    tooltip."""
    shown = sum(1 for ch in clean(text) if not unicodedata.combining(ch))  # Arabic marks
    if shown <= chars_fitting(width, SMALL_SIZE):
        return f.text(text, cx, mid + 4, size=SMALL_SIZE, align="center", **values)
    lines, truncated = wrap(text, chars_fitting(width, SMALL_SIZE - 1), 2)
    longest = max(len(line) for line in lines)
    size = max(8.0, min(SMALL_SIZE - 1, int(10 * width / (CHAR_WIDTH_EM * longest)) / 10))
    if longest * CHAR_WIDTH_EM * size > width + 1:  # one word too long even small: cut it
        lines = [shorten(line, chars_fitting(width, size))[0] for line in lines]
        truncated = True
    top = mid + 4 - (len(lines) - 1) * CELL_LINE / 2
    body = f.lines(lines, cx, top, size=size, line_height=CELL_LINE, align="center", **values)
    return el("g", (title_el(text) if truncated else "") + body)


def heatmap(
    rows: Sequence[str] | Heatmap,
    columns: Sequence[str] = (),
    cells: Sequence[Sequence[LevelLike]] = (),
    title: str = "",
    *,
    subtitle: str | None = None,
    cell_width: int = 78,
    label_width: int = 210,
    chart_id: str | None = None,
    words: Words | None = None,
    links: Sequence[str | None] = (),
) -> str:
    """Organisations (rows) × sections (columns); each cell coloured and its level written.

    Takes a `data.Heatmap` (the model the documents draw too), or its rows, columns, cells
    and title. Height grows with the number of rows (24 px each); width with the number of
    columns. Cells wider than 64 px carry the level's word, narrower ones its letter (B/M/H,
    n/a). `words` (default: the model's) say them, and the direction: in right-to-left
    languages the names are on the right and the first column right-most.

    `links`, one per row (or None), make a row's name and cells a link to that page (an
    organisation's profile), named by what the row shows; the chart is then a group of links rather
    than one image.
    """
    if isinstance(rows, Heatmap):
        model = rows if words is None else replace(rows, words=words)
    else:
        model = Heatmap(rows, columns, cells, title=title, words=words or ENGLISH)
    words = model.words
    rows, columns, title = model.rows, model.columns, model.title
    grid = model.grid
    cid = chart_id_for(chart_id, "heatmap", title, list(rows), list(columns), grid)
    width = MARGIN + label_width + 8 + len(columns) * cell_width + MARGIN
    width = max(width, 480)
    f = Frame(width, words)
    head, y = heading(f, title, subtitle)
    narrow = cell_width < 64
    legend_svg, legend_h = legend(
        f, cid, MARGIN, y, width - 2 * MARGIN, letters=narrow, entries=model.legend()
    )
    y += legend_h + 14
    x0 = MARGIN + label_width + 8
    header_lines = 4
    header = []
    for index, column in enumerate(columns):
        lines, truncated = wrap(column, chars_fitting(cell_width - 6, SMALL_SIZE), header_lines)
        cx = x0 + index * cell_width + cell_width / 2
        top = y + SMALL_SIZE + (header_lines - len(lines)) * 13
        body = f.lines(
            lines,
            cx,
            top,
            size=SMALL_SIZE,
            line_height=13,
            align="center",
            fill=palette.INK,
            font_weight="bold",
        )
        header.append(el("g", (title_el(column) if truncated else "") + body,
                         lang=fallback_lang(column)))
    y += header_lines * 13 + 8
    row_h = 24
    body_rows = []
    for r, (name, line) in enumerate(model.lines()):
        top = y + r * row_h
        shown, _ = shorten(name, chars_fitting(label_width, LABEL_SIZE))
        parts = [
            title_el(name),
            f.text(shown, MARGIN, top + row_h / 2 + 4, size=LABEL_SIZE),
        ]
        for c, cell in enumerate(line):
            level = cell.level
            cx = x0 + c * cell_width
            parts.append(box(f, level, cid, cx + 1, top + 1, cell_width - 2, row_h - 2))
            text = cell.letter if narrow or level is None else cell.word
            if level is None:  # a white backing over the hatch
                parts.append(
                    f.rect(cx + cell_width / 2 - 14, top + 5, 28, row_h - 10, fill=palette.WHITE)
                )
            parts.append(cell_text(f, text, cx + cell_width / 2, top + row_h / 2,
                                   cell_width - 6, fill=cell.swatch.text,
                                   font_weight="bold" if isinstance(level, Level) else None))
        href = links[r] if r < len(links) else None
        body_rows.append(link(href, el("g", parts)) if href else el("g", parts))
    height = y + len(rows) * row_h + MARGIN
    counts = Counter(level for line in grid for level in line)
    desc = (
        words.say(words.heatmap_desc, rows=len(rows), columns=len(columns),
                  not_assessed=words.letters["not_assessed"])
        + " "
        + words.say(words.totals, items=words.comma.join(
            f"{model.cell(level).word} {counts[level]}"
            for level in (*reversed(Level), None, *((NOT_RATED,) if counts[NOT_RATED] else ()))))
    )
    if len(rows) * len(columns) <= 240:
        desc += " " + " ".join(
            f"{clean(name)}{words.colon}"
            + words.comma.join(
                f"{clean(col)} {cell.word}" for col, cell in zip(columns, line, strict=True)
            )
            + "."
            for name, line in model.lines()
        )
    return _document(f, chart_id=cid, height=height, title=title, desc=desc,
                     body=[defs(cid), head, legend_svg, *header, *body_rows],
                     interactive=any(links))


# --- c. level distribution --------------------------------------------------------------


def shown_length(text: str) -> int:
    """The characters of `text` that take room: not the marks written over or under a
    letter (Arabic's vowel signs, "يُقيَّم")."""
    return sum(1 for char in text if not unicodedata.combining(char))


def level_distribution(
    counts: Sequence[SectionCounts],
    title: str,
    *,
    subtitle: str | None = None,
    width: int = 760,
    chart_id: str | None = None,
    words: Words = ENGLISH,
) -> str:
    """100 % stacked bars per section: Basic, Moderate, High, Not assessed, from the axis
    (left to right; right to left in right-to-left languages); then Not rated yet, in the
    legend too, when a section is not rated yet somewhere (a session under way).

    Counts are written in segments wide enough to hold them, and always in full at the
    far end of each bar (e.g. "B 3 · M 5 · H 2 · n/a 1").
    """
    f = Frame(width, words)
    cid = chart_id_for(chart_id, "distribution", title, counts)
    head, y = heading(f, title, subtitle)
    pending = any(item.not_rated for item in counts)
    order: tuple[Level | NotRated | None, ...] = (Level.BASIC, Level.MODERATE, Level.HIGH, None,
                                                  *((NOT_RATED,) if pending else ()))
    # the counts in words where the language asks and they leave the bars most of the
    # chart; the legend then has no letters to explain
    spelled = max((shown_length(" · ".join(f"{words.level(level)} {item.count(level)}"
                                           for level in order)) for item in counts), default=0)
    spelled_w = spelled * SMALL_SIZE * 0.5 + 8  # joined script: narrower than Latin's 0.6
    # (up to 42 %: Arabic's five counts, "not rated yet" among them, take 41 % of 760)
    spell = words.spelled_counts and spelled_w <= width * 0.42
    shown = Heatmap((), (), (), words=words)
    entries = shown.legend() + ([shown.cell(NOT_RATED)] if pending else [])
    legend_svg, legend_h = legend(f, cid, MARGIN, y, width - 2 * MARGIN, letters=not spell,
                                  entries=entries)
    y += legend_h + 16
    label_w = round(width * 0.30)
    summary_w = max(150, round(spelled_w)) if spell else 150
    x0 = MARGIN + label_w + 12
    bar_w = width - MARGIN - summary_w - x0
    row_h = 40
    rows, described = [], []
    for index, item in enumerate(counts):
        mid = y + index * row_h + row_h / 2
        parts = [wrapped_label(f, item.label, MARGIN, mid, label_w)]
        total, cx = item.total, float(x0)
        pieces = []
        for level in order:
            n = item.count(level)
            swatch = palette.swatch_for(level)
            pieces.append(f"{words.level(level) if spell else words.letter(level)} {n}")
            if not total or not n:
                continue
            w = bar_w * n / total
            share = words.say(words.percent, n=round(100 * n / total))
            segment = [title_el(words.say(words.count_of, label=clean(item.label),
                                          level=words.level(level), n=n, total=total,
                                          share=share))]
            segment.append(box(f, level, cid, cx, mid - 11, w, 22))
            if w >= 24:
                if level is None:
                    segment.append(
                        f.rect(cx + w / 2 - 9, mid - 7, 18, 14, fill=palette.WHITE)
                    )
                segment.append(
                    f.text(
                        str(n),
                        cx + w / 2,
                        mid + 4,
                        size=LABEL_SIZE,
                        fill=swatch.text,
                        align="center",
                        font_weight="bold",
                    )
                )
            parts.append(el("g", segment))
            cx += w
        if not total:
            parts.append(chip(f, words.no_ratings, x0 + 6, mid + 4, LABEL_SIZE))
        parts.append(
            f.text(
                " · ".join(pieces),
                width - MARGIN,
                mid + 4,
                size=SMALL_SIZE,
                fill=palette.MUTED,
                align="right",
            )
        )
        described.append(
            f"{clean(item.label)}{words.colon}"
            + words.comma.join(f"{words.level(level)} {item.count(level)}" for level in order)
        )
        rows.append(el("g", parts))
    bottom = y + len(counts) * row_h
    axis = [f.line(x0, y, x0, bottom, stroke=palette.AXIS)]
    for pct in (0, 50, 100):
        x = x0 + bar_w * pct / 100
        if pct:
            axis.append(f.line(x, y, x, bottom, stroke=palette.GRID, stroke_dasharray="3 3"))
        align = {0: "left", 50: "center", 100: "right"}[pct]
        axis.append(
            f.text(words.say(words.percent, n=pct), x, bottom + 14, size=SMALL_SIZE,
                   fill=palette.MUTED, align=align)
        )
    height = bottom + 14 + 10 + MARGIN
    desc = words.distribution_desc + " " + words.semicolon.join(described) + "."
    body = [defs(cid), head, legend_svg, el("g", axis), *rows]
    return _document(f, chart_id=cid, height=height, title=title, desc=desc, body=body)


# --- d. trend ---------------------------------------------------------------------------


def _change_text(before: Shown, after: Shown, words: Words) -> tuple[str, str]:
    if not isinstance(before, Level) or not isinstance(after, Level):
        return words.change_unknown, palette.MUTED
    delta = int(after) - int(before)
    if delta > 0:
        return f"▲ +{delta}", palette.UP
    if delta < 0:
        return f"▼ −{-delta}", palette.DOWN
    return words.no_change, palette.MUTED


def trend(
    rounds: Sequence[RoundProfile] | Sequence[tuple[str, Sequence[SectionLevel]]],
    title: str,
    *,
    subtitle: str | None = None,
    width: int = 760,
    chart_id: str | None = None,
    words: Words = ENGLISH,
) -> str:
    """Grouped bars: for each section, one bar per round, and the change from the previous
    round written at the far end (▲ +1, ▼ −1, = no change, change unknown)."""
    f = Frame(width, words)
    profiles = [r if isinstance(r, RoundProfile) else RoundProfile(*r) for r in rounds]
    levels = [{s.key: s.value for s in p.sections} for p in profiles]
    sections = trend_sections(profiles)
    cid = chart_id_for(chart_id, "trend", title, [p.label for p in profiles], sections, levels)
    head, y = heading(f, title, subtitle)
    legend_svg, legend_h = legend(f, cid, MARGIN, y, width - 2 * MARGIN)
    y += legend_h + 18
    round_w = round(width * 0.22)
    change_w = 120
    x0 = MARGIN + round_w + 10
    unit = (width - MARGIN - change_w - x0) / 3
    bar_row, group_gap, header_h = 26, 14, 22
    groups, described = [], []
    grid_top = y
    for key, label in sections:
        lines, truncated = wrap(label, chars_fitting(width - 2 * MARGIN, LABEL_SIZE + 1), 1)
        parts = [title_el(label, lang=fallback_lang(label)) if truncated else ""]
        parts.append(f.text(lines[0], MARGIN, y + 14, size=LABEL_SIZE + 1, font_weight="bold",
                            lang=fallback_lang(label)))
        y += header_h
        said = []
        previous: Shown = None
        for index, (profile, by_key) in enumerate(zip(profiles, levels, strict=True)):
            level = by_key.get(key)
            mid = y + bar_row / 2
            round_lines, _ = wrap(profile.label, chars_fitting(round_w, SMALL_SIZE), 1)
            parts.append(
                f.text(round_lines[0], MARGIN + 8, mid + 4, size=SMALL_SIZE, fill=palette.MUTED)
            )
            parts.append(level_bar(f, level, cid, x0, unit, mid, 18))
            if index:
                change, colour = _change_text(previous, level, words)
                parts.append(
                    f.text(
                        change,
                        width - MARGIN,
                        mid + 4,
                        size=SMALL_SIZE,
                        fill=colour,
                        align="right",
                        font_weight="bold",
                    )
                )
            said.append(f"{clean(profile.label)} {words.level(level)}")
            previous = level
            y += bar_row
        y += group_gap
        groups.append(el("g", [title_el(f"{clean(label)}{words.colon}" + words.comma.join(said)), *parts]))
        described.append(f"{clean(label)}{words.colon}" + words.comma.join(said))
    axis = level_axis(f, x0, unit, grid_top, y - group_gap, label_y=y)
    height = y + 10 + MARGIN
    desc = (
        words.say(words.trend_desc, rounds=words.comma.join(clean(p.label) for p in profiles))
        + " "
        + words.semicolon.join(described)
        + "."
    )
    body = [defs(cid), head, legend_svg, axis, *groups]
    return _document(f, chart_id=cid, height=height, title=title, desc=desc, body=body)
