"""An approved version keeps the calendar it was made with: the holidays and closed months
its schedule used are stored with it (the plan data's ``month_blocks`` and ``load``) and
its page and documents read them, never the holiday tables of today. A holiday added to
the tables after approval (Kenya's state funeral of 17 October 2025 was declared that
month) changes the next version's calendar, not the approved one's.

(Kenya's baseline in the demo lists that funeral because the demo makes its 2025 plan
today, with today's tables, and dates its approval 30 April 2025.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core import blackouts
from govcap.planning.services import approve, generate
from govcap.reports import documents
from tests.planning.test_plan_models import validated
from tests.reports.test_docx import docx_text

pytestmark = pytest.mark.django_db


def _load(client, plan):
    response = client.get(reverse("plan", args=[plan.engagement.slug]) + f"?v={plan.version}")
    view = response.context["view"]
    return view.load, response.content.decode()


def test_a_holiday_added_after_approval_leaves_the_approved_calendar_as_it_was(
        client, world, monkeypatch):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic",
                                                         "enterprise-architecture": "basic"})
    plan = approve(generate(world.engagement, world.coordinator), world.coordinator)
    client.force_login(world.coordinator)
    before, _page = _load(client, plan)
    docx_before = docx_text(documents.render(plan, "docx", language="en"))
    # a holiday the tables learn after approval, on a weekday of a month the plan covers
    closed = {b["month"] for b in plan.data["month_blocks"]
              if b["blocked_days"] * 2 >= b["working_days"]}
    month = next(m for m in plan.data["months"] if m not in closed)
    year, number = map(int, month.split("-"))
    day = next(dt.date(year, number, d) for d in range(1, 29)
               if dt.date(year, number, d).weekday() < 5
               and not any(f":{dt.date(year, number, d)}" in r for b in plan.data["month_blocks"]
                           for r in b["reasons"]))
    known = blackouts._holidays
    monkeypatch.setattr(blackouts, "_holidays", lambda country, years: {
        **known(country, years), day: "A state funeral"})
    after, _page = _load(client, plan)
    assert after == before  # the approved version's load table and blocked months
    assert docx_text(documents.render(plan, "docx", language="en")) == docx_before
    # the tables did change: the next version counts that day
    redrawn = generate(world.engagement, world.coordinator)
    assert redrawn.version == 2
    assert any(f"holiday:KE:{day}" in b["reasons"] for b in redrawn.data["month_blocks"]), \
        redrawn.data["month_blocks"]
