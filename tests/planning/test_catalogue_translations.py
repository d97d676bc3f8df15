"""The catalogue's Arabic and Swahili layers: complete, valid, loaded like the French one,
and what an Arabic or Swahili plan shows."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import yaml
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from docx import Document as read_docx

from govcap.planning import load_catalogue, load_translation, missing_translations
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.catalogue import DEFAULT_CATALOGUE, translation_errors
from govcap.planning.services import generate
from govcap.reports import documents
from tests.planning.test_plan_models import validated

LAYERS = DEFAULT_CATALOGUE.parent / "translations"
NEW = ("ar", "sw")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def layer_file(language: str):
    return LAYERS / f"{DEFAULT_CATALOGUE.stem}.{language}.yaml"


def raw(language: str) -> dict:
    return yaml.safe_load(layer_file(language).read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", NEW)
def test_the_layer_is_valid_and_leaves_nothing_in_english(language: str) -> None:
    catalogue = load_catalogue()
    layer = load_translation(layer_file(language))
    assert (layer.key, layer.version, layer.language) == (
        catalogue.key,
        catalogue.version,
        language,
    )
    assert translation_errors(catalogue, layer) == []
    assert missing_translations(catalogue, layer) == []
    translated = load_catalogue(language=language)
    assert translated.translated_to == language
    for en, other in zip(
        catalogue.modules + catalogue.interventions,
        translated.modules + translated.interventions,
        strict=True,
    ):
        assert other.code == en.code and other.days == en.days
        assert other.title != en.title and other.summary != en.summary, en.code
        assert len(other.objectives) == len(en.objectives)
        assert all(a != b for a, b in zip(other.objectives, en.objectives, strict=True)), en.code
        assert other.follow_up != en.follow_up or not en.follow_up, en.code
    assert all(translated.personas[p] != catalogue.personas[p] for p in catalogue.personas)


@pytest.mark.parametrize("language", NEW)
def test_the_layer_translates_every_field_the_french_one_does(language: str) -> None:
    french, other = raw("fr"), raw(language)
    assert other["personas"].keys() == french["personas"].keys()
    assert other["modules"].keys() == french["modules"].keys()
    for code, fields in french["modules"].items():
        assert other["modules"][code].keys() == fields.keys(), code


def test_arabic_texts_are_in_arabic_script_with_codes_and_names_in_latin() -> None:
    arabic = load_catalogue(language="ar")
    for m in arabic.modules + arabic.interventions:
        for text in (m.title, m.summary, *m.objectives, m.follow_up or "ب"):
            assert ARABIC_LETTER.search(text), (m.code, text)
    assert "GovStack" in arabic.module("EA-202").title
    assert "Kotter" in arabic.module("CHG-101").summary
    assert arabic.module("EA-101").title == "أساسيات البنية المؤسسية في الحكومة"


@pytest.mark.parametrize("language", NEW)
def test_the_catalogue_uses_the_interfaces_words(language: str) -> None:
    """An intervention's title starts from the word the plan's pages and documents use for
    its kind, and the domain names read as the interface names them."""
    kinds = {
        "coaching": "Coaching",
        "e-learning": "E-learning",
        "training-of-trainers": "Training of trainers",
        "on-the-job": "On-the-job project",
    }
    translated = load_catalogue(language=language)
    with translation.override(language):
        words = {kind: gettext(msgid) for kind, msgid in kinds.items()}
        domains = {
            code: gettext(msgid)
            for code, msgid in [
                ("EA-101", "Enterprise Architecture"),
                ("CHG-101", "Change Management"),
            ]
        }
    assert all(words[k] != msgid for k, msgid in kinds.items())  # the interface says them
    for m in translated.interventions:
        assert m.title.casefold().startswith(words[m.kind].casefold()), m.code
    for code, name in domains.items():
        assert name.casefold() in translated.module(code).title.casefold(), code


def test_every_packaged_layer_is_named_after_its_language() -> None:
    for path in LAYERS.glob(f"{DEFAULT_CATALOGUE.stem}.*.yaml"):
        assert path.name == f"{DEFAULT_CATALOGUE.stem}.{raw_language(path)}.yaml"


def raw_language(path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["language"]


@pytest.mark.django_db
def test_the_packaged_catalogue_is_stored_with_its_arabic_and_swahili_layers() -> None:
    row = ensure_default_catalogue()
    assert set(row.translations.values_list("language", flat=True)) >= {"fr", "ar", "sw"}
    assert (
        row.parsed("ar").module("EA-101").title
        == load_catalogue(language="ar").module("EA-101").title
    )
    assert row.parsed("sw").personas["policy-maker"] == "Watunga sera"


@pytest.mark.django_db
def test_a_database_that_stored_the_catalogue_before_the_new_layers_gets_them() -> None:
    row = ensure_default_catalogue()
    french = row.translations.get(language="fr")
    row.translations.filter(language__in=NEW).delete()  # as stored by an earlier release
    assert ensure_default_catalogue().pk == row.pk  # no new version
    assert set(row.translations.values_list("language", flat=True)) == {"fr", *NEW}
    assert row.translations.get(language="fr").pk == french.pk  # a stored layer is kept
    assert row.parsed("ar").module("DST-101").title == "التفكير المنظومي في خدمة الحكومة الرقمية"


@pytest.fixture
def planned(world):
    ensure_default_catalogue()
    for org in (world.ministry, world.agency):  # two, so that a cohort fills
        validated(
            world,
            org,
            dt.date(2026, 3, 1),
            {"enterprise-architecture": "basic", "change-management": "basic"},
        )
    world.plan = generate(world.engagement, world.coordinator)
    return world


def docx_text(data: bytes) -> str:
    word = read_docx(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("language", NEW)
def test_a_plan_document_shows_the_modules_in_its_language(planned, language: str) -> None:
    english = load_catalogue()
    translated = load_catalogue(language=language)
    assert "EA-101" in {c.module_code for c in planned.plan.plan_data().cohorts}
    text = docx_text(documents.render(planned.plan, "docx", language=language))
    assert translated.module("EA-101").title in text
    assert english.module("EA-101").title not in text
    assert translated.module("EA-101").objectives[0] in text


def test_the_plan_page_of_an_arabic_engagement_shows_arabic_module_titles(client, planned):
    planned.engagement.language = "ar"
    planned.engagement.save(update_fields=["language"])
    client.force_login(planned.viewer)
    url = reverse("plan", args=[planned.engagement.slug])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    arabic, english = load_catalogue(language="ar"), load_catalogue()
    assert arabic.module("EA-101").title in page
    assert english.module("EA-101").title not in page
    # the page speaks its reader's language: read in English, the titles are English
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert english.module("EA-101").title in page
    assert arabic.module("EA-101").title not in page
