"""The minister's brief keeps the plan's priority numbers and names courses by code and title
(issue 14, fresh eyes): Djibouti's brief called DST-102 "Priority 1" where the plan's
priorities table has it 6th, its first five having had their month pass, said only as
"passed"; Kenya's follow-up brief said "Completed CHG-101 (July 2025), CHG-102 (August
2025)", codes a minister cannot read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from govcap.orgs.models import Engagement
from govcap.planning.core.plan import SCHEDULED
from govcap.planning.models import Plan
from govcap.planning.services import generate
from govcap.reports import documents
from govcap.reports.brief import build_brief
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets
from govcap.reports.scope import Scope
from tests.demo.helpers import demo_data
from tests.reports.helpers import catalogue, context, normalise, plan
from tests.reports.test_docx import docx_text

pytestmark = pytest.mark.django_db


def _proposed(document) -> list[str]:
    blocks = document.sections[0].blocks
    heading = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") ==
                   "What the plan proposes")
    return list(next(b for b in blocks[heading:] if isinstance(b, Bullets)).items)


def test_priorities_keep_the_plans_numbers_once_the_first_have_had_their_month():
    data = plan()
    months = sorted({c.month for c in data.cohorts if c.status == SCHEDULED and c.month})
    # read in the plan's third month, approved, nothing recorded: its first months' courses
    # are due and not recorded as run
    today = dt.date(int(months[2][:4]), int(months[2][5:]), 15)
    ctx = dataclasses.replace(context(), status="approved", version=1, today=today,
                              records={})
    scope = Scope(data, ctx, catalogue("en"), Labels("en"))
    ranks = scope.ranks
    passed = {c.module_code for c in scope.cohorts if c.month < months[2]}
    assert passed
    lines = _proposed(build_brief(data, ctx, catalogue("en")))
    shown = [(int(m[1]), m[2]) for m in (re.match(r"Priority (\d+): (\S+) ", line)
                                         for line in lines) if m]
    assert shown, lines
    for number, code in shown:  # the plan's number, not one counted from 1
        assert ranks[code] == number, (number, code)
        assert code not in passed
    first = shown[0][0]
    before = [c for c in passed if ranks[c] < first]
    assert first > 1 and before  # this plan's first priorities are among those passed
    assert (f"The first priority still to come is the plan's priority {first}; those "
            "before it are said above.") in lines
    overdue = next(line for line in lines if line.startswith("Courses of this plan whose "
                                                             "month has passed"))
    for code in before:  # what became of each is said, with its number
        assert (f"{code} {scope.module_title(code)} (priority {ranks[code]}), due ") in overdue


def test_a_plan_read_before_any_month_passed_starts_at_its_first_placed_priority():
    data = plan()
    ctx = dataclasses.replace(context(), status="approved", version=1, records={})
    scope = Scope(data, ctx, catalogue("en"), Labels("en"))
    placed = {n.module_code for n in scope.needs if n.status == SCHEDULED and n.month}
    unplaced = sorted((c for c in scope.ranks if c not in placed), key=scope.ranks.get)
    first = min(scope.ranks[c] for c in placed)
    assert first > 1  # this plan's first priorities could not be placed: named as such
    lines = _proposed(build_brief(data, ctx, catalogue("en")))
    assert f"The first priority still to come is the plan's priority {first}." in lines
    assert any(line.startswith(f"Priority {first}: ") for line in lines)
    assert not any("said above" in line for line in lines)  # nothing passed, nothing above
    said = next(line for line in lines if line.startswith("Not placed in a cohort: "))
    for code in unplaced:
        if scope.ranks[code] < first:
            assert f"{code} {scope.module_title(code)} (priority {scope.ranks[code]})" in said


def test_kenyas_briefs_name_the_courses_by_code_and_title():
    demo_data()
    baseline = Plan.objects.get(engagement__slug="kenya-baseline-2025", version=1)
    text = normalise(docx_text(documents.render(baseline, "brief-docx", language="en")))
    assert ("Delivered already, as their deliveries record: 6 cohorts of the plan's 6, July – "
            "December 2025: CHG-101 Foundations of change management in government "
            "(priority 1); ") in text
    follow_up = generate(Engagement.objects.get(slug="kenya-follow-up-2026"), None)
    text = normalise(docx_text(documents.render(follow_up, "brief-docx", language="en")))
    assert ("ICT Authority: Completed CHG-101 Foundations of change management in government "
            "(July 2025), CHG-102 Communicating and supporting change for digital services "
            "(August 2025) in Kenya — baseline 2025") in text
    assert "Completed CHG-101 (July 2025)" not in text
