"""An approved plan's own courses whose month has passed with no delivery recorded as run
said nothing: Djibouti's version 1, read on 5 December 2026, listed AGL-101 (September),
AGL-102 (October) and DST-101 (November) as if still to come, on its page and in every
document, while the courses it kept from an earlier round already said "Due August 2026,
not recorded as run". They say it now — the coordinator's page with where to record the
delivery, the documents for outside readers without the app's links."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from govcap.planning import wording
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

DAY = datetime.date(2026, 12, 5)
NONE = {"AGL-101": "September 2026", "AGL-102": "October 2026", "DST-101": "November 2026"}


@pytest.fixture
def djibouti(monkeypatch):
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    demo_data()
    plan = Plan.objects.get(engagement__slug="djibouti-baseline-2026", version=1)
    assert plan.status == Plan.Status.APPROVED
    return plan


def _page(client, username: str, plan) -> str:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(reverse("plan", args=[plan.engagement.slug]) + "?v=1")
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
def test_the_coordinator_reads_them_overdue_with_where_to_record_them(client, djibouti):
    page = _page(client, "demo-coordinator-dj", djibouti)
    record = reverse("deliveries-engagement", args=[djibouti.engagement.slug])
    for month in NONE.values():
        assert (f"<strong>Due {month}, not recorded as run.</strong> No delivery is recorded "
                f"for it: record it on the engagement") in page
    assert page.count(f'<a href="{record}">Record its delivery</a>') == len(NONE)
    # a course with a delivery still being prepared, its month gone, says so too
    assert "Due August 2026, not recorded as run" in page
    assert "Due January 2027" not in page  # a course ahead is not


@pytest.mark.django_db
def test_a_viewer_reads_them_overdue_and_who_records_them(client, djibouti):
    page = _page(client, "demo-viewer-dj", djibouti)
    for month in NONE.values():
        assert f"Due {month}, not recorded as run" in page
    assert "coordinator records it." in page
    assert "Record its delivery" not in page


@pytest.mark.django_db
def test_the_documents_say_it_without_the_apps_links(djibouti):
    text = normalise(docx_text(documents.render(djibouti, "docx", language="en")))
    brief = normalise(docx_text(documents.render(djibouti, "brief-docx", language="en")))
    assert "Courses of this plan whose month has passed:" in brief
    for code, month in NONE.items():
        said = f"Due {month}, not recorded as run"
        assert said in text, code
        assert f"{code} " in brief and "due " + said.removeprefix("Due ") in brief, code
    assert "deliveries page" not in text + brief and "/deliveries/" not in text + brief
    book = load_workbook(io.BytesIO(documents.render(djibouti, "xlsx", language="en")))
    rows = [[c.value for c in r] for r in book["Cohorts"].iter_rows()]
    status = rows[0].index("Status")
    for code, month in NONE.items():
        row = next(r for r in rows if r[2] == code)
        assert row[status] == f"Due {month}, not recorded as run"
    later = next(r for r in rows if r[2] == "DST-102")
    assert later[status] == "Scheduled January 2027"
    # the brief asks to move only the courses not recorded as run (not SVC-101, running)
    assert "Of the 5 courses whose month has passed, 4 have not been recorded as run" in brief


@pytest.mark.django_db
def test_a_draft_says_nothing_of_deliveries(djibouti):
    """A draft's courses are proposals: its documents read no delivery records."""
    Plan.objects.filter(pk=djibouti.pk).update(status=Plan.Status.DRAFT)
    djibouti.refresh_from_db()
    text = normalise(docx_text(documents.render(djibouti, "docx", language="en")))
    assert "not recorded as run" not in text
