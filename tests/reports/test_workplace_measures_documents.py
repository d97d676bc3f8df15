"""A coaching or an on-the-job project is one per organisation, each with its own team
(core.cohorts). The documents' action table said "coaching at the workplace, 4 coaching days
with a coach, for 6 participants from 2 organisations", people summed across organisations,
where the plan page said each has its own coach: both now say it in the page's words."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import FROM_DELIVERY, PreviousCourse
from govcap.planning.wording import Namer, action_measure
from govcap.reports.build import build_document
from govcap.reports.model import Table
from govcap.scale import Level
from tests.planning.helpers import org_rows
from tests.reports.helpers import catalogue, context

ICT, SCHOOL = "org-a", "org-b"


def coached():
    """Two organisations still Basic on change management after its two courses."""
    rows = org_rows(ICT, {"change-management": Level.BASIC}, name="ICT Authority")
    rows += org_rows(SCHOOL, {"change-management": Level.BASIC}, name="School of Government")
    had = [PreviousCourse(org, code, "2025-05", "Testland baseline 2025", 0,
                          source=FROM_DELIVERY)
           for org in (ICT, SCHOOL) for code in ("CHG-101", "CHG-102")]
    return generate_plan(rows, catalogue("en"), Targets(), Constraints("2026-03"),
                         previous_courses=had)


def action_row(data, language: str, org: str | None = None) -> str:
    ctx = dataclasses.replace(context(language, org), heatmap=[])
    doc = build_document(data, ctx, catalogue(language))
    table = next(b for s in doc.sections if s.key == "actions" for b in s.blocks
                 if isinstance(b, Table))
    return next(str(r[0]) for r in table.rows if "CHG-901" in str(r[0]))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_documents_say_each_organisation_has_its_own_coach_as_the_page(language):
    data = coached()
    runs = [c for c in data.cohorts if c.module_code == "CHG-901"]
    assert len(runs) == 2 and all(len(c.org_ids) == 1 for c in runs)
    (row,) = [a for a in data.actions if a.module_code == "CHG-901"]
    with translation.override(language):
        page = action_measure(row, data, Namer(catalogue(language), data))
    said = action_row(data, language)
    assert said.split(": ", 1)[1] == page.split(": ", 1)[1]
    if language == "en":
        assert said.endswith(": coaching at the workplace for 2 organisations, each with its "
                             "own coach for 4 days; a team of 3 participants each (at most 4)")
        assert "6 participants" not in said


def test_one_organisations_plan_says_its_own_team():
    said = action_row(coached(), "en", SCHOOL)
    assert said.endswith(": coaching at the workplace for 1 organisation, with a coach for "
                         "4 days; a team of 3 participants (at most 4)")
