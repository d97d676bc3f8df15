"""The plan page, the approval dialog and the documents count the same courses: the cohorts
given a month. A cohort no month could hold is not a course of the plan (no row in
'Courses by month', no delivery to record); its members' needs are counted as not placed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning import services
from govcap.planning.models import PlanSettings
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.planning.test_plan_page_path import text_of
from tests.reports.test_docx import docx_text


def _words(response) -> str:
    return " ".join(text_of(response.content.decode()).split())


@pytest.mark.django_db
def test_the_page_the_approval_and_the_documents_count_the_same_cohorts(
        client, django_user_model):
    demo_data()
    admin = django_user_model.objects.create_superuser("counter", password="pw-1-tests")
    somalia = Engagement.objects.get(slug="somalia-baseline-2026")
    approved = services.latest_plan(somalia)
    assert approved is not None
    # a short horizon: some cohorts find no month (the demo's own plan may place them all)
    PlanSettings.objects.filter(engagement=somalia).update(horizon_months=3)
    plan = services.generate(somalia, admin)
    data = plan.plan_data()
    courses = [c for c in data.cohorts if c.month]
    assert courses and data.unfit  # some needs no month could hold
    client.force_login(admin)
    response = client.get(reverse("plan", args=[somalia.slug]) + f"?v={plan.version}")
    # 'Courses by month' has a row per course given a month, none without
    assert response.content.decode().count('<tr id="course-') == len(courses)
    page = _words(response)
    summary = page.split("Summary", 1)[1]
    assert f"{len(courses)} cohorts scheduled" in summary
    assert f"{len(data.unfit)} needs not placed" in summary
    assert f"{len(data.needs)} needs (a course for one organisation each)" in summary
    confirm = _words(client.get(reverse("plan-approve", args=[somalia.slug, plan.version])))
    assert f"{len(courses)} cohorts scheduled" in confirm
    assert f"{len(data.unfit)} needs could not be placed" in confirm
    docx = docx_text(documents.render(plan, "docx"))
    assert f"delivered in {len(courses)} cohorts" in docx
    brief = docx_text(documents.render(plan, "brief-docx"))
    assert re.search(rf"\bin {len(courses)} cohorts for\b", brief)
    # the deliveries page offers a delivery only for a course with a month
    page = client.get(reverse("deliveries-engagement", args=[somalia.slug])).content.decode()
    offered = set(re.findall(r'name="cohort" value="([^"]+)"', page))
    unplaced = {c["cohort_id"] for c in approved.data["cohorts"] if not c["month"]}
    placed = {c["cohort_id"] for c in approved.data["cohorts"] if c["month"]}
    assert offered and not offered & unplaced and offered <= placed
