"""A Gantt-style chart of the cohort schedule: modules down, months across.

Each cohort month is a box coloured by training domain with the number of participants
written in it (colour never carries the meaning alone: the module code heads the row).
Coaching, on-the-job projects and e-learning are not cohorts: their months are a lighter,
hatched bar, named so in the legend.
Months closed to training are shaded. matplotlib (Agg, no pyplot) is imported lazily.
"""

from __future__ import annotations

from dataclasses import replace

from govcap.charts import palette
from govcap.reports.drawing import (
    as_written,
    columns_and_names,
    legend_placing,
    new_figure,
    save,
    style,
    text_for,
    wrapped,
)
from govcap.reports.model import GanttData

ROWS_PER_CHART = 18
MONTHS_ACROSS = 12  # month labels written across the columns; more stand upright

# Okabe–Ito colours (plus a grey), one per training domain in govcap.scale.DOMAINS order.
DOMAIN_COLOURS = {
    "design-systems-thinking": "#0072B2",
    "agile": "#009E73",
    "project-management": "#E69F00",
    "change-management": "#CC79A7",
    "digital-policy": "#56B4E9",
    "service-management": "#D55E00",
    "enterprise-architecture": "#5F5F5F",
}


RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def lighter(colour: str, keep: float = 0.3) -> str:
    """``colour`` mixed with white (``keep`` of it left): the fill of a bar that is not a
    cohort, so it never reads as the domain's solid box."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02X}" for c in channels)


def names_flush_right(fig, ax) -> None:
    """The row names right of the grid, set flush right at one edge (as Arabic is written),
    each starting at the right: the tick labels are anchored by their right end, moved out by
    the widest name so none runs over the grid."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    labels = ax.get_yticklabels()
    widest = max((label.get_window_extent(renderer).width for label in labels), default=0)
    ax.yaxis.set_tick_params(pad=3.5 + widest * 72 / fig.dpi)
    for label in labels:
        label.set_horizontalalignment("right")


def gantt_chunks(data: GanttData) -> list[GanttData]:
    n = ROWS_PER_CHART
    if len(data.rows) <= n:
        return [data]
    return [replace(data, rows=data.rows[i:i + n]) for i in range(0, len(data.rows), n)]


def gantt(data: GanttData, fmt: str, width_in: float = 9.6) -> bytes:
    from matplotlib import rc_context
    from matplotlib.patches import Patch, Rectangle

    n_rows, n_cols = max(len(data.rows), 1), max(len(data.months), 1)
    height_in = 1.5 + 0.27 * n_rows + (0.5 if n_cols > MONTHS_ACROSS else 0)
    shaped = text_for(fmt)
    with rc_context(style()):
        fig = new_figure(width_in, height_in)
        ax = fig.add_subplot()
        for c in data.blackout:
            ax.add_patch(Rectangle((c, 0), 1, n_rows, facecolor="#EDEDED", edgecolor="none"))
        for r in range(n_rows + 1):
            ax.axhline(r, color=palette.GRID, linewidth=0.4)
        for c in range(n_cols + 1):
            ax.axvline(c, color=palette.GRID, linewidth=0.4)
        for r, row in enumerate(data.rows):
            fill = DOMAIN_COLOURS.get(row.domain, "#5F5F5F")
            for c, people in row.bars:
                if row.course:  # a cohort: a box in the domain's colour
                    ax.add_patch(Rectangle((c + 0.06, r + 0.14), 0.88, 0.72, facecolor=fill,
                                           edgecolor=palette.INK, linewidth=0.4))
                    ax.text(c + 0.5, r + 0.5, str(people), ha="center", va="center",
                            fontsize=7, color=palette.text_on(fill), fontweight="bold")
                else:  # coaching, on-the-job, e-learning: no cohort, a lighter hatched bar
                    ax.add_patch(Rectangle((c + 0.06, r + 0.26), 0.88, 0.48,
                                           facecolor=lighter(fill), edgecolor=fill,
                                           hatch="////", linewidth=0.8))
                    ax.text(c + 0.5, r + 0.5, str(people), ha="center", va="center",
                            fontsize=7, color=palette.INK,
                            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white",
                                  "edgecolor": "none"})
        columns_and_names(ax, n_cols, data.rtl)  # right to left: the first month right-most
        ax.set_ylim(n_rows, 0)
        # a month over its year, each line shaped on its own; more months than a year's
        # columns hold side by side ("septembre" ran into "octobre"): upright, one line each
        upright = n_cols > MONTHS_ACROSS
        ax.set_xticks([c + 0.5 for c in range(n_cols)],
                      [shaped(m.replace("\n", " ")) if upright
                       else "\n".join(shaped(part) for part in m.split("\n"))
                       for m in data.months],
                      fontsize=7, linespacing=1.1, rotation=90 if upright else 0)
        ax.xaxis.tick_top()
        # right to left, a label reads from its right end: the module code first (an RLM
        # makes the line right to left, as "SVC-101" would start it left to right; the SVG's
        # text is put in visual order here, and needs the mark no more)
        mark = RLM if data.rtl else ""
        names = [shaped(mark + wrapped(row.label, 52, 1)) for row in data.rows]
        if shaped is not as_written:
            names = [name.replace(RLM, "") for name in names]
        ax.set_yticks([r + 0.5 for r in range(len(data.rows))], names, fontsize=7)
        ax.tick_params(length=0)
        if data.rtl:
            names_flush_right(fig, ax)
        for spine in ax.spines.values():
            spine.set_visible(False)
        used = [d for d in DOMAIN_COLOURS if any(row.domain == d for row in data.rows)]
        handles = [Patch(facecolor=DOMAIN_COLOURS[d], edgecolor=palette.INK, linewidth=0.4,
                         label=shaped(data.domain_labels.get(d, d))) for d in used]
        if any(not row.course for row in data.rows) and data.interventions_label:
            handles.append(Patch(facecolor=lighter(palette.INK), edgecolor=palette.INK,
                                 hatch="////", linewidth=0.8,
                                 label=shaped(data.interventions_label)))
        if handles:
            fig.legend(**legend_placing(handles, data.rtl), ncol=min(len(handles), 3),
                       frameon=False, fontsize=7, handlelength=1.2)
        return save(fig, fmt)
