"""What the plan's charts share: a figure, its bytes (PNG or SVG), wrapped labels and the
font settings. matplotlib (Agg canvas, no pyplot) is imported lazily, inside the functions.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from govcap.charts import palette

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.typing import RcKeyType

FONT = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", "DejaVu Sans"]


def new_figure(width_in: float, height_in: float) -> MplFigure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    fig.patch.set_facecolor(palette.WHITE)
    return fig


def save(fig: MplFigure, fmt: str, dpi: int = 200) -> bytes:
    """PNG or SVG bytes (SVG text as paths: no font needed to read it, nothing to fetch)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "govcap"}):
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata={"Date": None} if fmt == "svg"
                    else {"Software": None})
    return buffer.getvalue()


def wrapped(text: str, width: int, lines: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, max_lines=lines, placeholder="…")
                     or [""])


def style() -> dict[RcKeyType, Any]:
    """matplotlib settings every plan chart is drawn with (``rc_context(style())``)."""
    return {"font.family": FONT, "svg.fonttype": "none"}
