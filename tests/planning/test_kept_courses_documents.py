"""A course kept from an earlier version (under way or done) has its participants: the
documents ask no names for it (Kenya's new draft keeps its delivered courses only, and its
brief asked for names by a day in 2025), and say why none are due."""

from __future__ import annotations

import pytest

from govcap.orgs.models import Engagement
from govcap.planning import services
from govcap.reports import documents
from govcap.reports.labels import Labels
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text


@pytest.mark.django_db
def test_kept_courses_ask_no_names_and_the_documents_say_why():
    demo_data()
    kenya = services.generate(Engagement.objects.get(slug="kenya-baseline-2025"), None)
    cohorts = [c for c in kenya.data["cohorts"] if c["month"]]
    assert cohorts and all(c["delivery"] == "completed" for c in cohorts)
    plan_text = normalise(docx_text(documents.render(kenya, "docx", language="en")))
    assert "its participants were named, and no names are due" in plan_text
    assert "Names due by" not in plan_text
    brief = normalise(docx_text(documents.render(kenya, "brief-docx", language="en")))
    assert "to name its participants by" not in brief
    djibouti = services.generate(Engagement.objects.get(slug="djibouti-baseline-2026"), None)
    kept = [c for c in djibouti.data["cohorts"] if c["delivery"]]
    new = [c for c in djibouti.data["cohorts"] if c["month"] and not c["delivery"]]
    assert kept and new
    plan_text = normalise(docx_text(documents.render(djibouti, "docx", language="en")))
    assert "Courses under way or done, kept from an earlier version, are not listed" in plan_text
    brief = normalise(docx_text(documents.render(djibouti, "brief-docx", language="en")))
    first = min(c["month"] for c in new)
    assert f"for the courses of {Labels('en').month(first)}" in brief  # not a kept one's
