"""The documents' heatmap in French, Arabic and Swahili (issue 15): every level word, the
"not assessed" word of a cell never rated, each section title and each organisation's name
stays inside its cell or the figure, the longest names and words given."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle

from govcap.chartwords import chart_words
from govcap.reports.figures import heatmap_figure
from govcap.reports.labels import Labels
from govcap.reports.model import HeatmapData
from govcap.scale import SECTION_KEYS

LONGEST = (
    "Ministry of Education, Culture and Higher Education",
    "Ministère de l’Économie, des Finances et de la Planification du Développement",
)


@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_every_word_of_the_heatmap_stays_inside(language, fmt):
    levels = ["basic", "moderate", "high", None]
    data = HeatmapData(
        rows=list(LONGEST),
        columns=[
            f"{n}. " + "Utiliser des processus et des services bien définis pour l’acquisition"
            for n in range(1, len(SECTION_KEYS) + 1)
        ],
        cells=[[levels[(r + c) % 4] for c in range(len(SECTION_KEYS))] for r in range(2)],
        title=Labels(language)["h.heatmap"],
        words=chart_words(language),
    )
    fig = heatmap_figure(data, fmt)
    FigureCanvasAgg(fig)  # to measure: the figure's own canvas only saves
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    cells = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Rectangle)]
    words = [t for t in ax.texts if t.get_text()]
    assert len(words) == len(cells) == 2 * len(SECTION_KEYS)
    for text, cell in zip(words, cells, strict=True):
        box = text.get_window_extent(renderer)
        assert box.width > 0.4 * cell.width or len(text.get_text()) < 12  # measured
        assert cell.x0 <= box.x0 and box.x1 <= cell.x1, (language, text.get_text())
    page = fig.bbox
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        box = label.get_window_extent(renderer)
        assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1, (language, label.get_text())
