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
