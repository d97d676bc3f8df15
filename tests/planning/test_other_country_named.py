"""The country of another engagement's cohort with places free ("Join the course of
Somalia — baseline 2026 (Somalia)") is stored by its code when the plan is made and named
in the reader's language when read: a plan made by an English-speaking coordinator said
"(Somalia)" to its French and Arabic readers, and one made in French "(Somalie)" to all."""

from __future__ import annotations

import dataclasses

from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import OpenCohort
from govcap.planning.rounds_words import alternatives, country_label, engagement_names
from govcap.planning.wording import Namer
from govcap.reports.build import build_document
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.planning.test_other_engagements_named import texts
from tests.reports.helpers import catalogue, context

SOMALIA = "Somalia — baseline 2026"


def lone_plan(country: str):
    rows = org_rows("ksg", {"project-execution": Level.BASIC}, name="KSG")
    spare = (OpenCohort(SOMALIA, country, "PRJ-101", "en", "2026-05", 9),)
    return generate_plan(rows, CATALOGUE, Targets(), Constraints(start_month="2026-03"),
                         open_cohorts=spare)


def join_words(plan, language: str) -> str:
    unfit = next(u for u in plan.unfit if u.module_code == "PRJ-101")
    with translation.override(language):
        said = alternatives(unfit, plan, Namer(CATALOGUE, plan))[0]
    return said.replace("\u2068", "").replace("\u2069", "")  # isolates set aside


def test_the_country_is_named_in_the_readers_language(db) -> None:
    plan = lone_plan("SO")
    (alternative,) = [a for u in plan.unfit for a in u.alternatives if a.kind == "join-cohort"]
    assert alternative.country == "SO"  # the plan keeps the code
    assert "(Somalia)" in join_words(plan, "en")
    assert "(Somalie)" in join_words(plan, "fr")
    assert "(الصومال)" in join_words(plan, "ar")
    assert "SO" not in join_words(plan, "fr").replace("SOM", "")


def test_a_name_stored_before_stays_as_it_is() -> None:
    assert country_label("Somalie", "en") == "Somalie"
    assert country_label("SO", "fr") == "Somalie"


def test_a_document_names_the_country_in_its_own_language(db) -> None:
    ctx = dataclasses.replace(context("fr"), engagement_names=engagement_names("fr"))
    text = texts(build_document(lone_plan("SO"), ctx, catalogue("fr")))
    assert "Somalie" in text and "(SO)" not in text
