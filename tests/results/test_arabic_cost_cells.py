"""An Arabic cost cell holds its Latin figure "USD 725.20 (n = 77)" whole before the
Arabic sentence that follows it: unheld, the bidi algorithm set it as "(77 = USD 725.20 (n"."""

from __future__ import annotations

from django.utils import translation

from govcap import localise
from govcap.direction import has_rtl
from govcap.results import document
from govcap.results.core import indicators as ind


def cost(with_cost: int, run: int = 8) -> ind.Indicator:
    return ind.Indicator(ind.COST_PER_PARTICIPANT, ind.MONEY, 72520.0, 77, currency="USD",
                         facts={"courses_run": run, "courses_with_cost": with_cost})


def test_a_cost_followed_by_arabic_words_is_held_left_to_right_whole():
    with translation.override("ar"):
        text = document.actual(cost(6))
    figure, _sep, rest = text.partition(localise.PDI)
    assert figure == f"{localise.LRI}USD\xa0725.20 (n = 77)" and has_rtl(rest)


def test_a_cost_alone_and_an_english_one_are_left_as_they_were():
    with translation.override("ar"):
        assert document.actual(cost(8)) == "USD\xa0725.20 (n = 77)"  # the PDF holds it whole
    with translation.override("en"):
        assert document.actual(cost(6)) == ("USD\xa0725.20 (n = 77) — cost recorded for 6 of "
                                            "the 8 courses that ran")
