"""A plan's and a brief's DOCX carry their own dates in their file properties: they said
Created and Modified 23 December 2013, 23:15, revision 1 — python-docx's template — so a
document system filed a 2026 plan under 2013. An approved version is dated by its approval
(the same bytes whenever it is downloaded), a draft by its last change; "last modified by"
names the approver, or whoever generated the draft; the revision is the plan's version."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from django.utils import timezone
from docx import Document

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import Plan
from govcap.planning.services import approve, generate
from govcap.reports import documents
from tests.planning.test_plan_models import validated

pytestmark = pytest.mark.django_db


def properties(plan, fmt: str = "docx"):
    return Document(io.BytesIO(documents.render(plan, fmt, None, "en"))).core_properties


def test_the_files_dates_are_the_plans_not_the_templates(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    world.admin.first_name, world.admin.last_name = "Grace", "Wanjiru"
    world.admin.save()
    world.coordinator.first_name, world.coordinator.last_name = "Amina", "Odhiambo"
    world.coordinator.save()
    draft = generate(world.engagement, world.admin)
    changed = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.UTC)
    Plan.objects.filter(pk=draft.pk).update(updated_at=changed)
    draft.refresh_from_db()
    for fmt in ("docx", "brief-docx"):
        props = properties(draft, fmt)
        assert props.created == props.modified == changed, fmt
        assert props.last_modified_by == "Grace Wanjiru" and props.revision == 1

    approved = approve(draft, world.coordinator)
    approved_at = dt.datetime(2026, 4, 30, 14, 5, tzinfo=dt.UTC)
    Plan.objects.filter(pk=approved.pk).update(approved_at=approved_at)
    approved.refresh_from_db()
    for fmt in ("docx", "brief-docx"):
        props = properties(approved, fmt)
        assert props.created == props.modified == approved_at, fmt
        assert props.last_modified_by == "Amina Odhiambo"
    second = generate(world.engagement, world.coordinator)
    assert properties(second).revision == second.version == 2
    assert properties(second).created.year == timezone.now().year  # its own, not 2013


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
def test_the_pdf_is_dated_as_the_docx(world, tmp_path):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    plan = approve(generate(world.engagement, world.coordinator), world.coordinator)
    Plan.objects.filter(pk=plan.pk).update(approved_at=dt.datetime(2026, 4, 30, 14, 5,
                                                                   tzinfo=dt.UTC))
    plan.refresh_from_db()
    for fmt in ("pdf", "brief-pdf"):
        path = tmp_path / f"{fmt}.pdf"
        path.write_bytes(documents.render(plan, fmt, None, "en"))
        info = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True,
                              text=True, check=True).stdout
        assert re.search(r"CreationDate:\s+2026-04-30T14:05:00", info), info
        assert re.search(r"ModDate:\s+2026-04-30T14:05:00", info), info
