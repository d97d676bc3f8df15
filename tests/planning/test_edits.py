"""Edits stored as operations and replayed on regeneration; missing targets reported."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import (
    AddModule,
    Assessment,
    Constraints,
    DropModule,
    LockCohort,
    MoveCohort,
    MoveMember,
    Operation,
    PlanInputError,
    Targets,
    generate_plan,
    lock_cohort,
    operation_from_dict,
    operation_to_dict,
)
from govcap.planning.core.reasons import MESSAGES
from govcap.scale import Level

from .helpers import (
    CATALOGUE,
    PLANNING,
    ROOMY,
    check_invariants,
    engagements,
    everyone,
    org_rows,
)

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
START = Constraints("2026-01", **ROOMY)
CHANGE_BASIC = {"change-management": B}


def plan_with(rows: list[Assessment], *ops: Operation, targets: Targets | None = None,
              constraints: Constraints = START):
    return generate_plan(rows, CATALOGUE, targets or Targets(), constraints, ops)


def result(plan, op_id: str) -> tuple[str, str]:
    r = next(r for r in plan.operations if r.op_id == op_id)
    return r.status, r.message


def cohort(plan, cohort_id: str):
    return next(c for c in plan.cohorts if c.cohort_id == cohort_id)


def test_a_cohort_moves_to_another_month() -> None:
    plan = plan_with(everyone(3, CHANGE_BASIC), MoveCohort("op1", "CHG-102/en/01", "2026-05"))
    assert cohort(plan, "CHG-102/en/01").month == "2026-05"
    assert cohort(plan, "CHG-102/en/01").pinned
    assert result(plan, "op1")[0] == "applied"
    assert all(n.month == "2026-05" for n in plan.needs if n.module_code == "CHG-102")


@pytest.mark.parametrize(("op", "status", "words"), [
    (MoveCohort("op1", "CHG-102/en/07", "2026-05"), "missing",
     "the plan no longer has this course of CHG-102: its organisations were grouped again, "
     "or too few still take it"),
    (MoveCohort("op1", "CHG-102/en/01", "2027-05"), "conflict",
     "2027-05 is after the plan's last month, 2026-12"),
    (MoveCohort("op1", "CHG-102/en/01", "2026-08"), "conflict",
     "2026-08 is closed to training in the plan's settings"),
    (MoveCohort("op1", "CHG-102/en/01", "May"), "conflict", "May is not a month"),
])
def test_a_move_that_cannot_hold_is_reported(op: MoveCohort, status: str, words: str) -> None:
    constraints = Constraints("2026-01", blackout_months=frozenset({"2026-08"}), **ROOMY)
    plan = plan_with(everyone(3, CHANGE_BASIC), op, constraints=constraints)
    assert result(plan, "op1")[0] == status and words in result(plan, "op1")[1]
    assert cohort(plan, "CHG-102/en/01").month == "2026-02"  # after CHG-101, as unmoved


def test_a_move_before_a_prerequisite_is_refused_and_the_rule_kept() -> None:
    targets = Targets(strategic_sections=frozenset({"change-management"}))
    rows = everyone(3, CHANGE_BASIC)
    plan = plan_with(rows, MoveCohort("op1", "CHG-201/en/01", "2026-01"), targets=targets)
    status, message = result(plan, "op1")
    assert status == "conflict" and message.startswith(
        "CHG-201 would not come after its prerequisite CHG-102 (2026-02)")
    assert cohort(plan, "CHG-201/en/01").month > cohort(plan, "CHG-101/en/01").month
    check_invariants(plan, rows, targets, START, edited=True)


def test_a_move_into_a_full_month_is_refused() -> None:
    constraints = Constraints("2026-01", max_parallel=2, max_parallel_per_domain=None,
                              **ROOMY)
    rows = everyone(3, {"change-management": B, "enterprise-architecture": B})
    plan = plan_with(rows, MoveCohort("op1", "EA-101/en/01", "2026-01"),
                     MoveCohort("op2", "EA-102/en/01", "2026-01"),
                     MoveCohort("op3", "CHG-101/en/01", "2026-01"), constraints=constraints)
    assert [result(plan, op)[0] for op in ("op1", "op2", "op3")] == [
        "applied", "applied", "conflict"]
    assert result(plan, "op3")[1].startswith(
        "2026-01 already has 2 courses, the most the plan runs at once")


def test_dropping_a_module_keeps_it_visible_as_dropped() -> None:
    rows = everyone(4, CHANGE_BASIC)
    plan = plan_with(rows, DropModule("op1", "org00", "CHG-102"),
                     DropModule("op2", "org00", "EA-101"))
    need = next(n for n in plan.needs if (n.org_id, n.module_code) == ("org00", "CHG-102"))
    assert (need.status, need.op_id, need.cohort_id) == ("dropped", "op1", None)
    assert "org00" not in cohort(plan, "CHG-102/en/01").org_ids
    assert result(plan, "op1")[0] == "applied"
    assert result(plan, "op2") == ("missing", "org00 no longer needs EA-101")
    assert next(i for i in plan.indicators if i.org_id == "org00").modules == ("CHG-101",)


def test_dropping_a_prerequisite_keeps_it_out() -> None:
    targets = Targets(overrides={f"org{i:02d}": {"distributed-leadership": B,
                                                 "project-execution": H} for i in range(3)},
                      sustain_high=False)
    rows = everyone(3, {"distributed-leadership": B, "project-execution": M})
    plan = plan_with(rows, DropModule("op1", "org00", "AGL-101"), targets=targets)
    assert result(plan, "op1")[0] == "applied"
    codes = {n.module_code for n in plan.needs if n.org_id == "org00"}
    assert codes == {"PRJ-201", "PRJ-202"}


def test_adding_a_module_plans_it_with_its_prerequisites() -> None:
    rows = everyone(3, CHANGE_BASIC)
    plan = plan_with(rows, *(AddModule(f"add{i}", f"org{i:02d}", "EA-201") for i in range(3)),
                     AddModule("again", "org00", "EA-201"),
                     AddModule("nobody", "org99", "EA-201"),
                     AddModule("nothing", "org00", "EA-999"))
    added = next(n for n in plan.needs if (n.org_id, n.module_code) == ("org00", "EA-201"))
    assert (added.origin, added.op_id, added.status) == ("added", "add0", "scheduled")
    assert added.rationale == ("Added for Ministry org00 by the coordinator (operation add0).",)
    # Moderate on EA shows what EA-101/EA-102 teach: no prerequisite pulled in.
    assert not any(n.module_code in ("EA-101", "EA-102") for n in plan.needs)
    assert result(plan, "again")[0] == "noop"
    assert result(plan, "nobody")[0] == "missing" and result(plan, "nothing")[0] == "missing"


def test_members_move_between_cohorts_within_size_limits() -> None:
    rows = everyone(10, CHANGE_BASIC)  # 30 participants → two cohorts of 15
    base = plan_with(rows)
    first, second = (c for c in base.cohorts if c.module_code == "CHG-101")
    mover = first.org_ids[0]
    plan = plan_with(rows, MoveMember("op1", mover, "CHG-101", second.cohort_id),
                     MoveMember("op2", "org99", "CHG-101", second.cohort_id),
                     MoveMember("op3", mover, "CHG-101", "CHG-101/en/09"))
    assert mover in cohort(plan, second.cohort_id).org_ids
    assert cohort(plan, second.cohort_id).participants == 18
    assert [result(plan, op)[0] for op in ("op1", "op2", "op3")] == [
        "applied", "missing", "missing"]
    crowded = [MoveMember(f"m{i}", org, "CHG-101", second.cohort_id)
               for i, org in enumerate(first.org_ids)]
    plan = plan_with(rows, *crowded)
    statuses = [result(plan, op.op_id)[0] for op in crowded]
    # 15 + 15 → 18 + 12 → 21 + 9; a third move would leave 6 (< 8), a fourth 27 (> 24)
    assert statuses == ["applied", "applied", "conflict", "conflict", "conflict"]
    assert result(plan, "m2")[1] == (f"{first.cohort_id} would be left with 6 participants, "
                                     "its minimum is 8")
    assert all(8 <= c.participants <= 24 for c in plan.cohorts if c.module_code == "CHG-101")


def test_a_locked_cohort_survives_a_regeneration() -> None:
    rows = everyone(10, CHANGE_BASIC)
    moved = plan_with(rows, MoveCohort("op1", "CHG-101/en/02", "2026-04"))
    lock = lock_cohort(moved, "CHG-101/en/02", "lock1")
    assert lock.month == "2026-04" and len(lock.members) == 5
    # One member improves; the cohort is rebuilt from the others, in the same month.
    improved = lock.members[0]
    rows2 = [r for r in rows if r.org_id != improved] + org_rows(improved, {})
    plan = plan_with(rows2, lock)
    kept = cohort(plan, "CHG-101/en/02")
    assert kept.locked and kept.month == "2026-04"
    assert kept.org_ids == lock.members[1:]
    status, message = result(plan, "lock1")
    assert status == "applied" and f"{improved} no longer need it" in message


def test_a_lock_whose_members_are_all_gone_is_reported() -> None:
    lock = LockCohort("lock1", "CHG-101/en/01", "CHG-101", "en", ("org00", "org01"), None)
    plan = plan_with(everyone(3, {}), lock)
    assert result(plan, "lock1")[0] == "missing"


def test_operations_round_trip_through_plain_dicts() -> None:
    ops: list[Operation] = [
        MoveCohort("a", "CHG-101/en/01", "2026-03"), DropModule("b", "org00", "CHG-102"),
        AddModule("c", "org00", "EA-101"), MoveMember("d", "org00", "CHG-101", "CHG-101/en/02"),
        LockCohort("e", "CHG-101/en/01", "CHG-101", "en", ("org00", "org01"), "2026-02"),
    ]
    assert [operation_from_dict(operation_to_dict(op)) for op in ops] == ops
    assert operation_to_dict(ops[0]) == {"kind": "move-cohort", "op_id": "a",
                                         "cohort_id": "CHG-101/en/01", "month": "2026-03"}
    with pytest.raises(PlanInputError, match="unknown kind"):
        operation_from_dict({"kind": "teleport", "op_id": "x"})
    with pytest.raises(PlanInputError, match="month missing"):
        operation_from_dict({"kind": "move-cohort", "op_id": "x", "cohort_id": "c"})
    with pytest.raises(PlanInputError, match="unique"):
        plan_with(everyone(1, {}), ops[1], ops[1])


@st.composite
def edited_engagements(draw: st.DrawFn):
    rows, targets, constraints = draw(engagements())
    base = generate_plan(rows, CATALOGUE, targets, constraints)
    orgs = sorted({r.org_id for r in rows}) + ["ghost"]
    codes = sorted(CATALOGUE.by_code)
    cohorts = [c.cohort_id for c in base.cohorts] + ["XX-000/en/01"]
    months = list(constraints.months) + ["2030-01"]
    op = st.one_of(
        st.builds(MoveCohort, st.just(""), st.sampled_from(cohorts), st.sampled_from(months)),
        st.builds(DropModule, st.just(""), st.sampled_from(orgs), st.sampled_from(codes)),
        st.builds(AddModule, st.just(""), st.sampled_from(orgs), st.sampled_from(codes)),
        st.builds(MoveMember, st.just(""), st.sampled_from(orgs), st.sampled_from(codes),
                  st.sampled_from(cohorts)),
    )
    ops: list[Operation] = list(draw(st.lists(op, max_size=6)))
    add_lock: bool = draw(st.booleans())
    if base.cohorts and add_lock:
        chosen = draw(st.sampled_from([c.cohort_id for c in base.cohorts]))
        ops.append(lock_cohort(base, chosen, ""))
    ops = [type(o)(f"op{i}", *[getattr(o, f) for f in o.__dataclass_fields__][1:])
           for i, o in enumerate(ops)]
    return rows, targets, constraints, ops


@PLANNING
@given(edited_engagements())
def test_any_replayed_edits_keep_the_rules_and_are_all_reported(case) -> None:
    rows, targets, constraints, ops = case
    plan = generate_plan(rows, CATALOGUE, targets, constraints, ops)
    assert [r.op_id for r in plan.operations] == [op.op_id for op in ops]
    assert {r.status for r in plan.operations} <= {"applied", "noop", "missing", "conflict"}
    # whatever did not apply says why: a rule with words, never a bare status
    assert all(r.rule in MESSAGES and r.message for r in plan.operations
               if r.status != "applied")
    check_invariants(plan, rows, targets, constraints, edited=True)
    again = generate_plan(list(reversed(rows)), CATALOGUE, targets, constraints, ops)
    assert again.to_json() == plan.to_json()


def test_dropping_one_organisations_course_names_who_it_leaves_without_a_cohort() -> None:
    from govcap.planning.core.diff import left_without_cohort

    rows = everyone(2, CHANGE_BASIC)
    before = plan_with(rows)
    shared = next(c for c in before.cohorts
                  if c.module_code == "CHG-101" and c.status == "scheduled")
    assert set(shared.org_ids) == {"org00", "org01"}
    after = plan_with(rows, DropModule("op1", "org00", "CHG-101"))
    assert [(x.cohort_id, x.module_code, x.org_names) for x in
            left_without_cohort(before, after)] == [
        (shared.cohort_id, "CHG-101", tuple(sorted(
            n.org_name for n in before.organisations)))]
    assert left_without_cohort(before, before) == []


def test_an_intervention_added_for_a_gap_scores_as_that_gap_not_above_it() -> None:
    # POL-904 serves two sections; the organisation has a gap on one, and is at target on
    # the other (strategic): planned instead of a course, it must not outrank that course
    rows = org_rows("org00", {"policy-influence": B, "digital-strategic-plan": H})
    strategic = Targets(strategic_sections=frozenset({"digital-strategic-plan"}))
    plain = plan_with(rows, targets=strategic)
    course = next(n for n in plain.needs if "policy-influence" in n.sections)
    added = plan_with(rows, AddModule("elearn", "org00", "POL-904"), targets=strategic)
    elearning = next(n for n in added.needs if n.module_code == "POL-904")
    assert elearning.origin == "added" and elearning.score == course.score
