"""The schedule chapter's months with fewer working days are those that shaped the schedule:
Kenya's baseline re-generated in December 2026, its courses all of 2025, listed the holidays
of March to December 2027 under a timeline that ends in December 2025."""

from __future__ import annotations

import dataclasses

from govcap.planning.core.inputs import MonthBlock, add_months
from govcap.planning.core.period import plan_period
from tests.reports.helpers import plan as base_plan
from tests.reports.test_fresh_eyes_plan import document, text


def test_only_the_months_inside_the_plans_period_are_listed() -> None:
    plan = base_plan()
    period = plan_period(plan)
    assert period.first and period.last
    inside = MonthBlock(period.first, 21, 3, ("holiday:Inside Day",))
    after = MonthBlock(add_months(period.last, 5), 21, 4, ("holiday:Far Day",))
    said = text(document(dataclasses.replace(plan, month_blocks=(inside, after))))
    assert "Inside Day" in said
    assert "Far Day" not in said


def test_a_month_closed_between_the_training_and_its_reassessments_is_said() -> None:
    """Kenya's follow-up: training February to April 2027, reassessments to October, June 2027
    closed (fiscal year-end) — its schedule chapter said 'Months closed to training: none'."""
    plan = base_plan()
    period = plan_period(plan)
    assert period.last == "2027-02" and period.reassess_last == "2027-08"
    said = text(document(dataclasses.replace(plan, blackout_months=("2027-06", "2027-10"))))
    assert "Months closed to training: June 2027." in said  # not October: after the period
