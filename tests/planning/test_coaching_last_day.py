"""Coaching's days spread over the months after the one it starts in (CHG-901: 2, 1 and 1
days over three months). The organisation is reassessed six months after its LAST training
day, and the plan's period runs to that day's month: ICT Authority's CHG-901 began in
February 2027 with days into April, yet it was reassessed in August 2027 and the period
said February–March."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule, DropModule
from govcap.planning.core.inputs import add_months
from govcap.planning.core.period import plan_period
from govcap.scale import Level

from .helpers import CATALOGUE, org_rows


def coached():
    rows = org_rows("ict", {"change-management": Level.BASIC})
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"), (
        AddModule("a1", "ict", "CHG-901"), DropModule("d1", "ict", "CHG-101"),
        DropModule("d2", "ict", "CHG-102")))
    (cohort,) = [c for c in plan.cohorts if c.module_code == "CHG-901"]
    return plan, cohort


def test_the_reassessment_is_six_months_after_the_last_coaching_day():
    plan, cohort = coached()
    assert cohort.month == "2027-02"
    assert cohort.day_months == (("2027-02", 2), ("2027-03", 1), ("2027-04", 1))
    (indicator,) = [i for i in plan.indicators if i.section_key == "change-management"]
    assert indicator.last_training_month == "2027-04"
    assert indicator.reassess_month == add_months("2027-04", 6) == "2027-10"


def test_the_plan_period_ends_in_the_month_of_the_last_coaching_day():
    plan, _ = coached()
    period = plan_period(plan)
    assert (period.first, period.last) == ("2027-02", "2027-04")
    assert plan_period(plan, "ict").last == "2027-04"


def test_the_timeline_shows_the_coaching_in_each_month_of_its_days():
    from govcap.reports.build_parts import gantt_data
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope
    from tests.reports.helpers import catalogue, context

    plan, cohort = coached()
    gantt = gantt_data(Scope(plan, context("en"), catalogue("en"), Labels("en")))
    assert len(gantt.months) == 3  # February to April 2027
    (row,) = [r for r in gantt.rows if r.label.startswith("CHG-901")]
    assert row.bars == ((0, cohort.participants), (1, cohort.participants),
                        (2, cohort.participants))


def test_the_behaviour_check_follows_the_last_coaching_day():
    """Level 3 asks whether the coaching is used at work: 3 to 6 months after its LAST day
    (April 2027), not after February when it began."""
    plan, _ = coached()
    (evaluation,) = [e for e in plan.evaluations if e.module_code == "CHG-901"]
    levels = {level.level: level for level in evaluation.levels}
    assert (levels["behaviour"].from_month, levels["behaviour"].to_month) == (
        "2027-07", "2027-10")
    assert (levels["reaction"].from_month, levels["reaction"].to_month) == (
        "2027-04", "2027-04")
    assert levels["learning"].from_month == "2027-02"
