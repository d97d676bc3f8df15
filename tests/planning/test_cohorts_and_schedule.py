"""Cohorts within size limits and by language; months within capacity and the horizon."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.cohorts import pack
from govcap.scale import Level

from .helpers import CATALOGUE, PLANNING, ROOMY, check_budget, everyone, org_rows

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
CHANGE_BASIC = {"change-management": B}


@PLANNING
@given(st.lists(st.integers(1, 8), max_size=200), st.integers(8, 40))
def test_packing_keeps_order_and_capacity_with_the_fewest_even_groups(
        sizes: list[int], capacity: int) -> None:
    groups = pack(sizes, capacity)
    assert [i for g in groups for i in g] == list(range(len(sizes)))
    loads = [sum(sizes[i] for i in g) for g in groups]
    assert all(0 < load <= capacity for load in loads)
    if sizes and len(set(sizes)) == 1:
        assert len(groups) == -(-sum(sizes) // (capacity // sizes[0] * sizes[0]))
        assert max(loads) - min(loads) <= sizes[0]


def test_organisations_are_grouped_by_module_and_language() -> None:
    rows = (everyone(9, CHANGE_BASIC, prefix="en")
            + everyone(4, CHANGE_BASIC, prefix="fr", language="fr"))
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2026-01"))
    chg = [c for c in plan.cohorts if c.module_code == "CHG-101"]
    assert sorted(c.cohort_id for c in chg) == ["CHG-101/en/01", "CHG-101/en/02",
                                                "CHG-101/fr/01"]
    assert sorted(c.participants for c in chg) == [12, 12, 15]  # 9 × 3 split evenly
    assert all(m.org_id.startswith(c.language) for c in chg for m in c.members)


def test_a_small_group_sends_more_people_to_reach_the_minimum() -> None:
    rows = everyone(2, CHANGE_BASIC)  # 2 × 3 = 6 participants; CHG-101 needs 8
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2026-01"))
    cohort = next(c for c in plan.cohorts if c.module_code == "CHG-101")
    assert cohort.participants == 8 and cohort.topped_up
    assert [m.participants for m in cohort.members] == [4, 4]
    need = next(n for n in plan.needs if n.module_code == "CHG-101" and n.org_id == "org00")
    assert need.participants == 4
    assert need.rationale[-1] == ("Ministry org00 sends 4 participants instead of 3 so the "
                                  "cohort reaches the minimum of 8.")
    check_budget(plan, Constraints("2026-01"))  # extra people are paid for


def test_a_group_too_small_for_the_module_is_reported_not_dropped() -> None:
    rows = everyone(2, CHANGE_BASIC)
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints(
        "2026-01", max_participants_per_org=3))
    lines = [u for u in plan.unfit if u.module_code == "CHG-101"]
    assert [u.reason for u in lines] == ["below-minimum", "below-minimum"]
    assert "needs at least 8" in lines[0].message
    assert not any(c.module_code == "CHG-101" for c in plan.cohorts)
    alone = generate_plan(everyone(1, CHANGE_BASIC), CATALOGUE, Targets(),
                          Constraints("2026-01"))  # 6 at most from one organisation
    assert {u.reason for u in alone.unfit} == {"below-minimum"}


def test_an_organisation_sending_more_than_a_cohort_holds_is_reported() -> None:
    rows = everyone(3, CHANGE_BASIC)
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints(
        "2026-01", participants_overrides={"org00": 40}))
    reasons = {(u.org_id, u.module_code): u.reason for u in plan.unfit}
    assert reasons[("org00", "CHG-101")] == "over-maximum"


def test_a_short_horizon_lists_what_did_not_fit() -> None:
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}))
    rows = everyone(3, {"enterprise-architecture": B})
    plan = generate_plan(rows, CATALOGUE, targets, Constraints("2026-01", horizon_months=4,
                                                                    **ROOMY))
    months = {n.module_code: n.month for n in plan.needs if n.org_id == "org00"}
    # each step's courses in their order: EA-101, EA-102, EA-201, EA-202
    assert [months[c] for c in ("EA-101", "EA-102", "EA-201", "EA-202")] == [
        "2026-01", "2026-02", "2026-03", "2026-04"]
    reasons = Counter(u.reason for u in plan.unfit)
    assert reasons == {"horizon": 6}  # EA-301 and EA-302 for three organisations
    assert {u.module_code for u in plan.unfit} == {"EA-301", "EA-302"}
    assert all("too late" in u.message for u in plan.unfit)


def test_capacity_overall_and_per_domain_is_never_exceeded() -> None:
    rows = everyone(6, {s: B for s in ("change-management", "enterprise-architecture",
                                       "processes-services", "project-execution")})
    constraints = Constraints("2026-01", horizon_months=2, max_parallel=3,
                              max_parallel_per_domain={"change-management": 1}, **ROOMY)
    plan = generate_plan(rows, CATALOGUE, Targets(), constraints)
    per_month = Counter(c.month for c in plan.cohorts if c.month)
    assert max(per_month.values()) == 3
    per_change = Counter(c.month for c in plan.cohorts
                         if c.month and c.domain == "change-management")
    assert max(per_change.values()) == 1
    assert any(u.reason == "capacity" for u in plan.unfit)


def test_blackout_months_stay_empty() -> None:
    rows = everyone(3, CHANGE_BASIC)
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints(
        "2026-01", blackout_months=frozenset({"2026-01", "2026-02"}), **ROOMY))
    assert {c.month for c in plan.cohorts} == {"2026-03", "2026-04"}  # CHG-101, CHG-102


def test_the_most_urgent_cohorts_go_first() -> None:
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}),
                      sustain_high=False)
    rows = everyone(3, {"enterprise-architecture": M, "change-management": B})
    plan = generate_plan(rows, CATALOGUE, targets, Constraints(
        "2026-01", max_parallel=1, max_parallel_per_domain=None))
    order = [c.module_code for c in sorted(plan.cohorts, key=lambda c: c.month or "")]
    assert order[:2] == ["EA-201", "EA-202"]


def test_a_single_organisation_plan_can_still_run_small_modules() -> None:
    rows = org_rows("a", {"change-management": B})
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints(
        "2026-01", participants_per_org=8))
    assert {c.module_code for c in plan.cohorts} == {"CHG-101", "CHG-102"}
