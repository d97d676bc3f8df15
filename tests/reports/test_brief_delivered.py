"""An approved plan's brief read after its courses ran: Kenya's baseline, read on 5 December
2026, listed its six delivered courses as priorities "from July 2025", as if the minister had
them still to start. It states the plan's period from its own first month, says what was
delivered, and asks nothing of a month gone by."""

from __future__ import annotations

import datetime
import re

import pytest

from govcap.planning import wording
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

DAY = datetime.date(2026, 12, 5)


@pytest.mark.django_db
def test_a_delivered_plans_brief_says_what_ran_and_proposes_no_passed_month(monkeypatch):
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    demo_data()
    plan = Plan.objects.get(engagement__slug="kenya-baseline-2025", version=1)
    assert plan.status == Plan.Status.APPROVED
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    assert "from July 2025 to December 2025" in brief  # the plan's own period
    said = re.search(r"Delivered already, as their deliveries record: (\d+) cohorts of the "
                     r"plan's (\d+), July – December 2025: (.*?)\.", brief)
    assert said is not None, brief
    assert said[1] == said[2] == "6" and "CHG-101" in said[3]
    assert "Priority " not in brief  # nothing left to start
    asked = brief.split("What is asked of you", 1)[1]
    assert not re.search(r"\b2025\b", asked)  # nothing asked of a month gone by
