"""An edit that does not hold says which rule it would break, with the numbers, in the
reader's words: the organisation's training days a month or a quarter, its staff away at
once, the courses a month or a domain runs at once, a prerequisite, a month closed by the
settings or by blocked days, the plan's first and last months, a course's size. And a later
edit that would make an earlier one break a rule is found (``edits_turned``), so it can be
refused rather than turn the earlier one into a conflict."""

from __future__ import annotations

import pytest
from django.utils import translation

from govcap.planning import (
    AddModule,
    Constraints,
    LockCohort,
    MoveCohort,
    MoveMember,
    Operation,
    Targets,
    generate_plan,
    wording,
)
from govcap.planning.core.diff import edits_turned
from govcap.planning.core.inputs import MonthBlock
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, everyone

B = Level.BASIC
EA1 = "Enterprise architecture foundations for government (EA-101)"
CHG1 = "Foundations of change management in government (CHG-101)"
CHG2 = "Communicating and supporting change for digital services (CHG-102)"
CHG3 = "Leading change across the leadership team (CHG-201)"
TWO_DOMAINS = {"change-management": B, "enterprise-architecture": B}


def plan_of(*ops: Operation, rows=None, targets: Targets | None = None, **settings):
    settings = {**ROOMY, **settings}
    return generate_plan(rows or everyone(3, TWO_DOMAINS), CATALOGUE, targets or Targets(),
                         Constraints(settings.pop("start", "2026-01"), **settings), ops)


def outcome(plan, op_id: str):
    return next(r for r in plan.operations if r.op_id == op_id)


def why(plan, op_id: str, language: str = "en") -> str:
    """The reason the plan page gives for an edit, in ``language``."""
    with translation.override(language):
        return wording.outcome_reason(outcome(plan, op_id), wording.Namer(CATALOGUE, plan))


def month_of(plan, code: str) -> str | None:
    return next(c.month for c in plan.cohorts if c.module_code == code)


def each(clause: str) -> str:
    """A reason said for every organisation of the course over its limit, as a move's
    conflict names them all (the three organisations of ``everyone(3)``, alike): Kenya
    School of Government was named, MoICDE in the same course, also over, was not."""
    return "; ".join(clause.format(org=f"Ministry org0{i}") for i in range(3))


BOTH_IN_MARCH = (MoveCohort("ea", "EA-101/en/01", "2026-03"),
                 MoveCohort("chg", "CHG-101/en/01", "2026-03"))


@pytest.mark.parametrize(("settings", "rule", "words"), [
    ({"days_per_month": 5}, "org-month-days",
     each("{org} would have 7 training days in March 2026, its limit is 5")),
    ({"staff_away": 4}, "staff-away",
     each("{org} would have 6 people away at once in March 2026, its limit is 4")),
    ({"max_parallel": 1, "max_parallel_per_domain": None}, "month-full",
     "March 2026 already has 1 course, the most the plan runs at once"),
])
def test_a_second_course_moved_into_a_month_names_the_limit_it_would_pass(
        settings, rule, words) -> None:
    plan = plan_of(*BOTH_IN_MARCH, **settings)
    assert outcome(plan, "ea").status == "applied"
    assert (outcome(plan, "chg").status, outcome(plan, "chg").rule) == ("conflict", rule)
    assert why(plan, "chg") == words
    # the rule is kept, and the course stays where it was, not in the next month with room
    assert month_of(plan, "CHG-101") == month_of(plan_of(BOTH_IN_MARCH[0], **settings),
                                                 "CHG-101") != "2026-03"


def test_the_per_domain_limit_is_named_with_its_domain() -> None:
    rows = everyone(3, {"change-management": B}) + everyone(
        3, {"change-management": B}, prefix="fr", language="fr")
    plan = plan_of(MoveCohort("en", "CHG-101/en/01", "2026-03"),
                   MoveCohort("fr", "CHG-101/fr/01", "2026-03"), rows=rows,
                   max_parallel_per_domain=1)
    assert outcome(plan, "en").status == "applied"
    assert why(plan, "fr") == ("March 2026 already has 1 course in "
                               f"{wording.domain_title('change-management')}, the most at "
                               "once in that domain")


EA = everyone(3, {"enterprise-architecture": B})  # EA-101 (4 days) and EA-102 (3 days)
QUARTER = {"days_per_month": 10, "days_per_quarter": 6}


