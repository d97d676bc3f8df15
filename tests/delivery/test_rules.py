"""The pure core: nomination findings and attendance rules, without a database."""

from __future__ import annotations

import pytest

from govcap.delivery.core import attendance as a
from govcap.delivery.core import nominations as n


def kinds(findings):
    return [(f.kind, f.org_id, f.count, f.of) for f in findings]


def test_it_warns_when_an_organisation_sends_more_or_fewer_than_planned_or_is_not_planned():
    nominees = [n.Nominee("A", "female"), n.Nominee("A", "male"), n.Nominee("A", "female"),
                n.Nominee("B", "female"), n.Nominee("C", "female")]
    found = n.check_nominations(nominees, {"A": 2, "B": 3}, 50, ())
    assert kinds(found) == [(n.OVER_PLAN, "A", 3, 2), (n.UNDER_PLAN, "B", 1, 3),
                            (n.NOT_IN_PLAN, "C", 1, 0)]


def test_an_organisation_that_nominated_nobody_undershoots():
    assert kinds(n.check_nominations([], {"A": 2}, 50, ())) == [(n.UNDER_PLAN, "A", 0, 2)]


@pytest.mark.parametrize(("genders", "target", "warned"), [
    (("female", "male"), 50, False),  # exactly the target
    (("female", "male", "male"), 50, True),  # 33 % < 50 %
    (("female", "male", "male"), 30, False),
    (("male", "", ""), 50, True),  # only stated genders count: 0 of 1
    (("", ""), 50, False),  # nobody stated: nothing to say
    ((), 50, False),
])
def test_the_gender_balance_is_checked_among_stated_genders(genders, target, warned):
    nominees = [n.Nominee("A", g) for g in genders]
    found = n.check_nominations(nominees, {"A": len(genders)}, target, ())
    assert any(f.kind == n.FEW_WOMEN for f in found) is warned


def test_nominees_outside_the_module_audience_are_counted_and_named():
    nominees = [n.Nominee("A", persona="architect"), n.Nominee("A", persona="finance"),
                n.Nominee("A", persona="finance"), n.Nominee("A")]
    found = [f for f in n.check_nominations(nominees, {"A": 4}, 0, ("architect", "leader"))
             if f.kind == n.OUTSIDE_AUDIENCE]
    assert [(f.count, f.of, f.personas) for f in found] == [(2, 4, ("finance",))]


@pytest.mark.parametrize(("days", "needed"), [(1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (10, 8)])
def test_completing_needs_80_percent_of_the_days_rounded_up(days, needed):
    assert a.min_days_for_completion(days) == needed


@pytest.mark.parametrize(("days", "present", "suggested"), [
    (5, 5, a.COMPLETED), (5, 4, a.COMPLETED), (5, 3, a.PARTIAL), (5, 1, a.DROPPED),
    (5, 0, a.DROPPED), (1, 1, a.COMPLETED), (1, 0, a.DROPPED)])
def test_the_attendance_suggests_a_completion(days, present, suggested):
    assert a.suggested_completion(days, present) == suggested


def test_partial_and_dropped_need_a_reason_and_completed_needs_the_days():
    assert a.completion_problem("dropped", " ", 5, 1) == "reason_needed"
    assert a.completion_problem("partial", "", 5, 3) == "reason_needed"
    assert a.completion_problem("partial", "sick on day 4", 5, 3) is None
    assert a.completion_problem("completed", "", 5, 3) == "too_few_days"
    assert a.completion_problem("completed", "", 5, 4) is None
    assert a.completion_problem("graduated", "", 5, 5) == "unknown"


def test_a_sheet_is_read_with_every_problem_named_by_row_and_column():
    headers = ("Code", "Day", "Present", "Comment")
    rows = [(2, ("T1", "1", "yes", "")), (3, ("t2", "2", "Absent", "")),
            (4, ("T9", "1", "yes", "")), (5, ("T1", "7", "maybe", "")),
            (6, ("T1", "1", "no", "")), (7, ("", "1", "yes", ""))]
    read = a.read_sheet(headers, rows, ["T1", "T2"], 3)
    marks, problems = read.marks, read.problems
    assert marks[:2] == [a.Mark("T1", 1, True), a.Mark("T2", 2, False)]
    # each named by its column as the sheet heads it
    assert [(p.kind, p.row, p.column) for p in problems] == [
        (a.UNKNOWN_CODE, 4, "Code"), (a.BAD_DAY, 5, "Day"), (a.BAD_PRESENT, 5, "Present"),
        (a.DUPLICATE, 6, "Code"), (a.EMPTY, 7, "Code")]


def test_a_sheet_without_the_columns_is_refused_before_its_rows():
    read = a.read_sheet(("code", "date"), [(2, ("T1", "2026-01-01"))], ["T1"], 2)
    marks, problems = read.marks, read.problems
    # one problem, naming every missing column
    assert marks == [] and [(p.kind, p.value) for p in problems] == [
        (a.MISSING_COLUMN, "day present")]


def test_a_row_whose_present_is_blank_is_counted_not_read_as_a_mark():
    read = a.read_sheet(("code", "day", "present"), [
        (2, ("T1", "1", "yes")), (3, ("T1", "2", "")), (4, ("T2", "1", "  "))],
        ["T1", "T2"], 2)
    assert read.marks == [a.Mark("T1", 1, True)] and read.blank == 2 and not read.problems
