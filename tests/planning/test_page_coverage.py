"""The plan page names who the plan leaves out, as its documents do: the Kenya follow-up's
page said "8 organisations" and not a word of the Office of the Data Protection
Commissioner (its session awaiting validation) nor the eCitizen Directorate (its session
under way), which its PDF, DOCX and brief named. The page now says the documents'
coverage sentences, from the same reading (planning.coverage)."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning.services import generate
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

pytestmark = pytest.mark.django_db


def _text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_the_page_names_who_is_not_in_the_plan_as_the_documents_do(client):
    demo_data()
    engagement = Engagement.objects.get(slug="kenya-follow-up-2026")
    plan = generate(engagement, None)
    covered = [(name, state) for name, state in plan.data["extra"]["coverage"]]
    assert {state for _n, state in covered} - {"validated"}, covered  # someone left out
    document = normalise(docx_text(documents.render(plan, "docx", language="en")))
    client.force_login(get_user_model().objects.get(username="demo-coordinator-ke"))
    page = _text(client.get(reverse("plan", args=[engagement.slug])).content.decode())
    validated = sum(1 for _n, state in covered if state == "validated")
    said = (f"Of the organisations engaged ({len(covered)}), {validated} are in this plan "
            "(their latest validated session counts).")
    assert said in document and said in page
    left = re.search(r"Not in this plan yet — [^.]*\.", document)
    assert left is not None and left.group(0) in page, left
    for name, state in covered:
        if state != "validated":
            assert name in left.group(0)
    # one organisation's page is that organisation's plan: no one else is named
    org = engagement.organisations.get(name="Kenya Revenue Authority")
    own = _text(client.get(reverse("plan-organisation", args=[engagement.slug, org.uuid]))
                .content.decode())
    assert "Not in this plan yet" not in own
