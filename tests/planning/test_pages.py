"""What the plan pages show, read straight from a ``PlanData`` (planning.pages)."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.stored import plan_from_dict
from govcap.planning.pages import CohortRow, NeedRow, edit_choices, overview
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, everyone

B = Level.BASIC


def plan_of_three():
    return generate_plan(everyone(3, {"change-management": B, "enterprise-architecture": B}),
                         CATALOGUE, Targets(), Constraints("2026-01", **ROOMY))


def test_the_overview_reads_the_plan_and_adds_titles_names_and_money() -> None:
    plan = plan_of_three()
    view = overview(plan, CATALOGUE)
    assert view.counts.organisations == 3 and view.counts.cohorts == len(plan.cohorts)
    assert all(isinstance(n, NeedRow) for n in view.needs)
    # by their module's priority, the documents' number (tests/reports/test_priority_numbers)
    assert [n.priority or 10**6 for n in view.needs] == sorted(n.priority or 10**6
                                                               for n in view.needs)
    row = next(c for c in view.cohorts if c.cohort.module_code == "CHG-101")
    assert isinstance(row, CohortRow)
    assert row.module_title == CATALOGUE.by_code["CHG-101"].title
    assert row.member_names == ("Ministry org00", "Ministry org01", "Ministry org02")
    assert row.cost == "USD\xa06,035.00"  # 9 × 3 days × USD 105 + USD 3,200
    assert view.total.startswith("USD") and view.org_total is None
    in_grid = [c for grid_row in view.grid for cell in grid_row.cells for c in cell]
    assert sorted(c.cohort.cohort_id for c in in_grid) == sorted(
        c.cohort.cohort_id for c in view.cohorts if c.cohort.month)
    assert [r.name for r in view.load.rows] == ["Ministry org00", "Ministry org01",
                                                "Ministry org02"]


def test_one_organisation_sees_its_lines_and_the_cohorts_it_attends() -> None:
    plan = plan_of_three()
    view = overview(plan, CATALOGUE, "org01")
    assert {n.need.org_id for n in view.needs} == {"org01"}
    assert {g.org_id for g in view.gaps} == {"org01"}
    assert all("org01" in c.cohort.org_ids for c in view.cohorts)
    assert [name for name, _ in view.by_org] == ["Ministry org01"]
    assert view.org_total is not None and [r.name for r in view.load.rows] == ["Ministry org01"]
    assert all("org01" in a.action.organisations for a in view.actions)
    assert view.counts.organisations == 3  # the summary counts the whole plan


def test_the_stored_plan_reads_back_the_same() -> None:
    plan = plan_of_three()
    assert overview(plan_from_dict(plan.to_dict()), CATALOGUE) == overview(plan, CATALOGUE)
    choices = edit_choices(plan, CATALOGUE)
    assert {value for value, _ in choices["cohort"]} == {c.cohort_id for c in plan.cohorts}
    assert [label for _, label in choices["organisation"]] == ["Ministry org00",
                                                              "Ministry org01",
                                                              "Ministry org02"]


def test_an_organisations_page_shows_its_own_share_of_each_domain_not_the_countrys():
    from govcap.planning.core.money import format_money

    data = plan_of_three()
    shared = next(c for c in data.cohorts if c.status == "scheduled" and len(c.members) > 1)
    org = shared.members[0].org_id
    view = overview(data, CATALOGUE, org)
    mine = sum(m.cost_cents for c in data.cohorts if c.status == "scheduled"
               for m in c.members if m.org_id == org)
    assert mine == data.budget.by_org[org] < data.budget.total_cents
    assert view.domain_total == view.org_total == format_money(mine, data.currency)


def test_each_need_says_why_in_the_readers_language() -> None:
    from django.utils import translation

    plan = plan_of_three()
    view = overview(plan, CATALOGUE)
    gap_need = next(n for n in view.needs if n.need.origin == "gap")
    assert any(r.startswith("Rated Basic on ") and ", target Moderate" in r
               for r in gap_need.reasons), gap_need.reasons
    assert not any(r in gap_need.reasons for r in gap_need.need.rationale)  # not the core's
    prerequisite = next((n for n in view.needs if n.need.origin == "prerequisite"), None)
    if prerequisite is not None:
        assert prerequisite.reasons[0].startswith("Needed before ")
    with translation.override("fr"):
        french = overview(plan, CATALOGUE).needs
    reasons = next(n for n in french if n.need.origin == "gap").reasons
    assert reasons and not any("Rated" in r or "target" in r for r in reasons), reasons


def test_the_action_table_says_an_intervention_is_not_a_course() -> None:
    from govcap.planning import wording
    from govcap.planning.core.edits import AddModule
    from govcap.planning.core.plan import ActionRow

    plan = generate_plan(everyone(1, {"change-management": B}), CATALOGUE, Targets(),
                         Constraints("2026-01", **ROOMY), [AddModule("c", "org00", "CHG-901")])
    row = next(a for a in plan.actions if a.module_code == "CHG-901")
    assert isinstance(row, ActionRow)
    words = wording.action_measure(row, plan, wording.Namer(CATALOGUE, plan))
    assert "coaching at the workplace" in words and "course of" not in words
