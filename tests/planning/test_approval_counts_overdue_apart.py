"""Approving a new version of Djibouti's plan, on 5 December 2026, the page said "N cohorts
scheduled" counting the courses whose month has passed with nothing recorded as run, which
its consequences, the plan page and the documents say are due and not recorded as run.
The count stays the plan's (as the page and the documents count its cohorts); those
are said within it, as what they are: the courses' cohorts only, as the count is (it
counted the coaching and other interventions due too, which the count leaves apart)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning import wording
from govcap.planning.services import generate
from tests.demo.helpers import demo_data
from tests.reports.test_approved_overdue import djibouti  # noqa: F401


def counted_on_approval(client, coordinator, draft) -> tuple[int, int]:
    """The approve page's "N cohorts scheduled, of which M are due and not recorded as run"."""
    client.force_login(coordinator)
    page = " ".join(client.get(reverse("plan-approve", args=[
        draft.engagement.slug, draft.version])).content.decode().split())
    counted = re.search(r"(\d+) cohorts? scheduled, of which (\d+) (?:is|are) due and not "
                        r"recorded as run ·", page)
    assert counted, page[:3000]
    return int(counted[1]), int(counted[2])


@pytest.mark.django_db
def test_the_courses_due_and_not_recorded_are_counted_apart(client, djibouti):  # noqa: F811
    coordinator = get_user_model().objects.get(username="demo-coordinator-dj")
    draft = generate(djibouti.engagement, coordinator)
    data = draft.plan_data()
    courses = [c for c in data.cohorts if c.status == "scheduled" and c.month]
    late = [c for c in courses if wording.overdue(c.delivery or "planned", c.month) == "not_run"]
    assert late, "the draft keeps a course whose month has passed, not recorded as run"
    assert counted_on_approval(client, coordinator, draft) == (len(courses), len(late))


@pytest.mark.django_db
def test_the_coaching_due_is_not_counted_among_the_cohorts(client, monkeypatch):
    """Kenya's follow-up read in mid-March 2027: February's two courses are due, and so are
    its three coaching and other interventions, which "N cohorts scheduled" leaves apart
    (it said "…, of which 5 are due" of 4 cohorts)."""
    demo_data()
    coordinator = get_user_model().objects.get(username="demo-coordinator-ke")
    draft = generate(Engagement.objects.get(slug="kenya-follow-up-2026"), coordinator)
    monkeypatch.setattr(wording, "_today", lambda: datetime.date(2027, 3, 15))
    data, catalogue = draft.plan_data(), draft.catalogue.parsed("en")
    scheduled = [c for c in data.cohorts if c.status == "scheduled" and c.month]
    due = [c for c in scheduled if wording.overdue("planned", c.month) == "not_run"]
    courses = [c for c in scheduled if catalogue.by_code[c.module_code].is_course]
    late = [c for c in due if c in courses]
    assert late and len(due) > len(late), "coaching due as well as courses"
    assert counted_on_approval(client, coordinator, draft) == (len(courses), len(late))
