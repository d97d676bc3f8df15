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
