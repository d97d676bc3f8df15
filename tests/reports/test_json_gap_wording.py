"""The plan's indicator sets its section apart, and the JSON's gaps say their level as the
plan page does (issue 15, fresh eyes): French "Niveau retenu sur 8. Utiliser un cadre… à la
réévaluation" ran the section title into the sentence, and gaps[].rationale kept the
documents' older "Niveau « De base » sur …" where the page says "Niveau de base pour « … »"."""

from __future__ import annotations

import pytest
from django.utils import translation

from govcap.planning import wording
from tests.reports.test_json_language import download, plan  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_the_indicator_quotes_its_section(plan):  # noqa: F811
    indicator = plan.plan_data().indicators[0]
    with translation.override("en"):
        said = wording.indicator_words(indicator, "8. Using a framework")
    assert "on “8. Using a framework” at reassessment" in said, said


def test_the_json_says_a_gap_as_the_plan_page_does(client, world, plan):  # noqa: F811
    french = download(client, world, plan, "fr")
    for gap in french["gaps"]:
        assert "Niveau «" not in gap["rationale"], gap["rationale"]
        assert "pour «" in gap["rationale"] and "niveau cible" in gap["rationale"], gap


def test_the_french_indicator_sets_its_section_apart(client, world, plan):  # noqa: F811
    french = download(client, world, plan, "fr")
    for row in french["indicators"]:
        assert "Niveau retenu sur «\u00a0" in row["indicator"], row["indicator"]
        assert "Consensus level" not in row["indicator"], row["indicator"]
