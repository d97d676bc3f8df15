"""What changed between two plan datas."""

from __future__ import annotations

import json

from govcap.planning import Constraints, DropModule, MoveCohort, Targets, diff_plans, generate_plan
from govcap.scale import Level

from .helpers import CATALOGUE, everyone, org_rows

B, M = Level.BASIC, Level.MODERATE
START = Constraints("2026-01")


def test_the_same_inputs_give_an_empty_diff() -> None:
    rows = everyone(4, {"change-management": B})
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    again = generate_plan(rows, CATALOGUE, Targets(), START)
    assert diff_plans(plan, again).is_empty
    assert diff_plans(json.loads(plan.to_json()), again).is_empty  # stored form


def test_a_reassessment_shows_closed_gaps_and_regrouped_cohorts() -> None:
    rows = everyone(4, {"change-management": B})
    before = generate_plan(rows, CATALOGUE, Targets(), START)
    rows2 = [r for r in rows if r.org_id != "org03"] + org_rows(
        "org03", {"change-management": M, "enterprise-architecture": B})
    after = generate_plan(rows2, CATALOGUE, Targets(), START)
    diff = diff_plans(before, after)
    assert diff.gaps_closed == ("org03 change-management",)
    assert diff.gaps_added == ("org03 enterprise-architecture",)
    assert "org03 CHG-101" in diff.needs_removed and "org03 EA-101" in diff.needs_added
    assert [c.key for c in diff.cohorts_regrouped] == ["CHG-101/en/01", "CHG-102/en/01"]
    assert diff.total_before_cents != diff.total_after_cents
    assert not diff.is_empty
    assert diff.to_dict()["gaps_closed"] == ["org03 change-management"]


def test_edits_show_as_moved_cohorts_changed_needs_and_new_operations() -> None:
    rows = everyone(4, {"change-management": B})
    before = generate_plan(rows, CATALOGUE, Targets(), START)
    after = generate_plan(rows, CATALOGUE, Targets(), START,
                          [MoveCohort("op1", "CHG-102/en/01", "2026-06"),
                           DropModule("op2", "org00", "CHG-101")])
    diff = diff_plans(before, after)
    moved = {c.key: c for c in diff.cohorts_moved}
    assert moved["CHG-102/en/01"].after["month"] == "2026-06"
    changed = {c.key: c for c in diff.needs_changed}
    assert changed["org00 CHG-101"].after["status"] == "dropped"
    assert [c.key for c in diff.operations_changed] == ["op1", "op2"]


def _said(before, after) -> list[str]:
    from govcap.planning.wording import Namer, diff_lines

    names = Namer(CATALOGUE, after, before)
    return diff_lines(diff_plans(before, after).to_dict(), after.currency, names, before, after)


def test_each_change_is_said_as_what_happened_to_the_need() -> None:
    from govcap.planning import AddModule
    from govcap.planning.core import diff as plan_diff

    rows = everyone(4, {"change-management": B})
    before = generate_plan(rows, CATALOGUE, Targets(), START)
    # org00 leaves CHG-101 out; org01 gets EA-101, a course nobody else needs (not placed)
    after = generate_plan(rows, CATALOGUE, Targets(), START,
                          [DropModule("op1", "org00", "CHG-101"),
                           AddModule("op2", "org01", "EA-101")])
    kinds = {(c.org_id, c.module_code): c.kind
             for c in plan_diff.need_changes(before, after)}
    assert kinds[("org00", "CHG-101")] == plan_diff.LEFT_OUT
    assert kinds[("org01", "EA-101")] == plan_diff.ADDED_UNPLACED
    said = "\n".join(_said(before, after))
    assert "Left out of the plan by an edit: Ministry org00 — " in said, said
    assert "Added to the plan, but not placed in a course: Ministry org01 — " in said, said
    assert "Now placed" not in said and "any more" not in said and "from —" not in said
    # withdrawn: the need left out is back in a course, the added one gone
    again = _said(after, before)
    assert any(line.startswith("Now placed in a course: Ministry org00 — ") for line in again)
    assert any(line.startswith("Removed from the plan (no longer needed): Ministry org01")
               for line in again), again


def test_a_move_says_the_month_it_left_and_the_month_it_is_in() -> None:
    rows = everyone(4, {"change-management": B})
    before = generate_plan(rows, CATALOGUE, Targets(), START)
    after = generate_plan(rows, CATALOGUE, Targets(), START,
                          [MoveCohort("op1", "CHG-102/en/01", "2026-06")])
    was = next(c.month for c in before.cohorts if c.cohort_id == "CHG-102/en/01")
    line = next(x for x in _said(before, after) if "(CHG-102)" in x)
    assert line.startswith("Moved Communicating") and " to June 2026" in line, line
    assert f"from {wording_month(was)} to June 2026" in line


def wording_month(month: str) -> str:
    from govcap.planning.wording import month_label

    return month_label(month)
