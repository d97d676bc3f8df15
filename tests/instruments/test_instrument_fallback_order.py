"""Which words an instrument string shows in (issue 15): its language layer, else the
interface's own catalogue where it translates the word, else English marked as English.
A French layer lacking the level names showed "Moderate" on a French page although the
interface says "Modéré" everywhere else; a title neither translates stays English, with
lang="en" for screen readers and the bidi algorithm."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.utils import translation

from govcap.assessments.texts import instrument_in
from govcap.instruments import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(world: Any):
    """The French layer without the level names and section 1's title."""
    row = world.session.instrument
    services.ensure_default_instrument()
    french = row.translations.get(language="fr")
    strings = {
        k: v
        for k, v in french.document["strings"].items()
        if k not in {"level.moderate", "level.high", "s1.title"}
    }
    french.document = {**french.document, "strings": strings}
    french.checksum = "without-some"  # instrument_in's cache is keyed by it
    french.save()
    return row


@pytest.mark.parametrize("read", [services.localised, instrument_in])
def test_a_string_the_layer_lacks_comes_from_the_catalogue_then_english(row, read):
    fr = read(row, "fr")
    with translation.override("fr"):
        modere = translation.gettext("Moderate")
    assert modere != "Moderate"
    moderate = fr.level_names["moderate"]
    assert moderate == modere and not moderate.fallback and moderate.lang == "fr"
    title = fr.sections[0].title
    assert title == row.parsed.sections[0].title and title.fallback and title.lang == "en"
    assert fr.level_names["basic"] == "De base"  # the layer's own, where it has one


def test_english_on_a_french_page_is_marked_english(row):
    title = services.localised(row, "fr").sections[0].title
    with translation.override("fr"):
        html = Template("{% load govcap %}{{ title|t }}").render(Context({"title": title}))
    assert f'<span class="fallback" lang="en" dir="ltr">{title}</span>' in html
