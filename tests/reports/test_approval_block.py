"""An approved plan's documents say who approved it, in which role and when, and leave
lines for the ministry and the funder to sign; a draft says it is not approved. The cover
said only "Status: Approved" and a date: a minister or a donor could not tell who had
approved it, nor sign it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import approve, generate
from govcap.reports import documents
from tests.planning.test_plan_models import validated
from tests.reports.test_docx import docx_text

pytestmark = pytest.mark.django_db


def cover(plan, language: str = "en") -> str:
    with translation.override(language):
        body = documents.render(plan, "docx", None, language)
    return docx_text(body)


def test_an_approved_plan_names_who_approved_it_and_leaves_lines_to_sign(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    world.coordinator.first_name, world.coordinator.last_name = "Amina", "Odhiambo"
    world.coordinator.save()
    plan = approve(generate(world.engagement, world.coordinator), world.coordinator)
    text = cover(plan)
    day = f"{plan.approved_at.day} {plan.approved_at:%B %Y}"
    assert f"Approved by Amina Odhiambo (coordination), on {day}" in text, text
    assert "Signatures" in text
    assert "For the ministry (director of human resources or training)" in text
    assert "For the funder" in text and text.count("Signature: ") == 2
    assert "not approved" not in text


def test_an_approver_without_a_name_is_named_by_username_in_the_documents_language(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    plan = approve(generate(world.engagement, world.coordinator), world.coordinator)
    role = documents._approver(plan, "fr")
    assert role[0] == "coordinator"
    with translation.override("fr"):
        assert role[1] == documents.approver_function("coordinator")


def test_a_draft_says_it_is_not_approved_and_has_no_lines_to_sign(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    plan = generate(world.engagement, world.coordinator)
    text = cover(plan)
    assert "Approval Draft — not approved" in text, text
    assert "Approved by" not in text and "Signatures" not in text
