"""The plan's charts, drawn with matplotlib: PNG for DOCX, SVG for the PDF.

The heatmap draws the model the pages' SVG heatmap draws (``govcap.charts.data.Heatmap``:
cells, their order, colours, words in the document's language and legend decided there);
only the layout for a page is decided here. In a right-to-left language (the model's
`words.rtl`) it is mirrored as the pages' heatmap is: names on the right, the first section
right-most, the legend read from the right; its Arabic is shaped (`drawing.text_for`). The Gantt chart is :mod:`.gantt`, what both
share :mod:`.drawing`. matplotlib (Agg canvas, no pyplot) is imported lazily, inside the
drawing functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govcap.charts import palette
from govcap.charts.data import Heatmap
from govcap.reports.drawing import (
    columns_and_names,
    legend_placing,
    new_figure,
    save,
    style,
    text_for,
    wrapped,
)
from govcap.reports.gantt import gantt, gantt_chunks
from govcap.reports.model import GanttData

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

HATCH = "////"
HEATMAP_ROWS_PER_CHART = 16


def heatmap_chunks(data: Heatmap) -> list[Heatmap]:
    """Long heatmaps split into several charts so each fits a page."""
    return data.chunks(HEATMAP_ROWS_PER_CHART)


def heatmap(data: Heatmap, fmt: str, width_in: float = 9.6) -> bytes:
    """Organisations × sections, each cell coloured and its level written in words."""
    return save(heatmap_figure(data, fmt, width_in), fmt)


def heatmap_figure(data: Heatmap, fmt: str, width_in: float = 9.6) -> MplFigure:
    """The heatmap's figure, before it is saved as `fmt` (its text given as `fmt` needs)."""
    from matplotlib import rc_context
    from matplotlib.patches import Patch, Rectangle

    rtl, shaped = data.words.rtl, text_for(fmt)
    n_rows, n_cols = max(len(data.rows), 1), len(data.columns)
    height_in = 1.75 + 0.3 * n_rows
    with rc_context(style()):
        fig = new_figure(width_in, height_in)
        ax = fig.add_subplot()
        for r, (_name, line) in enumerate(data.lines()):
            for c, cell in enumerate(line):
                swatch, assessed = cell.swatch, cell.level is not None
                ax.add_patch(Rectangle((c + 0.03, r + 0.06), 0.94, 0.88,
                                       facecolor=swatch.fill, edgecolor=swatch.edge,
                                       linewidth=0.6, hatch=None if assessed else HATCH))
                label = ax.text(c + 0.5, r + 0.5, shaped(cell.word), ha="center",
                                va="center", fontsize=7, color=swatch.text,
                                fontweight="bold" if assessed else "normal")
                if not assessed:
                    label.set_backgroundcolor(palette.WHITE)
        columns_and_names(ax, n_cols, rtl)  # right to left: section 1 right-most
        ax.set_ylim(n_rows, 0)
        ax.set_xticks([c + 0.5 for c in range(n_cols)],
                      [shaped(wrapped(col, 17, 4)) for col in data.columns], fontsize=6.5)
        ax.xaxis.tick_top()
        ax.set_yticks([r + 0.5 for r in range(len(data.rows))],
                      [shaped(wrapped(name, 40, 2)) for name in data.rows], fontsize=7)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        handles = [Patch(facecolor=entry.swatch.fill, edgecolor=entry.swatch.edge,
                         hatch=None if entry.level is not None else HATCH,
                         label=shaped(entry.word))
                   for entry in data.legend()]
        fig.legend(**legend_placing(handles, rtl), ncol=4, frameon=False, fontsize=7.5,
                   handlelength=1.4)
        return fig


def draw(kind: str, data: object, fmt: str) -> list[bytes]:
    """The images of a figure (a long one is drawn in parts), PNG or SVG."""
    if kind == "heatmap":
        assert isinstance(data, Heatmap)
        return [heatmap(part, fmt) for part in heatmap_chunks(data)]
    if kind == "gantt":
        assert isinstance(data, GanttData)
        return [gantt(part, fmt) for part in gantt_chunks(data)]
    raise ValueError(f"unknown figure {kind!r}")
