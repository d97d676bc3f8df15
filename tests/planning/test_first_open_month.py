"""The first month new training can start is the first month OPEN to training after the lead
time: Djibouti's plan of 5 December 2026 (8 weeks: February 2027) starts in March 2027,
since February 2027 is Ramadan; the settings the documents read say March everywhere."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core import blackouts
from govcap.planning.core.inputs import MonthBlock
from govcap.scale import Level

from .helpers import CATALOGUE, everyone

RAMADAN_2027 = MonthBlock("2027-02", 20, 20, ("ramadan:20",))


def dated(**more) -> Constraints:
    return Constraints(start_month="2026-07", plan_date="2026-12-05",
                       month_blocks=(RAMADAN_2027,), **more)


def test_a_closed_month_after_the_lead_time_moves_the_start_to_the_next_open_month():
    c = dated()
    assert c.lead_month == "2027-02"
    assert c.not_before == "2027-03"
    assert c.first_month == "2027-03"
    assert c.months[0] == "2027-03"
    assert Constraints(start_month="2027-02", month_blocks=(RAMADAN_2027,)).first_month == (
        "2027-03")  # a start month set in Ramadan, undated, moves on too


def test_every_statement_of_the_first_month_in_the_plan_agrees():
    plan = generate_plan(everyone(4, {"enterprise-architecture": Level.BASIC}), CATALOGUE,
                         Targets(), dated())
    c = plan.settings["constraints"]
    assert c["first_month"] == c["not_before"] == plan.months[0] == "2027-03"
    assert c["lead_month"] == "2027-02"
    assert min(x.month for x in plan.cohorts if x.month) >= "2027-03"


def test_djiboutis_ramadan_2027_is_closed_by_the_country_calendar():
    blocks = {b.month: b for b in blackouts.month_blocks("DJ", ["2027-02"], 12, True, True)}
    c = Constraints(start_month="2026-07", plan_date="2026-12-05",
                    month_blocks=tuple(blocks.values()))
    assert "2027-02" in c.closed_months and c.first_month == "2027-03"
