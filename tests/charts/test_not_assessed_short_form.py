"""The heatmap's short form for "not assessed" is one message, said alike in the cells and
in the chart's description (issue 15, fresh eyes): the Arabic heatmap wrote "—" (the mark of
a section not rated yet is "–") where French wrote "NÉ", while the description kept "n/a"
in its sentence whatever the cells said."""

from __future__ import annotations

from unittest import mock

from django.utils import translation

from govcap import chartwords
from govcap.charts import svg

SHORT = {"n/a": "XA"}


def said(context: str, message: str) -> str:
    return SHORT.get(message, message)


def test_the_cells_and_the_description_write_the_same_short_form():
    with translation.override("en"), mock.patch.object(chartwords, "pgettext", said):
        words = chartwords.chart_words()
    markup = svg.heatmap(
        ["Ministry of ICT"],
        ["1. Systems", "2. Leadership"],
        [[None, 1]],
        "Levels",
        cell_width=40,
        words=words,
    )
    assert ">XA<" in markup
    assert "or XA for not assessed" in markup and "n/a" not in markup


def test_the_short_form_has_a_context_of_its_own_not_a_letters():
    contexts = []

    def seen(context: str, message: str) -> str:
        contexts.append((context, message))
        return message

    with translation.override("en"), mock.patch.object(chartwords, "pgettext", seen):
        chartwords.chart_words()
    [context] = [c for c, m in contexts if m == "n/a"]
    assert context != "level letter" and "not assessed" in context
