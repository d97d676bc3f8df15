"""PNG versions of the charts for DOCX reports (Word cannot be relied on to show SVG).

Drawn with matplotlib's Agg canvas from the same inputs and palette as the SVG charts.
matplotlib is imported inside the functions so web requests that never draw a PNG do
not pay its import time. `Figure` + `FigureCanvasAgg` are used directly, not pyplot, so
no global figure state is shared between threads.

Arabic names rely on matplotlib's own text layout; check a sample after upgrading
matplotlib (the pinned 3.11 was checked by eye). The SVG charts use the browser's or the
PDF engine's shaping.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from govcap.charts import palette
from govcap.charts.data import (
    LevelLike,
    SectionLevel,
    check_grid,
    coerce_level,
    level_name,
    targets_by_key,
)
from govcap.charts.markup import clean
from govcap.scale import Level

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["heatmap_png", "level_profile_png"]

HATCH = "////"


def _figure(width_in: float, height_in: float) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    fig.patch.set_facecolor(palette.WHITE)
    return fig


def _png(fig: Figure, dpi: int) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _wrapped(text: str, width: int, lines: int) -> str:
    return "\n".join(
        textwrap.wrap(clean(text), width=width, max_lines=lines, placeholder="…") or [""]
    )


def _legend(ax: Axes, *, target: bool) -> None:
    handles = _legend_handles(target=target)
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=len(handles),
        frameon=False,
        fontsize=8,
        handlelength=1.4,
        borderaxespad=0.3,
    )


def _legend_handles(*, target: bool) -> list[Artist]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = []
    for swatch in palette.all_swatches():
        hatch = HATCH if swatch.key == palette.NOT_ASSESSED_SWATCH.key else None
        handles.append(
            Patch(facecolor=swatch.fill, edgecolor=swatch.edge, hatch=hatch, label=swatch.label)
        )
    if target:
        handles.append(Line2D([0], [0], color=palette.TARGET, linewidth=2, label="Target"))
    return handles


def level_profile_png(
    sections: Sequence[SectionLevel],
    title: str,
    targets: Mapping[str, LevelLike] | None = None,
    *,
    width_in: float = 7.5,
    dpi: int = 150,
) -> bytes:
    """The level profile (see `svg.level_profile`) as PNG bytes."""
    wanted = targets_by_key(targets)
    height_in = 1.3 + 0.45 * max(len(sections), 1)
    fig = _figure(width_in, height_in)
    ax = fig.add_subplot()
    positions = list(range(len(sections)))[::-1]
    for y, section in zip(positions, sections, strict=True):
        level = section.value
        swatch = palette.swatch_for(level)
        if level is None:
            ax.barh(
                y,
                3,
                height=0.6,
                color=palette.WHITE,
                edgecolor=palette.AXIS,
                hatch=HATCH,
                linestyle="--",
                linewidth=0.8,
            )
            ax.text(
                0.05,
                y,
                " Not assessed ",
                va="center",
                ha="left",
                fontsize=8,
                color=palette.MUTED,
                backgroundcolor=palette.WHITE,
            )
        else:
            ax.barh(
                y, int(level), height=0.6, color=swatch.fill, edgecolor=swatch.edge, linewidth=0.8
            )
            ax.text(
                int(level) - 0.05,
                y,
                swatch.label,
                va="center",
                ha="right",
                fontsize=8,
                color=swatch.text,
                fontweight="bold",
            )
        target = wanted.get(section.key)
        if target is not None:
            ax.plot(
                [int(target)] * 2,
                [y - 0.42, y + 0.42],
                color=palette.WHITE,
                linewidth=4,
                solid_capstyle="butt",
            )
            ax.plot(
                [int(target)] * 2,
                [y - 0.42, y + 0.42],
                color=palette.TARGET,
                linewidth=2,
                solid_capstyle="butt",
            )
    ax.set_yticks(positions, [_wrapped(s.label, 34, 2) for s in sections], fontsize=8)
    ax.set_xlim(0, 3.02)
    ax.set_ylim(-0.6, len(sections) - 0.4)
    ax.set_xticks(
        [1, 2, 3], [level_name(level) for level in Level], fontsize=8, color=palette.MUTED
    )
    ax.grid(axis="x", color=palette.GRID, linestyle="--", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    _legend(ax, target=bool(wanted))
    fig.suptitle(
        _wrapped(title, 80, 2), x=0.01, ha="left", fontsize=11, fontweight="bold", color=palette.INK
    )
    return _png(fig, dpi)


def heatmap_png(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[LevelLike]],
    title: str,
    *,
    dpi: int = 150,
) -> bytes:
    """The organisations × sections heatmap (see `svg.heatmap`) as PNG bytes."""
    from matplotlib.patches import Rectangle

    check_grid(rows, columns, cells)
    n_rows, n_cols = len(rows), len(columns)
    width_in = 2.6 + 0.95 * max(n_cols, 1)
    height_in = 1.9 + 0.26 * max(n_rows, 1)
    fig = _figure(width_in, height_in)
    ax = fig.add_subplot()
    for r, line in enumerate(cells):
        for c, value in enumerate(line):
            level = coerce_level(value)
            swatch = palette.swatch_for(level)
            ax.add_patch(
                Rectangle(
                    (c + 0.04, r + 0.06),
                    0.92,
                    0.88,
                    facecolor=swatch.fill,
                    edgecolor=swatch.edge,
                    linewidth=0.6,
                    hatch=HATCH if level is None else None,
                    linestyle="--" if level is None else "-",
                )
            )
            label = ax.text(
                c + 0.5,
                r + 0.5,
                swatch.letter if level is None else swatch.label,
                ha="center",
                va="center",
                fontsize=7,
                color=swatch.text,
                fontweight="normal" if level is None else "bold",
            )
            if level is None:
                label.set_backgroundcolor(palette.WHITE)
    ax.set_xlim(0, n_cols)
    ax.set_ylim(n_rows, 0)
    ax.set_xticks(
        [c + 0.5 for c in range(n_cols)],
        [_wrapped(col, 14, 4) for col in columns],
        fontsize=7,
        fontweight="bold",
    )
    ax.xaxis.tick_top()
    ax.set_yticks(
        [r + 0.5 for r in range(n_rows)], [_wrapped(name, 36, 1) for name in rows], fontsize=8
    )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.legend(
        handles=_legend_handles(target=False),
        loc="outside lower left",
        ncol=4,
        frameon=False,
        fontsize=8,
        handlelength=1.4,
    )
    fig.suptitle(
        _wrapped(title, 90, 2), x=0.01, ha="left", fontsize=11, fontweight="bold", color=palette.INK
    )
    return _png(fig, dpi)
