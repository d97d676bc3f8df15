"""The names of downloaded plan documents: two downloads of a changed draft differ."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.text import slugify

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import Plan
from govcap.planning.services import approve, generate
from govcap.reports.documents import filename
from tests.planning.test_plan_models import validated

pytestmark = pytest.mark.django_db


def test_a_drafts_name_says_when_it_last_changed_and_an_approved_plan_does_not(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    plan = generate(world.engagement, world.coordinator)
    first = dt.datetime(2026, 12, 4, 9, 5, tzinfo=dt.UTC)
    Plan.objects.filter(pk=plan.pk).update(updated_at=first)
    plan.refresh_from_db()
    slug = world.engagement.slug
    stamp = f"{timezone.localtime(first):%Y%m%d-%H%M}"
    assert filename(plan, "docx") == f"plan-{slug}-v1-draft-{stamp}.docx"
    Plan.objects.filter(pk=plan.pk).update(updated_at=first + dt.timedelta(minutes=20))
    plan.refresh_from_db()
    assert filename(plan, "docx") != f"plan-{slug}-v1-draft-{stamp}.docx"
    approved = approve(plan, world.coordinator)
    assert filename(approved, "pdf") == f"plan-{slug}-v1.pdf"


def test_an_organisations_plan_is_named_after_the_organisation(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    approved = approve(generate(world.engagement, world.coordinator), world.coordinator)
    name = filename(approved, "pdf", str(world.ministry.uuid))
    assert name == f"plan-{world.engagement.slug}-v1-{slugify(world.ministry.name)}.pdf"
