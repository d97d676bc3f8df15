"""Cells govcap writes are safe to open in a spreadsheet."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.cells import neutralise, neutralise_row


@pytest.mark.parametrize("value", ["=1+2", "+254 700", "-3", "@SUM(A1)", "\tx", "\rx",
                                   "=HYPERLINK(\"http://evil\")"])
def test_text_starting_with_a_formula_character_gets_an_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Ministry of ICT", "", " =not first", "'already", "1.0",
                                   "${consent} = 'yes'", "• bullet"])
def test_other_text_is_left_alone(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [None, 3, -3, 2.5, True, dt.date(2026, 3, 10),
                                   dt.datetime(2026, 3, 10, 9, 30)])
def test_numbers_dates_and_empty_cells_are_not_text(value):
    assert neutralise(value) == value


def test_a_row_is_neutralised_cell_by_cell():
    assert neutralise_row(["a", "-b", 4, None]) == ["a", "'-b", 4, None]
