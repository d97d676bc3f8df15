"""A heatmap cell's word stays in its cell (issue 15): "Pas encore notée" (fr) and "Bado
haijakadiriwa" (sw) ran into the next cells. A word too long for one line is set on two, in a
smaller size."""
from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

import pytest

from govcap.charts import svg
from govcap.charts.markup import CHAR_WIDTH_EM
from govcap.charts.palette import NOT_RATED
from tests.charts.svgcheck import NS

CELL = 78
MARKS = "\u202a\u202b\u202c"


@pytest.mark.parametrize("language", ["fr", "sw", "ar"])
def test_a_not_rated_cell_holds_its_words_within_the_cell(language) -> None:
    from govcap.chartwords import chart_words

    words = chart_words(language)
    long = words.levels["not_rated"]
    markup = svg.heatmap(["Org A"], ["S1", "S2"], [[1, NOT_RATED]], "H", cell_width=CELL,
                         words=words)
    centred = [(el.text or "").strip(MARKS) for el in ET.fromstring(markup).iter(f"{NS}text")
               if el.get("text-anchor") == "middle"]
    sizes = [float(el.get("font-size")) for el in ET.fromstring(markup).iter(f"{NS}text")
             if el.get("text-anchor") == "middle"]
    in_cell = [(text, size) for text, size in zip(centred, sizes, strict=True)
               if text and text in long]
    assert " ".join(text for text, _ in in_cell) == long  # every word, in order
    for text, size in in_cell:
        letters = sum(1 for ch in text if not unicodedata.combining(ch))  # not Arabic marks
        assert letters * CHAR_WIDTH_EM * size <= CELL - 6 + 1, (text, size)
