"""An edit that names a course keeps hitting the course the coordinator chose, whatever the
course's number becomes: another edit adds organisations to the module, or new data
regroups and renumbers the cohorts. When none of the course's organisations still takes
the module in a course, the edit says it no longer finds its course."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from govcap.planning import AddModule, Constraints, Targets, generate_plan, lock_cohort
from govcap.planning.core.edits import (
    MoveCohort,
    move_cohort,
    move_member,
    operation_from_dict,
    operation_to_dict,
)
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, check_invariants, everyone

B = Level.BASIC
START = Constraints("2026-01", **ROOMY)
CHANGE_BASIC = {"change-management": B}


def plan_with(rows, *ops):
    return generate_plan(rows, CATALOGUE, Targets(), START, ops)


def courses(plan, code: str = "CHG-101") -> dict[str, tuple[str, ...]]:
    return {c.cohort_id: c.org_ids for c in plan.cohorts if c.module_code == code}


def holding(plan, orgs: tuple[str, ...], code: str = "CHG-101"):
    """The course of ``code`` that holds all of ``orgs``."""
    return next(c for c in plan.cohorts if c.module_code == code and set(orgs) <= set(c.org_ids))


def result(plan, op_id: str):
    return next(r for r in plan.operations if r.op_id == op_id)


def test_a_move_keeps_its_course_when_added_courses_renumber_the_cohorts() -> None:
    rows = everyone(6, CHANGE_BASIC) + everyone(6, {}, prefix="new")
    base = plan_with(rows)
    assert courses(base) == {"CHG-101/en/01": tuple(f"org{i:02d}" for i in range(6))}
    chosen = base.cohorts[0].org_ids
    move = move_cohort(base, "CHG-101/en/01", "2026-05", "move")
    assert move.members == chosen
    adds = [AddModule(f"add{i}", f"new{i:02d}", "CHG-101") for i in range(6)]
    # the move made first, then the courses added; and the other way round
    for ops in ([move, *adds], [*adds, move]):
        plan = plan_with(rows, *ops)
        # the added organisations come first: the chosen course is now number 2 …
        assert courses(plan)["CHG-101/en/01"] == tuple(f"new{i:02d}" for i in range(6))
        # … and it is the one in May; the added organisations' course is not
        assert holding(plan, chosen).cohort_id == "CHG-101/en/02"
        assert holding(plan, chosen).month == "2026-05" and holding(plan, chosen).pinned
        assert cohort_month(plan, "CHG-101/en/01") != "2026-05"
        assert result(plan, "move").status == "applied"
        check_invariants(plan, rows, Targets(), START, edited=True)


def cohort_month(plan, cohort_id: str) -> str | None:
    return next(c.month for c in plan.cohorts if c.cohort_id == cohort_id)


def test_a_move_keeps_its_course_when_new_gaps_regroup_the_cohorts() -> None:
    rows = everyone(10, CHANGE_BASIC)
    base = plan_with(rows)
    chosen = courses(base)["CHG-101/en/02"]
    assert chosen == tuple(f"org{i:02d}" for i in range(5, 10))
    move = move_cohort(base, "CHG-101/en/02", "2026-06", "move")
    # seven more organisations with the same gap, ranked before them (by id): three
    # courses now, and number 2 holds none of the chosen organisations
    later = rows + everyone(7, CHANGE_BASIC, prefix="aaa")
    plan = plan_with(later, move)
    assert not set(chosen) & set(courses(plan)["CHG-101/en/02"])
    moved = [c for c in plan.cohorts if c.module_code == "CHG-101" and c.month == "2026-06"]
    assert [c.cohort_id for c in moved] == ["CHG-101/en/03"]
    assert set(moved[0].org_ids) >= set(chosen[1:])  # most of the course chosen
    assert result(plan, "move").status == "applied"
    # a move stored by number alone (before courses were named by their organisations)
    # hits what is number 2 now: what the recorded organisations prevent
    legacy = plan_with(later, MoveCohort("move", "CHG-101/en/02", "2026-06"))
    assert cohort_month(legacy, "CHG-101/en/02") == "2026-06"


def test_a_move_whose_organisations_no_longer_take_the_course_no_longer_finds_it() -> None:
    rows = everyone(10, CHANGE_BASIC)
    base = plan_with(rows)
    move = move_cohort(base, "CHG-101/en/02", "2026-06", "move")
    # the five organisations of course 2 reach the target; five others take their place
    later = everyone(5, CHANGE_BASIC) + everyone(5, {}, prefix="zzz") + everyone(
        5, CHANGE_BASIC, prefix="aaa")
    plan = plan_with(later, move)
    assert "CHG-101/en/02" in courses(plan)  # a course 2 there is, but not theirs
    found = result(plan, "move")
    assert (found.status, found.rule) == ("missing", "cohort-gone")
    assert all(c.month != "2026-06" for c in plan.cohorts)


def test_an_organisation_moved_into_a_course_follows_that_course() -> None:
    rows = everyone(10, CHANGE_BASIC)
    base = plan_with(rows)
    target = courses(base)["CHG-101/en/02"]
    op = move_member(base, "org00", "CHG-101", "CHG-101/en/02", "mm")
    assert op.to_members == target
    later = rows + everyone(7, CHANGE_BASIC, prefix="aaa")
    plan = plan_with(later, op)
    assert result(plan, "mm").status == "applied"
    assert set(target) | {"org00"} <= set(holding(plan, ("org00",)).org_ids)


def test_the_organisations_recorded_round_trip_and_old_records_read_as_stored() -> None:
    base = plan_with(everyone(10, CHANGE_BASIC))
    for op in (move_cohort(base, "CHG-101/en/02", "2026-06", "a"),
               move_member(base, "org00", "CHG-101", "CHG-101/en/02", "b")):
        assert operation_from_dict(operation_to_dict(op)) == op
    old = {"kind": "move-cohort", "op_id": "a", "cohort_id": "CHG-101/en/02",
           "month": "2026-06"}
    assert operation_to_dict(operation_from_dict(old)) == old


@pytest.mark.django_db
def test_the_migration_names_stored_moves_by_the_organisations_of_their_course(
        world) -> None:
    from govcap.planning.catalogues import ensure_default_catalogue
    from govcap.planning.models import Plan, PlanEdit

    catalogue = ensure_default_catalogue()
    data = plan_with(everyone(10, CHANGE_BASIC))
    Plan.objects.create(engagement=world.engagement, version=1, catalogue=catalogue,
                        data_json=data.to_json(), checksum="x", inputs_checksum="y")
    stored = [("m1", "move-cohort", {"cohort_id": "CHG-101/en/02", "month": "2026-06"}),
              ("m2", "move-member", {"org_id": "org00", "module_code": "CHG-101",
                                     "to_cohort_id": "CHG-101/en/02"}),
              ("m3", "move-cohort", {"cohort_id": "CHG-101/en/07", "month": "2026-06"})]
    for seq, (op_id, kind, fields) in enumerate(stored, 1):
        PlanEdit.objects.create(engagement=world.engagement, seq=seq, op_id=op_id, kind=kind,
                                operation={"kind": kind, "op_id": op_id, **fields},
                                last_plan_version=1)
    migration = importlib.import_module(
        "govcap.planning.migrations.0007_edits_name_cohorts_by_members")
    migration.record_members(apps, None)
    second = [f"org{i:02d}" for i in range(5, 10)]
    operations = {e.op_id: e.operation for e in PlanEdit.objects.all()}
    assert operations["m1"]["members"] == second
    assert operations["m2"]["to_members"] == second
    assert "members" not in operations["m3"]  # a course in no version: by number, as before
    assert operation_from_dict(operations["m1"]).members == tuple(second)
    migration.forget_members(apps, None)
    assert "members" not in PlanEdit.objects.get(op_id="m1").operation


def test_the_edits_list_names_the_course_the_edit_finds_not_its_old_number_and_whose() -> None:
    from govcap.planning import wording

    rows = everyone(10, CHANGE_BASIC)
    base = plan_with(rows)
    move = move_cohort(base, "CHG-101/en/02", "2026-06", "move")
    into = move_member(base, "org00", "CHG-101", "CHG-101/en/02", "into")
    title = f"{CATALOGUE.by_code['CHG-101'].title} (CHG-101)"
    # regrouped: the chosen course is number 3, in June; number 2 is another course
    plan = plan_with(rows + everyone(7, CHANGE_BASIC, prefix="aaa"), move, into)
    names = wording.Namer(CATALOGUE, plan)
    month = wording.month_label(cohort_month(plan, "CHG-101/en/03"))
    assert cohort_month(plan, "CHG-101/en/02") != cohort_month(plan, "CHG-101/en/03")
    # three courses of the module: the one named is said with its organisations
    theirs = ", ".join(f"Ministry org{i:02d}" for i in range(5, 10))
    assert wording.edit_sentence("move-member", operation_to_dict(into), names) == (
        f"Move Ministry org00 to the course {title} for {theirs}, {month}")
    was = wording.month_label(cohort_month(base, "CHG-101/en/02"))  # when the move was made
    assert wording.edit_sentence("move-cohort", operation_to_dict(move), names) == (
        f"Move {title} for {theirs}, {was} to {wording.month_label('2026-06')}")
    keep = lock_cohort(base, "CHG-101/en/01", "keep")
    first = ", ".join(f"Ministry org{i:02d}" for i in range(5))
    assert wording.edit_sentence("lock-cohort", operation_to_dict(keep), names) == (
        f"Keep {title} for {first} as it is (members and month)")
    # one course of the module: its name is enough
    alone = plan_with(everyone(3, CHANGE_BASIC), move_cohort(
        plan_with(everyone(3, CHANGE_BASIC)), "CHG-101/en/01", "2026-06", "m"))
    assert wording.edit_sentence("move-cohort", operation_to_dict(move_cohort(
        alone, "CHG-101/en/01", "2026-07", "m")), wording.Namer(CATALOGUE, alone)) == (
        f"Move {title}, {wording.month_label('2026-06')} to {wording.month_label('2026-07')}")
    # gone: the course is named by its module and the month it was in when the edit was
    # made, never by another course's month
    gone = plan_with(everyone(5, CHANGE_BASIC) + everyone(5, CHANGE_BASIC, prefix="aaa"),
                     move)
    assert result(gone, "move").status == "missing"
    assert wording.edit_sentence("move-cohort", operation_to_dict(move),
                                 wording.Namer(CATALOGUE, gone)) == (
        f"Move {title}, {was} to {wording.month_label('2026-06')}")


def test_a_move_replaced_by_a_later_move_of_the_same_course_no_longer_says_done() -> None:
    rows = everyone(10, CHANGE_BASIC)
    base = plan_with(rows)
    may = move_cohort(base, "CHG-101/en/02", "2026-05", "may")
    july = move_cohort(base, "CHG-101/en/02", "2026-07", "july")
    plan = plan_with(rows, may, july)
    assert cohort_month(plan, "CHG-101/en/02") == "2026-07"
    assert result(plan, "july").status == "applied"
    replaced = result(plan, "may")
    assert (replaced.status, replaced.rule, replaced.facts) == (
        "noop", "moved-again", {"month": "2026-07"})
    assert replaced.message == "a later edit puts this course in 2026-07"
    # the same month asked twice: both hold; another course's move is left alone
    again = plan_with(rows, may, move_cohort(base, "CHG-101/en/02", "2026-05", "again"),
                      move_cohort(base, "CHG-101/en/01", "2026-07", "other"))
    assert [result(again, op).status for op in ("may", "again", "other")] == ["applied"] * 3
