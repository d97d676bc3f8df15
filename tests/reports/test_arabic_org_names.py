"""In the Arabic plan an English organisation name is held whole inside its sentence, the
sentence's full stop outside it: Somalia's summary (PDF p.2) set "Directorate." on its own
line with its full stop on the wrong side, the name's run taking the sentence's stop."""

from __future__ import annotations

import pytest
from django.utils import translation

from govcap.direction import LRM
from govcap.orgs.models import Engagement
from govcap.planning.models import Plan
from govcap.reports import documents
from govcap.reports.build import build_document
from govcap.reports.pdf import render_html
from tests.demo.helpers import demo_data


@pytest.mark.django_db
def test_arabic_summary_holds_each_organisation_name():
    demo_data()
    plan = (Plan.objects.filter(engagement=Engagement.objects.get(
        slug="somalia-baseline-2026")).order_by("-version").first())
    with translation.override("ar"):
        ctx = documents._context(plan, None, "ar")
    html = render_html(build_document(plan.plan_data(), ctx, plan.catalogue.parsed("ar")))
    waiting = [name for name, status in plan.plan_data().extra["coverage"] if status != "validated"]
    assert waiting
    for name in waiting:  # each name one left-to-right piece, nothing of the sentence in it
        assert f'<bdi dir="ltr">{LRM}{name}{LRM}</bdi>' in html, name
    most = "Ministry of Education, Culture and Higher Education"
    assert f'<bdi dir="ltr">{LRM}{most}{LRM}</bdi>' in html


@pytest.mark.django_db
def test_the_title_names_country_and_round_in_the_documents_language():
    """"خطة التدريب — Somalia — baseline 2026" mixed languages: the stored engagement name
    gives way to the country and the round in the document's language; the name stays on
    the cover."""
    demo_data()
    plan = (Plan.objects.filter(engagement=Engagement.objects.get(
        slug="somalia-baseline-2026")).order_by("-version").first())
    with translation.override("ar"):
        ctx = documents._context(plan, None, "ar")
    assert ctx.title.startswith("خطة التدريب — الصومال — "), ctx.title
    assert not any("a" <= ch.lower() <= "z" for ch in ctx.title), ctx.title
    # the engagement's own name, in Arabic (the name the coordinator gave for it)
    assert ctx.engagement == plan.engagement.name_in("ar") == "الصومال — خط الأساس 2026"
    with translation.override("fr"):
        ctx = documents._context(plan, None, "fr")
    assert ctx.title.startswith("Plan de formation — Somalie — "), ctx.title