def test_the_quarter_limit_is_named_with_the_quarters_months() -> None:
    plan = plan_of(MoveCohort("first", "EA-101/en/01", "2026-01"),
                   MoveCohort("then", "EA-102/en/01", "2026-02"), rows=EA, **QUARTER)
    assert outcome(plan, "first").status == "applied"
    assert why(plan, "then") == each("{org} would have 7 training days in January 2026 – "
                                     "March 2026, its limit is 6 a quarter")


def test_a_month_with_blocked_days_names_its_lower_limit_and_why() -> None:
    ramadan = MonthBlock("2026-05", 20, 9, ("ramadan:9",))  # 11 days of 20 free: 3 of 5
    plan = plan_of(MoveCohort("ea", "EA-101/en/01", "2026-05"), days_per_month=5,
                   month_blocks=(ramadan,))
    assert outcome(plan, "ea").rule == "org-month-days-blocked"
    assert why(plan, "ea") == each("{org} would have 4 training days in May 2026, its limit "
                                   "that month is 3 (days blocked: Ramadan (9 working days))")
    # A block stored without its reasons still says what blocks days.
    plan = plan_of(MoveCohort("ea", "EA-101/en/01", "2026-05"), days_per_month=5,
                   month_blocks=(MonthBlock("2026-05", 20, 9),))
    assert why(plan, "ea").endswith("(days blocked: holidays, Ramadan or the fiscal year-end)")


@pytest.mark.parametrize(("month", "settings", "words"), [
    ("2026-06", {"month_blocks": (MonthBlock("2026-06", 22, 22, ("fiscal-year-end",)),)},
     "June 2026 is closed to training: fiscal year-end"),
    ("2026-08", {"blackout_months": frozenset({"2026-08"})},
     "August 2026 is closed to training in the plan's settings"),
    ("2026-01", {"start": "2026-03"}, "January 2026 is before the plan's first month, "
                                      "March 2026"),
    ("2027-02", {}, "February 2027 is after the plan's last month, December 2026"),
    ("May", {}, "May is not a month"),
])
def test_a_month_no_course_can_use_says_why(month, settings, words) -> None:
    plan = plan_of(MoveCohort("op", "EA-101/en/01", month), **settings)
    assert outcome(plan, "op").status == "conflict" and why(plan, "op") == words


STRATEGIC = Targets(strategic_sections=frozenset({"change-management"}))
CHG = everyone(3, {"change-management": B})  # CHG-101, CHG-102, then CHG-201 and on


def test_a_course_moved_before_its_prerequisite_names_it_and_its_month() -> None:
    plan = plan_of(MoveCohort("op", "CHG-201/en/01", "2026-02"),
                   MoveCohort("pre", "CHG-101/en/01", "2026-03"), rows=CHG, targets=STRATEGIC)
    # CHG-102 is taught after CHG-101: it follows it into April, and is named as the later
    assert why(plan, "op") == (f"{CHG3} would not come after its prerequisite {CHG2} "
                               "(April 2026)")
    # January and February closed (the plan starts in March, the first open month), one
    # month, 3 days a month: March holds only one of CHG-101 (3 days) and CHG-102 (2); the
    # other prerequisite has no month
    plan = plan_of(MoveCohort("op", "CHG-201/en/01", "2026-03"), rows=CHG, targets=STRATEGIC,
                   horizon_months=1, blackout_months=frozenset({"2026-01", "2026-02"}),
                   days_per_month=3)
    unplaced = next(n.module_code for n in plan.needs  # its course may be gone (regrouped)
                    if n.module_code in ("CHG-101", "CHG-102") and n.month is None)
    name = wording.Namer(CATALOGUE, plan).module(unplaced)
    assert why(plan, "op") == (f"{CHG3} would not come after its prerequisite {name}, which "
                               "is not placed")


def test_a_move_that_fails_does_not_take_down_a_later_move_waiting_on_it() -> None:
    plan = plan_of(MoveCohort("full", "CHG-102/en/01", "2026-03"),
                   MoveCohort("pre", "CHG-101/en/01", "2026-03"),  # March holds one course
                   MoveCohort("after", "CHG-201/en/01", "2026-04"), rows=CHG,
                   targets=STRATEGIC, max_parallel=1, max_parallel_per_domain=None)
    assert [r.status for r in plan.operations] == ["applied", "conflict", "applied"]
    assert month_of(plan, "CHG-101") == "2026-01" and month_of(plan, "CHG-201") == "2026-04"


