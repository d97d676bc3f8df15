"""A course planned again after an earlier round where none of the organisation's people
completed it, or it was cancelled, says why on the plan page (rounds_words.planned_again);
the documents listed it with its ratings alone, as if new to the organisation. Its evidence
in the annex and the workbook now opens on the page's sentence."""

from __future__ import annotations

import dataclasses
import io

import pytest
from openpyxl import load_workbook

from govcap.planning.core.inputs import CANCELLED
from govcap.reports.build import build_document
from govcap.reports.model import Bullets, Heading, Para
from govcap.reports.plan import render_plan
from tests.planning.test_course_not_completed import missed, plan_for
from tests.reports.helpers import catalogue, context, normalise

RAN = ("Ran in November 2025 (Kenya — baseline 2025): none of the 2 participants of National "
       "Treasury completed it; planned again.")


def evidence(data, language: str = "en") -> list[str]:
    """The bullets under National Treasury's CHG-101 in the annex."""
    ctx = dataclasses.replace(context(language), heatmap=[])
    annex = next(s for s in build_document(data, ctx, catalogue(language)).sections
                 if s.key == "annex")
    org = ""
    for block, after in zip(annex.blocks, annex.blocks[1:], strict=False):
        if isinstance(block, Heading) and block.level == 2:
            org = block.text
        if (org == "National Treasury" and isinstance(block, Para)
                and block.text.startswith("CHG-101") and isinstance(after, Bullets)):
            return [normalise(x) for x in after.items]
    raise AssertionError("no CHG-101 for National Treasury in the annex")


def test_the_annex_says_why_a_course_not_completed_is_planned_again():
    said = evidence(plan_for(missed("treasury", "CHG-101")))
    assert said[0] == RAN
    assert len(said) > 1  # the ratings that call for it follow


def test_a_cancelled_course_says_so_in_the_workbook_too():
    data = plan_for(missed("treasury", "CHG-101", CANCELLED))
    assert evidence(data)[0] == ("Cancelled in November 2025 (Kenya — baseline 2025) before "
                                 "National Treasury had it; planned again.")
    ctx = dataclasses.replace(context("en"), heatmap=[])
    book = load_workbook(io.BytesIO(render_plan(data, ctx, "xlsx", catalogue("en"))))
    cells = [normalise(str(c)) for r in book["Needs"].iter_rows(values_only=True) for c in r]
    assert any(c.startswith("Cancelled in November 2025 (Kenya — baseline 2025) before "
                            "National Treasury had it") for c in cells)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_said_in_the_documents_language(language):
    said = evidence(plan_for(missed("treasury", "CHG-101")), language)[0]
    assert "planned again" not in said and "Kenya — baseline 2025" in said
