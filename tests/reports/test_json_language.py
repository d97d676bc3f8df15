"""The plan's "Data (JSON)" download follows the document language asked for (issue 15):
the French and Arabic JSON kept the generator's English sentences — the action's measure and
responsibility, each rationale, the indicators, the evaluation methods and why a course was
not placed — while the codes and keys a program reads stay as stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from tests.planning.test_plan_models import validated

pytestmark = pytest.mark.django_db

TEXTS = (
    ("actions", "measure"),
    ("actions", "responsibility"),
    ("gaps", "rationale"),
    ("indicators", "indicator"),
    ("unfit", "message"),
)


@pytest.fixture
def plan(world):
    """Two organisations; the ministry's change-management courses find too few people."""
    ensure_default_catalogue()
    validated(
        world,
        world.ministry,
        dt.date(2026, 3, 1),
        {"enterprise-architecture": "basic", "change-management": "basic"},
    )
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    services.generate(world.engagement, world.coordinator)
    return services.latest_plan(world.engagement)


def download(client, world, plan, language, org=""):
    client.force_login(world.coordinator)
    response = client.get(
        reverse("plan-download", args=[world.engagement.slug, "json"]),
        {"v": plan.version, "lang": language, **({"org": org} if org else {})},
    )
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_sentence_of_the_json_is_in_the_language_asked(client, world, plan, language):
    english, asked = plan.data, download(client, world, plan, language)
    assert english["unfit"], "the fixture leaves a course unplaced"
    for part, key in TEXTS:
        for before, after in zip(english[part], asked[part], strict=True):
            assert after[key] and after[key] != before[key], (part, key, after[key])
    for before, after in zip(english["needs"], asked["needs"], strict=True):
        assert not set(before["rationale"]) & set(after["rationale"]), after["rationale"]
    methods = [lvl["method"] for e in asked["evaluations"] for lvl in e["levels"]]
    stored = {lvl["method"] for e in english["evaluations"] for lvl in e["levels"]}
    assert methods and not stored & set(methods)
    text = json.dumps(asked, ensure_ascii=False)
    for english_word in (
        "participant(s)",
        "rated Basic",
        "Consensus level",
        "Engagement coordinator",
        "End-of-course survey",
        "the module needs",
    ):
        assert english_word not in text, english_word
    # the codes and keys stay: a program reads the French JSON as the English one
    assert [n["status"] for n in asked["needs"]] == [n["status"] for n in english["needs"]]
    assert [u["reason"] for u in asked["unfit"]] == [u["reason"] for u in english["unfit"]]
    assert asked.keys() == english.keys()


def test_the_french_json_of_one_organisation_is_french_too(client, world, plan):
    data = download(client, world, plan, "fr", str(world.ministry.uuid))
    assert data["unfit"] and all("participant(s)" not in u["message"] for u in data["unfit"])
    assert all(
        a["responsibility"].startswith("Coordonn") or "Engagement" not in a["responsibility"]
        for a in data["actions"]
    )


def test_the_english_json_is_the_stored_data_byte_for_byte(client, world, plan):
    client.force_login(world.coordinator)
    response = client.get(
        reverse("plan-download", args=[world.engagement.slug, "json"]),
        {"v": plan.version, "lang": "en"},
    )
    assert response.content == plan.data_json.encode()
