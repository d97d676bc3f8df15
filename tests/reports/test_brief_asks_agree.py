"""Djibouti's approved brief, read on 5 December 2026, contradicted itself (issue 14): it
listed 5 courses whose month had passed (SVC-101 among them, running since July) and then
asked to move "4 courses … due to start before December" without saying why not 5; asked
to confirm the cohorts "so that training starts in January 2027" while SVC-101 was running;
and asked names only for April's courses, leaving out January's DST-102 whose names were
due on 4 December."""

from __future__ import annotations

import datetime
import re

import pytest

from govcap.planning import wording
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

DAY = datetime.date(2026, 12, 5)


@pytest.fixture
def brief(monkeypatch) -> str:
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    demo_data()
    plan = Plan.objects.get(engagement__slug="djibouti-baseline-2026", version=1)
    assert plan.status == Plan.Status.APPROVED
    return normalise(docx_text(documents.render(plan, "brief-docx", language="en")))


@pytest.mark.django_db
def test_the_count_to_move_says_how_it_differs_from_the_courses_past(brief):
    listed = brief.split("Courses of this plan whose month has passed: ")[1].split(".")[0]
    assert listed.count("; ") + 1 == 5 and "SVC-101" in listed
    assert ("Of the 5 courses whose month has passed, 4 have not been recorded as run: "
            "the coordinator will reschedule them in a new version of the plan.") in brief
    assert "move them" not in brief  # the minister is not the one to move them
    assert "4 courses of this plan were due to start before" not in brief


@pytest.mark.django_db
def test_a_course_running_is_not_ignored_by_the_start_asked(brief):
    assert "so that training starts in" not in brief
    assert "so that the next courses start in January 2027." in brief


@pytest.mark.django_db
def test_names_are_asked_for_a_course_whose_day_has_passed_first(brief):
    late = ("Ask each organisation to name its participants at once for DST-102 "
            "Human-centred service design foundations (January 2027): their names were due "
            "by 3 December 2026.")  # Thursday: 4 December is a Friday, Djibouti's weekend
    assert late in brief
    assert brief.index(late) < brief.index("for the courses of April 2027")


@pytest.mark.django_db
def test_the_priorities_shown_keep_the_plans_numbers(brief):
    # renumbered from 1, "Priority 1: DST-102" was the plan's priority 6 once five months
    # had passed; the plan's numbers are kept and the first five said (issue 14, fresh eyes)
    assert re.findall(r"Priority (\d+): ", brief) == ["6", "7", "8"]
    assert "Priority 6: DST-102" in brief
    assert ("The first priority still to come is the plan's priority 6; those before it are "
            "said above.") in brief
    assert "SVC-101 Defining and cataloguing government services (priority 1), running" in brief
