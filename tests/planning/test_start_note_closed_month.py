"""The plan page says why the schedule starts later than the lead time gives: Somalia's v2
draft said "The schedule starts in March 2027 … the first course comes at least 8 weeks
after the plan's date (5 December 2026)" — 8 weeks give February 2027, closed for Ramadan,
which it did not say."""

from __future__ import annotations

from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import MonthBlock
from govcap.planning.pages import start_note
from govcap.scale import Level

from .helpers import CATALOGUE, everyone


def plan_with(blocks):
    return generate_plan(
        everyone(8, {"enterprise-architecture": Level.BASIC}), CATALOGUE, Targets(),
        Constraints("2026-12", plan_date="2026-12-05", month_blocks=blocks))


def test_the_start_note_names_the_closed_month_that_moved_the_start():
    ramadan = MonthBlock("2027-02", 20, 20, ("ramadan:20",))
    with translation.override("en"):
        note = start_note(plan_with((ramadan,)))
    assert note.startswith("The schedule starts in March 2027"), note
    assert note.endswith("after the plan's date (5 December 2026) (February 2027 is closed "
                         "to training: Ramadan (20 working days))."), note


def test_without_a_closed_month_the_note_gives_the_weeks_only():
    with translation.override("en"):
        note = start_note(plan_with(()))
    assert note.startswith("The schedule starts in February 2027"), note
    assert "closed to training" not in note
