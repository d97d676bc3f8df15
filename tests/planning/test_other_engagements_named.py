"""Another engagement a plan names — the earlier round whose courses a follow-on replaces,
another plan whose cohort has places — in the reader's language (issue 15). The plan keeps
the stored name (its inputs and checksum); the page and the documents give that
engagement's name in their language, and a name no engagement holds stays as stored."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import translation

from govcap.orgs.models import Country, Engagement
from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import OpenCohort, PreviousCourse
from govcap.planning.rounds_words import alternatives, engagement_names, follow_on
from govcap.planning.wording import Namer
from govcap.reports.build import build_document
from govcap.reports.model import Bullets, Para, Table
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, everyone, org_rows
from tests.reports.helpers import catalogue, context

BASELINE = "Kenya — baseline 2025"
ARABIC = "كينيا — خط الأساس 2025"
FRENCH = "Kenya — état initial 2025"
SOMALIA = "Somalia — baseline 2026"


@pytest.fixture
def named(db, instrument):
    kenya = Country.objects.create(code="KE", name="Kenya")
    somalia = Country.objects.create(code="SO", name="Somalia")
    Engagement.objects.create(
        country=kenya, name=BASELINE, names={"ar": ARABIC, "fr": FRENCH}, instrument=instrument
    )
    Engagement.objects.create(
        country=somalia, name=SOMALIA, names={"fr": "Somalie — 2026"}, instrument=instrument
    )


def follow_on_plan():
    rows = org_rows("ict", {"change-management": Level.BASIC}, name="ICT Authority")
    rows += everyone(3, {"change-management": Level.BASIC})
    return generate_plan(
        rows,
        CATALOGUE,
        Targets(),
        Constraints(start_month="2026-03"),
        previous_courses=[PreviousCourse("ict", "CHG-101", "2025-05", BASELINE, 0)],
    )


def lone_plan():
    rows = org_rows("ksg", {"project-execution": Level.BASIC}, name="KSG")
    spare = (OpenCohort(SOMALIA, "Somalia", "PRJ-101", "en", "2026-05", 9),)
    return generate_plan(
        rows, CATALOGUE, Targets(), Constraints(start_month="2026-03"), open_cohorts=spare
    )


def test_each_engagement_is_named_in_the_language_asked(named) -> None:
    assert engagement_names("ar")[BASELINE] == ARABIC
    assert engagement_names("fr")[BASELINE] == FRENCH
    assert engagement_names("sw")[BASELINE] == BASELINE  # no Swahili name: as stored


def test_the_page_names_the_earlier_round_and_the_other_plan_in_the_readers_language(
    named,
) -> None:
    plan = follow_on_plan()
    need = next(n for n in plan.needs if n.org_id == "ict" and n.follows)
    assert need.follows[0].engagement_name == BASELINE  # the plan keeps the stored name
    with translation.override("ar"):
        said = follow_on(need, Namer(CATALOGUE, plan))
    assert ARABIC in said and BASELINE not in said
    with translation.override("en"):
        assert BASELINE in follow_on(need, Namer(CATALOGUE, plan))
    lone = lone_plan()
    unfit = next(u for u in lone.unfit if u.module_code == "PRJ-101")
    with translation.override("fr"):
        joined = alternatives(unfit, lone, Namer(CATALOGUE, lone))[0]
    assert "Somalie — 2026" in joined and SOMALIA not in joined


def texts(doc) -> str:
    out = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out += list(block.items)
            elif isinstance(block, Table):
                out += [str(cell) for row in block.rows for cell in row]
    return "\n".join(out)


def test_a_document_names_them_in_its_own_language(named) -> None:
    ctx = dataclasses.replace(context("fr"), engagement_names=engagement_names("fr"))
    text = texts(build_document(follow_on_plan(), ctx, catalogue("fr")))
    assert FRENCH in text and BASELINE not in text
