"""What the plan's charts share: a figure, its bytes (PNG or SVG), wrapped and shaped
labels and the font settings. matplotlib (Agg canvas, no pyplot) is imported lazily, inside
the functions.

Arabic: matplotlib's own renderer (Agg, the DOCX's PNG) shapes text and orders it right to
left itself (libraqm), so it is given the text as written. Its SVG (the PDF's figures) keeps
the text as text, which WeasyPrint then draws letter by letter, neither joining Arabic
letters nor reordering them: for SVG every text goes through `shaped` first (arabic-reshaper
for the joined forms, python-bidi for the visual order). `text_for(fmt)` picks which.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from govcap import direction
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


def columns_and_names(ax: Any, n_cols: int, rtl: bool) -> None:
    """Columns 0 … n_cols − 1 from the left and the row names on the left, or, right to
    left, column 0 at the right and the names on the right."""
    ax.set_xlim(*((n_cols, 0) if rtl else (0, n_cols)))
    if rtl:
        ax.yaxis.tick_right()


def legend_placing(handles: list[Any], rtl: bool) -> dict[str, Any]:
    """`fig.legend` arguments for a legend at the foot that reads in the language's
    direction: right to left, the first entry right-most, each swatch right of its word."""
    return {"handles": handles[::-1] if rtl else handles,
            "loc": "outside lower right" if rtl else "outside lower left",
            "markerfirst": not rtl}


def wrapped(text: str, width: int, lines: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, max_lines=lines, placeholder="…")
                     or [""])


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def shaped(text: str) -> str:
    """`text` as it must be drawn by matplotlib: Arabic letters in their joined forms
    (Arabic Presentation Forms) and each line in visual order, as it reads on the page. Text
    with no right-to-left character is returned unchanged."""
    if not has_rtl(text):
        return text
    import arabic_reshaper

    return "\n".join(visual(arabic_reshaper.reshape(line)) for line in text.split("\n"))


LRE, PDF = "\u202a", "\u202c"  # LEFT-TO-RIGHT EMBEDDING … POP DIRECTIONAL FORMATTING


def visual(line: str) -> str:
    """One line of right-to-left text in visual order. Its Latin runs and signed numbers
    (govcap.direction) are embedded left to right first, so "+1" stays "+1", and the
    brackets of "(Agile)" are mirrored: python-bidi's compiled `get_display` mirrors none
    (it drew ")Agile("), its pure-Python algorithm does (rule L4) and drops the marks."""
    from bidi.algorithm import get_display

    return get_display("".join(f"{LRE}{piece}{PDF}" if ltr else piece
                               for piece, ltr in direction.runs(line)))


def as_written(text: str) -> str:
    return text


def text_for(fmt: str) -> Callable[[str], str]:
    """How a figure saved as `fmt` must be given its text: `shaped` for SVG (drawn by
    WeasyPrint), as written for PNG (matplotlib shapes it)."""
    return shaped if fmt == "svg" else as_written


def style() -> dict[RcKeyType, Any]:
    """matplotlib settings every plan chart is drawn with (``rc_context(style())``)."""
    return {"font.family": FONT, "svg.fonttype": "none"}
