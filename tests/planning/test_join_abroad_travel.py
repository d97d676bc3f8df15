"""Joining another country's cohort says its travel is not included only for a course one
travels to: POL-103, delivered online, said "travel to Somalia is not included" (issue 14,
fresh eyes)."""

from __future__ import annotations

import pytest
from django.utils import translation

from govcap.planning import load_catalogue
from govcap.planning.core.plan import Alternative
from govcap.planning.rounds_words import alternative
from govcap.planning.wording import Namer

pytestmark = pytest.mark.django_db


def _line(module_code: str) -> str:
    join = Alternative("join-cohort", module_code, cost_cents=120_000,
                       engagement_name="Somalia — baseline 2026", country="SO",
                       month="2027-03", places_free=4)
    with translation.override("en"):
        return alternative(join, None, "USD", Namer(load_catalogue()), "KE 2026.1")


def test_an_online_course_abroad_has_no_travel_to_leave_out():
    assert load_catalogue().by_code["POL-103"].delivery == "online"
    line = _line("POL-103")
    assert line.startswith("Join the course of ")
    assert "travel" not in line


def test_an_in_person_course_abroad_says_its_travel_is_not_included():
    assert load_catalogue().by_code["POL-102"].delivery == "in-person"
    assert "travel to Somalia is not included" in _line("POL-102")
