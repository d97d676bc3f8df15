"""The minister's brief names the country as its language says it after "of": French with
the country's article ("compétences numériques du Kenya", not "de Kenya")."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import translation

from govcap.orgs.names import country_of
from govcap.reports.brief import build_brief
from tests.reports.helpers import catalogue, context, plan


@pytest.mark.parametrize(("code", "name", "expected"), [
    ("KE", "Kenya", "du Kenya"), ("DJ", "Djibouti", "de Djibouti"),
    ("SO", "Somalia", "de la Somalie"), ("KM", "Comoros", "des Comores"),
    ("DZ", "Algeria", "de l’Algérie")])
def test_french_says_of_a_country_with_its_article(code, name, expected):
    assert country_of(code, name, "fr") == expected


def test_english_says_of_a_country():
    with translation.override("en"):
        assert country_of("KE", "Kenya") == "of Kenya"


@pytest.mark.parametrize("code", ["KE", "SO"])
def test_the_french_brief_title_has_the_countrys_article(code):
    name = {"KE": "Kenya", "SO": "Somalia"}[code]
    ctx = dataclasses.replace(context("fr"), country=country_of(code, name, "en")[3:],
                              country_of=country_of(code, name, "fr"))
    with translation.override("fr"):
        doc = build_brief(plan(), ctx, catalogue("fr"))
    expected = {"KE": "numériques du Kenya", "SO": "numériques de la Somalie"}[code]
    assert doc.title.endswith(expected.split(" ", 1)[1])
    assert " de Kenya" not in doc.title and " de Somalia" not in doc.title
    assert doc.title in doc.footer
