"""The results documents in the reader's language: French decimals with a comma
("4,13 sur 5", "p = 1,000"), the demo note's colon as French writes it, and, in Arabic, a
Latin formula ("n = 41", "p = 1.000") held left to right (it read "41 = n" in the PDF)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.utils import translation

from govcap.localise import LRI, NNBSP, PDI
from govcap.reports.direction import LRM
from govcap.results import document
from govcap.results.build import build
from govcap.results.core import indicators as ind


def comparison(p: float) -> SimpleNamespace:
    return SimpleNamespace(test=SimpleNamespace(p_value=p, exact=True, hits=11, splits=56))


class Stub:
    def __init__(self, *indicators: ind.Indicator) -> None:
        self.indicators = list(indicators)

    def indicator(self, key: str) -> ind.Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


def test_french_writes_the_results_decimals_with_a_comma():
    l1 = ind.Indicator(ind.SATISFACTION, ind.PERCENT, 78.0, 54, 42,
                       facts={"mean_rating": 4.13})
    with translation.override("fr"):
        assert document._test(comparison(1.0)).startswith("p = 1,000 ")
        assert document._test(comparison(0.1964)).startswith("p = 0,196 ")
        [facts] = [b for b in document.evaluation_blocks(Stub(l1)) if hasattr(b, "items")]
        assert "4,13" in facts.items[0] and "4.13" not in facts.items[0]
    with translation.override("en"):
        assert document._test(comparison(1.0)).startswith("p = 1.000 ")


def test_arabic_holds_a_formula_left_to_right():
    with translation.override("ar"):
        assert f"{LRI}p = 1.000{PDI}" in document._test(comparison(1.0))
        gain = ind.Indicator(ind.LEARNING_GAIN, ind.POINTS, 42.5, 41, baseline=0.0)
        assert f"{LRI}n = 41{PDI}" in document.actual(gain)
        # a cell with no Arabic is held left to right whole: no marks inside it
        cost = ind.Indicator(ind.COST_PER_PARTICIPANT, ind.MONEY, 74321.0, 74,
                             currency="USD", facts={"courses_with_cost": 1})
        assert LRI not in document.actual(cost)
    with translation.override("en"):
        assert LRI not in document._test(comparison(1.0))


@pytest.mark.django_db
def test_the_arabic_pdf_holds_n_equals_left_to_right(programme):
    from govcap.reports.pdf import render_html

    with translation.override("ar"):
        html = render_html(document.document(build(None, programme.engagement)))
    found = re.findall(r"(.{0,20})(\b[np] = [\d.,]+)", html)
    assert found
    for before, formula in found:
        if "USD" in before or "KES" in before:  # a Latin cell, held whole
            continue
        assert before.endswith(f'<bdi dir="ltr">{LRM}'), (before, formula)


@pytest.mark.django_db
def test_the_french_demo_note_has_a_space_before_its_colon(programme, monkeypatch):
    monkeypatch.setattr(document, "demo_mark", lambda results: "DONNÉES DE DÉMONSTRATION")
    with translation.override("fr"):
        doc = document.document(build(None, programme.engagement))
    assert doc.cover_note.startswith(f"DONNÉES DE DÉMONSTRATION{NNBSP}: ")
