"""Budget arithmetic, cost overrides, indicators, Kirkpatrick evaluations, action table."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Constraints, CostOverride, Targets, generate_plan
from govcap.planning.core.budget import split_fixed
from govcap.planning.core.plan import CohortMember
from govcap.scale import Level

from .helpers import CATALOGUE, PLANNING, ROOMY, check_budget, everyone

B = Level.BASIC
CHANGE_BASIC = {"change-management": B}


def test_a_cohort_costs_participant_days_plus_its_fixed_cost() -> None:
    plan = generate_plan(everyone(3, CHANGE_BASIC), CATALOGUE, Targets(),
                         Constraints("2026-01"))
    cohort = next(c for c in plan.cohorts if c.module_code == "CHG-101")
    # 9 participants × 3 days × USD 105 + USD 3,200
    assert cohort.cost_cents == (9 * 3 * 105 + 3200) * 100
    assert [m.cost_cents for m in cohort.members] == [3 * 3 * 10500 + 106667,
                                                      3 * 3 * 10500 + 106667,
                                                      3 * 3 * 10500 + 106666]
    assert plan.budget.currency == "USD"
    check_budget(plan, Constraints("2026-01"))


def test_engagement_costs_override_the_catalogue() -> None:
    constraints = Constraints("2026-01", currency="KES", exchange_rate=Decimal("129.5"),
                              cost_overrides={"CHG-101": CostOverride(
                                  per_participant_day=Decimal("9000"))})
    plan = generate_plan(everyone(3, CHANGE_BASIC), CATALOGUE, Targets(), constraints)
    chg101 = next(c for c in plan.cohorts if c.module_code == "CHG-101")
    assert chg101.cost_cents == (9 * 3 * 9000 + 3200 * Decimal("129.5")) * 100
    chg102 = next(c for c in plan.cohorts if c.module_code == "CHG-102")
    assert chg102.cost_cents == int((9 * 2 * 60 + 2200) * Decimal("129.5") * 100)
    assert plan.budget.currency == "KES"
    assert plan.settings["constraints"]["exchange_rate"] == "129.5"
    check_budget(plan, constraints)


@PLANNING
@given(st.integers(0, 10**7), st.lists(st.integers(1, 30), min_size=1, max_size=12))
def test_fixed_cost_shares_add_up_exactly(fixed: int, sizes: list[int]) -> None:
    members = tuple(CohortMember(f"o{i}", n) for i, n in enumerate(sizes))
    shares = split_fixed(fixed, members)
    assert sum(shares) == fixed
    total = sum(sizes)
    assert all(abs(s - fixed * n / total) < 1 for s, n in zip(shares, sizes, strict=True))


def test_unfit_needs_carry_an_estimate_of_their_cost() -> None:
    plan = generate_plan(everyone(2, CHANGE_BASIC), CATALOGUE, Targets(), Constraints(
        "2026-01", max_participants_per_org=3))  # below the minimum cohort
    assert plan.budget.total_cents == 0
    assert plan.budget.unscheduled_estimate_cents == 2 * 3 * (3 * 10500 + 2 * 6000)


def test_each_gap_has_an_indicator_and_a_reassessment_month() -> None:
    plan = generate_plan(everyone(3, CHANGE_BASIC), CATALOGUE, Targets(),
                         Constraints("2026-03", reassess_after_months=6, **ROOMY))
    indicator = plan.indicators[0]
    assert indicator.section_key == "change-management" and indicator.status == "on-plan"
    assert indicator.modules == ("CHG-101", "CHG-102")
    assert indicator.last_training_month == "2026-04"  # CHG-102, after CHG-101 in March
    assert indicator.reassess_month == "2026-10"
    assert indicator.indicator.startswith("Consensus level on 4 — Change Management at "
                                          "reassessment: Moderate or higher (baseline Basic)")


def test_each_module_is_evaluated_at_the_four_kirkpatrick_levels() -> None:
    plan = generate_plan(everyone(3, CHANGE_BASIC), CATALOGUE, Targets(),
                         Constraints("2026-03", **ROOMY))
    evaluation = next(e for e in plan.evaluations if e.module_code == "CHG-101")
    levels = {lv.level: lv for lv in evaluation.levels}
    assert list(levels) == ["reaction", "learning", "behaviour", "results"]
    assert levels["learning"].measures == CATALOGUE.module("CHG-101").objectives
    assert (levels["behaviour"].from_month, levels["behaviour"].to_month) == ("2026-06",
                                                                            "2026-09")
    assert levels["results"].from_month == "2026-10"  # the section's reassessment: its
    # last course, CHG-102, comes in April, after CHG-101


def test_the_action_table_has_the_columns_programmes_use() -> None:
    constraints = Constraints("2026-01", funding_source="EU (IDGC)")
    plan = generate_plan(everyone(3, CHANGE_BASIC), CATALOGUE, Targets(), constraints)
    row = next(r for r in plan.actions if r.module_code == "CHG-101")
    assert row.measure.startswith("Foundations of change management in government (CHG-101)")
    assert row.responsibility and row.funding_source == "EU (IDGC)"
    assert (row.timeline_from, row.timeline_to) == ("2026-01", "2026-01")
    assert row.total_funding_cents == plan.budget.by_module["CHG-101"]
    assert row.technical_assistance == CATALOGUE.module("CHG-101").follow_up