def test_moving_an_organisation_between_courses_names_the_size_or_the_language() -> None:
    rows = everyone(10, {"change-management": B})  # 30 participants: two courses of 15
    first, second = (c for c in plan_of(rows=rows).cohorts if c.module_code == "CHG-101")
    moves = [MoveMember(f"m{i}", org, "CHG-101", second.cohort_id)
             for i, org in enumerate(first.org_ids)]
    plan = plan_of(*moves, rows=rows)
    names = wording.Namer(CATALOGUE, plan)
    # 15 + 15 → 18 + 12 → 21 + 9; a third move would leave 6, below the minimum of 8
    assert why(plan, "m2") == (f"{names.cohort(first.cohort_id)} would be left with 6 "
                               "participants, its minimum is 8")
    french = everyone(3, {"change-management": B}, prefix="fr", language="fr")
    plan = plan_of(MoveMember("lang", "org00", "CHG-101", "CHG-101/fr/01"),
                   rows=everyone(3, {"change-management": B}) + french)
    assert why(plan, "lang") == (f"{wording.Namer(CATALOGUE, plan).cohort('CHG-101/fr/01')}"
                                 " is given in French")


def test_a_kept_course_says_its_members_are_kept_and_why_its_month_is_not() -> None:
    base = plan_of()
    ea = next(c for c in base.cohorts if c.module_code == "EA-101")
    lock = LockCohort("keep", ea.cohort_id, "EA-101", "en", ea.org_ids, "2026-08")
    plan = plan_of(lock, blackout_months=frozenset({"2026-08"}))
    assert why(plan, "keep") == ("members kept, but not the month: August 2026 is closed to "
                                 "training in the plan's settings")
    gone = LockCohort("gone", "EA-101/en/01", "EA-101", "en", ("org77",), None)
    plan = plan_of(gone)
    assert (outcome(plan, "gone").status, why(plan, "gone")) == (
        "missing", f"no organisation of the course kept still needs {EA1} in English")


def test_an_edit_whose_course_is_gone_says_so() -> None:
    plan = plan_of(MoveCohort("op", "EA-101/en/07", "2026-05"))
    assert outcome(plan, "op").status == "missing"
    assert why(plan, "op") == (f"the plan no longer has this course of {EA1}: its "
                               "organisations were grouped again, or too few still take it")


def test_the_numbers_and_months_are_said_in_the_readers_language() -> None:
    plan = plan_of(*BOTH_IN_MARCH, days_per_month=5)
    french = why(plan, "chg", "fr")
    assert "mars 2026" in french and "7" in french and "5" in french
    assert why(plan, "chg").count("March 2026") == 3  # once for each organisation


# B. A later edit that would break an earlier one


def test_a_later_move_that_breaks_an_earlier_one_is_found_with_its_reason() -> None:
    earlier = MoveCohort("first", "CHG-201/en/01", "2026-04")  # after CHG-101 (January)
    before = plan_of(earlier, rows=CHG, targets=STRATEGIC)
    assert outcome(before, "first").status == "applied"
    later = MoveCohort("second", "CHG-101/en/01", "2026-06")  # its prerequisite, after it
    after = plan_of(earlier, later, rows=CHG, targets=STRATEGIC)
    assert outcome(after, "second").status == "applied"
    assert [r.op_id for r in edits_turned(before, after)] == ["first"]
    assert why(after, "first") == (f"{CHG3} would not come after its prerequisite {CHG2} "
                                   "(July 2026)")  # CHG-102 follows CHG-101 into July
    # a later move that leaves the earlier one holding turns nothing
    fine = plan_of(earlier, MoveCohort("second", "CHG-101/en/01", "2026-02"), rows=CHG,
                   targets=STRATEGIC)
    assert outcome(fine, "first").status == "applied" and edits_turned(before, fine) == []


def test_a_later_move_cannot_take_the_room_an_earlier_one_holds() -> None:
    # the months are placed in order, but a moved course's room is taken first, in the
    # order of the edits: a course moved into April later cannot push out May's
    earlier = MoveCohort("first", "EA-102/en/01", "2026-05")
    later = MoveCohort("second", "EA-101/en/01", "2026-04")
    before = plan_of(earlier, rows=EA, **QUARTER)
    after = plan_of(earlier, later, rows=EA, **QUARTER)
    assert outcome(before, "first").status == outcome(after, "first").status == "applied"
    assert edits_turned(before, after) == []
    assert why(after, "second") == each("{org} would have 7 training days in April 2026 – "
                                        "June 2026, its limit is 6 a quarter")
    assert month_of(after, "EA-101") == month_of(before, "EA-101") == "2026-01"


def test_an_edit_for_an_organisation_gone_from_the_plan_does_not_name_it_wrongly() -> None:
    plan = plan_of(AddModule("add", "org99", "EA-201"))
    assert outcome(plan, "add").status == "missing"
    assert why(plan, "add") == "the organisation is no longer in this plan"
