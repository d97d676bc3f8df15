"""Kenya's baseline 2025 re-generated once its follow-up round exists: every delivered course
is kept and nothing new is planned. The page said the follow-up by its stored name ("Kenya —
follow-up 2026") and that new courses were "dated from today", the PDF that "nothing new is
planned", the budget that a reassessment session was costed "for each month the monitoring
chapter reassesses it in" (none is: the follow-up reassesses), and the brief did not say the
follow-up exists. Page, message, documents and brief now say the one sentence, the round
named as elsewhere ("Follow-up 1 (2026)", "Suivi 1 (2026)")."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

NOTHING_NEW = (
    "Follow-up 1 (2026), the next assessment round, reassesses the organisations of "
    "this plan: this version keeps the courses already under way or delivered, "
    "plans nothing new, and schedules and budgets no reassessment of its own."
)


def _page(response) -> str:
    return normalise(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def kenya(client):
    demo_data()
    engagement = Engagement.objects.get(slug="kenya-baseline-2025")
    client.force_login(get_user_model().objects.get(username="demo-coordinator-ke"))
    response = client.post(reverse("plan-generate", args=[engagement.slug]), follow=True)
    plan = Plan.objects.filter(engagement=engagement).order_by("-version").first()
    assert plan is not None and plan.status == Plan.Status.DRAFT
    assert all(c["delivery"] for c in plan.data["cohorts"] if c["month"])  # nothing new
    return engagement, plan, response


@pytest.mark.django_db
def test_page_message_documents_and_brief_say_the_same_of_the_later_round(client, kenya):
    engagement, plan, response = kenya
    said = normalise(" ".join(str(m) for m in response.context["messages"]))
    assert NOTHING_NEW in said
    page = _page(client.get(reverse("plan", args=[engagement.slug])))
    assert NOTHING_NEW in page
    assert "Kenya — follow-up 2026" not in page and "dated from today" not in page
    assert "Reassessed by Follow-up 1 (2026)" in page  # the indicators, not "—"
    whole = normalise(docx_text(documents.render(plan, "docx", language="en")))
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    assert NOTHING_NEW in whole
    assert NOTHING_NEW in brief  # the brief says the later round exists, in one sentence


@pytest.mark.django_db
def test_the_costing_says_no_reassessment_is_budgeted(client, kenya):
    engagement, plan, _ = kenya
    assert not any(line["category"] == "reassessment" for line in plan.data["budget"]["lines"])
    whole = normalise(docx_text(documents.render(plan, "docx", language="en")))
    assert "one reassessment session for each month" not in whole
    assert (
        "No reassessment session is budgeted: Follow-up 1 (2026), the next assessment "
        "round, reassesses the organisations."
    ) in whole
    page = _page(client.get(reverse("plan", args=[engagement.slug])))
    assert "reassessment sessions and a contingency" not in page
    assert (
        "follow-up coaching and a contingency; no reassessment session, Follow-up 1 "
        "(2026) reassesses the organisations."
    ) in page


@pytest.mark.django_db
def test_the_later_round_is_named_alike_in_french(client, kenya):
    engagement, plan, _ = kenya
    client.cookies["django_language"] = "fr"
    page = _page(client.get(reverse("plan", args=[engagement.slug])))
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="fr")))
    for text in (page, brief):
        assert "Suivi 1 (2026)" in text and "Kenya — follow-up 2026" not in text
