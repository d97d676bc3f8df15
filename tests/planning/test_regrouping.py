"""Issue 14, re-check: a course one ministry's calendar kept out of the plan goes ahead
without that ministry (which is told of its own calendar); a step's courses complement each
other (PRJ-102 does not need PRJ-101: the catalogue declares no such prerequisite), so a
ministry that cannot take PRJ-101 still takes PRJ-102."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import OrgCapacity
from govcap.scale import Level

from .helpers import CATALOGUE, check_invariants, everyone, org_rows

B = Level.BASIC
PROJECTS = {"project-execution": B}  # PRJ-101 (5 days), then PRJ-102 (4 days)


def test_a_course_goes_ahead_without_the_ministry_whose_calendar_has_no_room() -> None:
    rows = everyone(3, PROJECTS) + org_rows("busy", PROJECTS, name="Ministry of Busy Days")
    constraints = Constraints("2027-01", capacity_overrides={
        "busy": OrgCapacity(days_per_month=4)})  # PRJ-101's five days never fit it
    plan = generate_plan(rows, CATALOGUE, Targets(), constraints)
    month = {(n.org_id, n.module_code): n.month for n in plan.needs}
    for org in ("org00", "org01", "org02"):
        assert month[(org, "PRJ-101")] is not None and month[(org, "PRJ-102")] is not None
    # the busy ministry: its own calendar said; PRJ-102 (four days) planned all the same
    assert month[("busy", "PRJ-101")] is None and month[("busy", "PRJ-102")] is not None
    line = {u.module_code: u for u in plan.unfit if u.org_id == "busy"}
    assert set(line) == {"PRJ-101"} and line["PRJ-101"].reason == "capacity"
    assert {b.facts["org"] for b in line["PRJ-101"].blocked} == {"busy"}
    assert "Ministry of Busy Days" in line["PRJ-101"].message
    assert not any(u.org_id != "busy" for u in plan.unfit)
    check_invariants(plan, rows, Targets(), constraints)


def test_those_too_few_without_the_busy_ministry_are_told_so_not_blamed_on_it() -> None:
    rows = everyone(1, PROJECTS) + org_rows("busy", PROJECTS, name="Ministry of Busy Days")
    constraints = Constraints("2027-01", capacity_overrides={
        "busy": OrgCapacity(days_per_month=4)})
    plan = generate_plan(rows, CATALOGUE, Targets(), constraints)
    line = {(u.org_id, u.module_code): u for u in plan.unfit}
    assert line[("org00", "PRJ-101")].reason == "below-minimum"
    assert "Busy" not in line[("org00", "PRJ-101")].message
    assert line[("busy", "PRJ-101")].reason == "capacity"
    assert ("org00", "PRJ-102") not in line  # it takes PRJ-102 with the busy ministry
