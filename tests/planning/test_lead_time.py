"""The lead time (issue 14): a plan's first course leaves the organisations time to nominate
participants, release them and book a venue, and each course's names are due on a real day
between the plan's date and the course's month."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Constraints, Targets, generate_plan, load_catalogue
from govcap.planning.core.inputs import (
    MAX_LEAD_WEEKS,
    PlanInputError,
    add_months,
    first_allowed_month,
    month_start,
    nominations_due,
)
from govcap.scale import Level

from .helpers import PLANNING, everyone

DEC_4 = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("day", "weeks", "first"), [
    (DEC_4, 8, "2027-02"),  # 29 Jan 2027 is 8 weeks on: January has begun by then
    (dt.date(2026, 12, 1), 4, "2027-01"),  # 29 Dec is 4 weeks on: 1 Jan is after it
    (DEC_4, 4, "2027-01"),  # 1 Jan 2027 is exactly 4 weeks on: that is enough
    (dt.date(2026, 12, 5), 4, "2027-02"),  # a day later, 1 Jan is a day short
    (dt.date(2026, 11, 6), 8, "2027-01"),  # 1 Jan 2027 is exactly 8 weeks on
    (dt.date(2026, 11, 7), 8, "2027-02"),
    (DEC_4, 52, "2028-01"),  # 3 Dec 2027: December has begun by then
    (dt.date(2026, 1, 1), 0, "2026-02"),  # 0 weeks: never the plan's own month
    (dt.date(2026, 11, 30), 0, "2026-12"),  # … the month after, whatever the day
    (dt.date(2026, 12, 31), 0, "2027-01"),
])
def test_the_first_month_is_the_first_that_begins_the_lead_time_after_the_plan(day, weeks,
                                                                               first):
    assert first_allowed_month(day, weeks) == first


def test_a_start_month_too_soon_moves_to_the_first_month_the_lead_time_allows():
    dated = {"plan_date": "2026-12-04"}
    assert Constraints(start_month="2026-06", **dated).first_month == "2027-02"  # 8 by default
    assert Constraints(start_month="2027-01", **dated).first_month == "2027-02"
    assert Constraints(start_month="2027-05", **dated).first_month == "2027-05"  # later: kept
    assert Constraints(start_month="2026-06", lead_weeks=4, **dated).first_month == "2027-01"
    assert Constraints(start_month="2026-06", lead_weeks=0, **dated).months[0] == "2027-01"
    assert Constraints(start_month="2026-06").first_month == "2026-06"  # undated: as set


@pytest.mark.parametrize("changes", [{"lead_weeks": -1}, {"lead_weeks": MAX_LEAD_WEEKS + 1},
                                     {"plan_date": "4 Dec 2026"}])
def test_a_lead_time_outside_a_year_or_a_plan_date_that_is_no_day_is_refused(changes):
    with pytest.raises(PlanInputError, match="lead_weeks|plan_date"):
        Constraints(start_month="2027-01", **changes)


@pytest.mark.parametrize(("day", "month", "due"), [
    (DEC_4, "2027-02", dt.date(2027, 1, 4)),  # 4 weeks before 1 Feb
    (DEC_4, "2027-06", dt.date(2027, 5, 4)),
    (DEC_4, "2027-01", dt.date(2026, 12, 18)),  # 4 Dec is 4 weeks before: 2 weeks to choose
    (dt.date(2026, 12, 20), "2027-01", dt.date(2026, 12, 31)),  # lead 0: before 1 Jan still
    (dt.date(2026, 12, 31), "2027-01", dt.date(2026, 12, 31)),  # no time left: the plan's day
    (DEC_4, "2026-12", DEC_4),  # a month that has begun: never before the plan's date
])
def test_the_names_are_due_four_weeks_before_the_month_after_two_weeks_to_choose(day, month,
                                                                                 due):
    assert nominations_due(day, month) == due


@PLANNING
@given(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)), st.integers(0, MAX_LEAD_WEEKS),
       st.integers(0, 24))
def test_every_course_s_names_are_due_between_the_plan_and_its_month(day, weeks, later):
    month = add_months(first_allowed_month(day, weeks), later)
    due = nominations_due(day, month)
    assert day <= due < month_start(month)
    assert due >= day + dt.timedelta(weeks=2) or due == month_start(month) - dt.timedelta(days=1)


def test_a_generated_plan_keeps_the_lead_time_and_says_it():
    plan = generate_plan(everyone(3, {"change-management": Level.BASIC}), load_catalogue(),
                         Targets(), Constraints(start_month="2026-06", plan_date="2026-12-04"))
    assert plan.months[0] == "2027-02"
    assert {c.month for c in plan.cohorts} and all(c.month >= "2027-02" for c in plan.cohorts)
    stored = plan.settings["constraints"]
    assert (stored["plan_date"], stored["lead_weeks"], stored["not_before"],
            stored["first_month"]) == ("2026-12-04", 8, "2027-02", "2027-02")
