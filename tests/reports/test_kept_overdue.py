"""A kept course whose month is past and whose delivery is not recorded as done is said so —
"Due August 2026, not recorded as run", "Running since July 2026, no completion recorded" —
on the plan page (pointing to the delivery to record it) and in every document: Djibouti's
plan of 5 Dec 2026 said "SVC-101 … Running, July 2026" from stale delivery records."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from govcap.orgs.models import Engagement
from govcap.planning import services, wording
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

DAY = datetime.date(2026, 12, 5)


@pytest.fixture
def djibouti(monkeypatch):
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    demo_data()
    plan = services.generate(Engagement.objects.get(slug="djibouti-baseline-2026"), None)
    kept = {c["module_code"]: (c["delivery"], c["month"]) for c in plan.data["cohorts"]
            if c["delivery"] in ("planned", "in_progress")}
    assert any(m < "2026-12" for _, m in kept.values()), kept
    return plan, kept


def _said(delivery: str, month: str) -> str:
    words = wording.month_label(month)
    return (f"Due {words}, not recorded as run" if delivery == "planned"
            else f"Running since {words}, no completion recorded")


@pytest.mark.django_db
def test_documents_say_a_past_kept_course_is_not_recorded(djibouti):
    plan, kept = djibouti
    text = normalise(docx_text(documents.render(plan, "docx", language="en")))
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    for code, (delivery, month) in kept.items():
        said = _said(delivery, month)
        assert said in text, code
        assert said[:1].lower() + said[1:] in brief, code
    assert "Running, " not in text and "Being prepared, " not in text
    book = load_workbook(io.BytesIO(documents.render(plan, "xlsx", language="en")))
    rows = [[c.value for c in r] for r in book["Cohorts"].iter_rows()]
    status = rows[0].index("Status")
    for code, (delivery, month) in kept.items():
        row = next(r for r in rows if r[2] == code)
        # (then, for one nominated beyond the plan's count, that: its own test)
        assert row[status].split("; ")[0] == _said(delivery, month)
    # their months are in the Load sheet, with their days (it began with the schedule's)
    load = [[c.value for c in r] for r in book["Load"].iter_rows(min_row=2)]
    kept_months = {m for _, m in kept.values()}
    shown = {f"{r[1]:%Y-%m}": r for r in load if r[2]}
    assert kept_months <= set(shown), (kept_months, sorted(shown)[:3])


@pytest.mark.django_db
def test_plan_page_says_so_and_points_to_the_delivery(client, djibouti):
    plan, kept = djibouti
    admin = get_user_model().objects.create_superuser("boss", "b@example.org", "x-Pass-123")
    client.force_login(admin)
    page = " ".join(client.get(reverse("plan", args=[plan.engagement.slug])).content.decode()
                    .split())
    for delivery, month in kept.values():
        assert _said(delivery, month) in page
    assert "Not recorded as done: record what happened on its delivery page" in page
    for delivery, month in kept.values():  # the course's line said its state twice
        assert f"{_said(delivery, month)}: record" not in page


@pytest.mark.django_db
def test_approval_question_says_so_too(client, djibouti):
    plan, kept = djibouti
    admin = get_user_model().objects.create_superuser("boss", "b@example.org", "x-Pass-123")
    client.force_login(admin)
    page = " ".join(client.get(reverse("plan-approve", args=[plan.engagement.slug,
                                                             plan.version]))
                    .content.decode().split())
    assert "It keeps" in page
    for delivery, month in kept.values():
        said = _said(delivery, month)
        assert said[:1].lower() + said[1:] in page
