"""The plan page and the documents say a course's delivery state by one rule: Somalia's
plan, read on 5 December 2026, said of DST-102 "Being prepared with … from 19 August 2026"
— as if to come — where its PDF said "Due August 2026, not recorded as run" and the donor's
document counted it under "Due, not recorded as run". The page now says the documents'
state first (planning.wording.course_late, which reports.course_states reads too)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.planning import wording
from govcap.planning.models import Plan
from govcap.reports import course_states
from tests.demo.helpers import demo_data

DAY = datetime.date(2026, 12, 5)


@pytest.fixture
def somalia(monkeypatch):
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    demo_data()
    plan = Plan.objects.get(engagement__slug="somalia-baseline-2026", version=1)
    assert plan.status == Plan.Status.APPROVED
    return plan


@pytest.mark.django_db
def test_the_page_says_a_late_course_as_its_documents_do(client, somalia):
    data = somalia.plan_data()
    records = course_states.recorded(somalia)
    late = {c.cohort_id: course_states.state(c, records, DAY) for c in data.cohorts
            if c.cohort_id in records
            and course_states.state(c, records, DAY)[0] == "not_run"}
    assert late, "the demo has a course being prepared whose month has passed"
    client.force_login(get_user_model().objects.get(username="demo-coordinator-so"))
    page = " ".join(client.get(reverse("plan", args=[somalia.engagement.slug]))
                    .content.decode().split())
    for cohort_id, (_state, month) in late.items():
        said = f"Due {wording.month_label(month)}, not recorded as run"
        assert f"<strong>{said}.</strong> Its delivery is still recorded as being " \
               f"prepared" in page, cohort_id
    # nothing says a course whose month is gone is being prepared from a day gone by
    for day in re.findall(r"Being prepared with [^<]*?, from (\d{1,2} \w+ \d{4})", page):
        assert datetime.datetime.strptime(day, "%d %B %Y").date() >= DAY.replace(day=1), day
