"""The adjusted costs hint keeps its example as one left-to-right line (issue 15, fresh
eyes): the Arabic hint read "مثل 3000 / DST-101: 95" for "DST-101: 95 / 3000"."""

from __future__ import annotations

from django.utils import translation

from govcap.planning.forms import costs_help


def test_the_example_is_isolated_left_to_right_on_an_arabic_page():
    with translation.override("ar"):
        hint = str(costs_help)
    assert "\u2066DST-101: 95 / 3000\u2069" in hint, hint
    with translation.override("en"):
        hint = str(costs_help)
    assert hint.endswith("e.g. DST-101: 95 / 3000") and "\u2066" not in hint, hint
