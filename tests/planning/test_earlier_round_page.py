"""Kenya's baseline re-drafted in December 2026, once its follow-up round had begun, as its
coordinator and a ministry's reader see it (issue 14): the page said "From July 2025 to
December 2025" beside "The schedule starts in February 2027", ran its month grid over an
empty 2027, offered "Plan SVC-901 instead" and took it, marked its delivered courses "kept as
it is" while Edits said "No edits yet"; a reader of one ministry landed on the draft, with
nothing saying version 1 is the plan in force."""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning.models import Plan, PlanEdit
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise


def _text(response) -> str:
    return normalise(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def redrafted(client):
    demo_data()
    engagement = Engagement.objects.get(slug="kenya-baseline-2025")
    client.force_login(get_user_model().objects.get(username="demo-coordinator-ke"))
    client.post(reverse("plan-generate", args=[engagement.slug]))
    assert Plan.objects.filter(engagement=engagement).count() == 2
    return engagement


@pytest.mark.django_db
def test_the_redraft_describes_its_kept_courses_in_their_months(client, redrafted):
    response = client.get(reverse("plan", args=[redrafted.slug]))
    page = _text(response)
    assert "Version 2 · Draft" in page
    assert "From July 2025 to December 2025." in page
    assert "The schedule starts in" not in page and "2027" not in page
    assert page.count("kept from version 1") == 6 and "kept as it is" not in page
    assert response.context["view"].month_labels[0][0] == "2025-07"
    loads = {row.name: row.total for row in response.context["view"].load.rows}
    assert loads["Kenya Revenue Authority"] > 0 and loads["ICT Authority"] > 0  # it read 0
    # no other way, no edit that adds training; the follow-up's plan is where it is planned
    assert "Plan SVC-901 instead" not in page and "Join the course" not in page
    assert "Add the course" not in page
    assert "reassesses this organisation, and that round" in page
    follow_up = reverse("plan", args=["kenya-follow-up-2026"])
    assert f'href="{follow_up}"' in response.content.decode()
    assert "The training plan of Follow-up 1 (2026)" in page


@pytest.mark.django_db
def test_an_edit_adding_training_is_refused_with_why(client, redrafted):
    school = redrafted.organisations.get(name="Kenya School of Government")
    response = client.post(reverse("plan-edit", args=[redrafted.slug, "add-module"]), {
        "op_id": uuid.uuid4().hex, "organisation": str(school.uuid), "module": "SVC-901",
        "replaces": f"{school.uuid}|SVC-101", "part": "findings"}, follow=True)
    said = " ".join(str(m) for m in response.context["messages"])
    assert "plans nothing new, so no course is added or moved in it" in said
    assert not PlanEdit.objects.filter(engagement=redrafted).exists()
    plan = Plan.objects.filter(engagement=redrafted).order_by("-version").first()
    assert plan is not None and not any(c["module_code"] == "SVC-901"
                                        for c in plan.data["cohorts"])


@pytest.mark.django_db
def test_a_reader_opens_the_version_in_force_and_the_versions(client, redrafted):
    client.force_login(get_user_model().objects.get(username="demo-viewer-ke-kra"))
    response = client.get(reverse("plan", args=[redrafted.slug]), follow=True)
    page = _text(response)
    assert response.context["plan"].version == 1 and "Version 1 · Approved" in page
    assert "Versions of the plan" in page and "in force" in page
    kra = redrafted.organisations.get(name="Kenya Revenue Authority")
    pdf = client.get(reverse("plan-download", args=[redrafted.slug, "pdf"]),
                     {"v": 1, "org": str(kra.uuid)})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # the draft stays one link away
    draft = client.get(reverse("plan-organisation", args=[redrafted.slug, kra.uuid]),
                       {"v": 2})
    assert draft.context["plan"].version == 2 and "Version 2 · Draft" in _text(draft)
