"""The default catalogue's content, its validation and its translation layer."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from govcap.planning import (
    CatalogueError,
    catalogue_document,
    load_catalogue,
    load_translation,
    missing_translations,
    parse_catalogue,
    translate_catalogue,
)
from govcap.planning.core.catalogue import DEFAULT_CATALOGUE, STEPS, parse_translation
from govcap.scale import DOMAINS, SECTION_KEYS

FRENCH = DEFAULT_CATALOGUE.parent / "translations" / "catalogue-1.1.fr.yaml"


def raw() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_CATALOGUE.read_text(encoding="utf-8"))


def errors_of(document: Any) -> tuple[str, ...]:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(document, source="test.yaml")
    return info.value.errors


def test_it_ships_at_least_two_modules_per_domain_and_step() -> None:
    catalogue = load_catalogue()
    counts = Counter((m.domain, m.step) for m in catalogue.modules)
    for domain in DOMAINS:
        for step in STEPS:
            assert counts[(domain, step)] >= 2, (domain, step)


def test_it_covers_every_section_at_every_step() -> None:
    catalogue = load_catalogue()
    gaps = [(s, step) for s in SECTION_KEYS for step in STEPS
            if (s, step) not in catalogue.for_section_step]
    assert gaps == []
    assert {s for m in catalogue.modules for s in m.sections} == set(SECTION_KEYS)


def test_its_modules_are_complete_enough_to_teach_from() -> None:
    catalogue = load_catalogue()
    placeholder = re.compile(r"\b(TODO|TBD|lorem|ipsum|xxx|placeholder)\b", re.I)
    for m in catalogue.modules:
        assert len(m.objectives) >= 3, m.code
        assert len(set(m.objectives)) == len(m.objectives), m.code
        assert m.audience and m.competences and m.follow_up and m.summary, m.code
        assert m.days >= 1 and m.cost_per_participant_day > 0 and m.cost_per_cohort > 0
        assert 1 <= m.min_cohort <= m.max_cohort
        for text in (m.title, m.summary, m.follow_up, *m.objectives):
            assert not placeholder.search(text), (m.code, text)
        for objective in m.objectives:
            assert len(objective.split()) >= 8, (m.code, objective)


def test_it_tags_modules_with_the_competences_and_personas_programmes_use() -> None:
    catalogue = load_catalogue()
    used = {c for m in catalogue.modules for c in m.competences}
    assert {"E.2", "E.7", "A.2", "A.5", "D.3"} <= used
    personas = {p for m in catalogue.modules for p in m.audience}
    assert {"leader", "cio-cto", "project-manager", "architect", "service-designer",
            "change-capacity", "policy-maker", "finance"} <= personas
    assert {m.delivery for m in catalogue.modules} == {"in-person", "online", "blended"}


def test_it_orders_modules_after_their_prerequisites_and_lower_steps() -> None:
    catalogue = load_catalogue()
    position = {code: i for i, code in enumerate(catalogue.order)}
    for m in catalogue.modules:
        for p in catalogue.predecessors[m.code]:
            assert position[p] < position[m.code]
    assert "EA-101" in catalogue.predecessors["EA-202"]  # lower step, same section
    assert "AGL-101" in catalogue.predecessors["PRJ-202"]  # explicit, across domains


def test_it_names_the_place_of_a_missing_objective() -> None:
    doc = raw()
    doc["modules"][4]["objectives"] = doc["modules"][4]["objectives"][:2]
    assert "modules[4].objectives: at least 3 objectives required" in errors_of(doc)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["modules"][0].pop("title"), "modules[0].title: required field missing"),
    (lambda d: d["modules"][1].update(colour="red"), "modules[1].colour: unknown field"),
    (lambda d: d["modules"][2].update(step="high-higher"),
     "modules[2].step: 'high-higher' is not one of: basic-moderate, moderate-high, "
     "sustain-high"),
    (lambda d: d["modules"][3].update(sections=["hr"]),
     "modules[3].sections[0]: 'hr' is not one of"),
    (lambda d: d["modules"][5].update(days="three"),
     "modules[5].days: expected a whole number, got a text"),
    (lambda d: d["modules"][6].update(code="ea101"), "modules[6].code: 'ea101' is not a code"),
    (lambda d: d["modules"][7]["cohort"].update(min=30),
     "modules[7].cohort: min 30 is above max"),
    (lambda d: d["modules"][8].update(audience=["astronaut"]),
     "modules[8].audience[0]: unknown persona 'astronaut'"),
    (lambda d: d["modules"][9].update(competences=["Z.9"]),
     "modules[9].competences[0]: unknown competence 'Z.9'"),
    (lambda d: d["modules"][10].update(prerequisites=["ZZ-999"]),
     "modules[10].prerequisites[0]: unknown module 'ZZ-999'"),
    (lambda d: d["modules"][11].update(code=d["modules"][0]["code"]),
     "modules[11].code: 'DST-101' repeats modules[0]"),
    (lambda d: d["modules"][12].update(sections=["enterprise-architecture"]),
     "modules[12].sections[0]: section 'enterprise-architecture' belongs to domain"),
    (lambda d: d["modules"][13]["cost"].update(per_cohort=10.005),
     "modules[13].cost.per_cohort: at most two decimals"),
    (lambda d: d["modules"][13]["cost"].update(per_cohort=float("inf")),
     "modules[13].cost.per_cohort: inf is not an amount"),
    (lambda d: d["modules"][14]["cost"].update(per_participant_day=float("nan")),
     "modules[14].cost.per_participant_day: nan is not an amount"),
    (lambda d: d.update(version=1.0), "version: expected a text, got a number"),
])
def test_it_explains_each_kind_of_mistake(change: Any, expected: str) -> None:
    doc = raw()
    change(doc)
    assert any(e.startswith(expected) for e in errors_of(doc)), errors_of(doc)


def test_it_refuses_prerequisite_cycles_and_backward_steps() -> None:
    doc = raw()
    codes = {m["code"]: m for m in doc["modules"]}
    codes["DST-101"]["prerequisites"] = ["DST-201"]
    assert any("is a later level step on the same section" in e for e in errors_of(doc))
    doc = raw()
    codes = {m["code"]: m for m in doc["modules"]}
    codes["DST-101"]["prerequisites"] = ["DST-102"]
    codes["DST-102"]["prerequisites"] = ["DST-101"]
    assert any("prerequisites form a cycle" in e for e in errors_of(doc))


def test_it_reports_every_problem_at_once() -> None:
    doc = copy.deepcopy(raw())
    doc["modules"][0]["objectives"] = []
    doc["modules"][1]["delivery"] = "carrier pigeon"
    assert len(errors_of(doc)) == 2


def test_it_names_the_line_of_broken_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("catalogue: x\nmodules: [\n  - code: A\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert info.value.source == str(path)
    assert re.match(r"line \d+, column \d+: not valid YAML", info.value.errors[0])


def test_it_ships_french_titles_and_objectives_for_every_module() -> None:
    catalogue = load_catalogue()
    layer = load_translation(FRENCH)
    assert missing_translations(catalogue, layer) == []
    french = load_catalogue(language="fr")
    assert french.translated_to == "fr"
    for en, fr in zip(catalogue.modules, french.modules, strict=True):
        assert fr.code == en.code and fr.cost_per_cohort == en.cost_per_cohort
        assert fr.title != en.title and len(fr.objectives) == len(en.objectives)
        assert all(a != b for a, b in zip(fr.objectives, en.objectives, strict=True))
    assert french.module("EA-101").title.startswith("Fondamentaux de l’architecture")
    assert french.personas["leader"] == "Dirigeants et cadres supérieurs"


def test_a_partial_translation_falls_back_to_the_source_text() -> None:
    catalogue = load_catalogue()
    layer = parse_translation({"catalogue": "govcap-default", "version": "1.1",
                               "language": "so",
                               "modules": {"EA-101": {"title": "Aasaaska qaab-dhismeedka"}}})
    translated = translate_catalogue(catalogue, layer)
    assert translated.module("EA-101").title == "Aasaaska qaab-dhismeedka"
    assert translated.module("EA-101").objectives == catalogue.module("EA-101").objectives
    assert "EA-101.objectives" in missing_translations(catalogue, layer)
    assert "EA-101.title" not in missing_translations(catalogue, layer)


def test_it_refuses_a_translation_that_does_not_match_the_catalogue() -> None:
    catalogue = load_catalogue()
    layer = parse_translation({"catalogue": "govcap-default", "version": "1.1",
                               "language": "fr", "modules": {
                                   "EA-101": {"objectives": ["Un seul objectif."]},
                                   "ZZ-999": {"title": "Inconnu"}}})
    with pytest.raises(CatalogueError) as info:
        translate_catalogue(catalogue, layer)
    assert "modules.EA-101.objectives: 4 objectives expected, found 1" in info.value.errors
    assert "modules.ZZ-999: not a module of the catalogue" in info.value.errors


def test_a_catalogue_round_trips_through_its_document_for_editing() -> None:
    catalogue = load_catalogue()
    document = catalogue_document(catalogue)
    assert parse_catalogue(document) == catalogue
    document["modules"][0]["objectives"].append("Explain the ecosystem map to a new colleague "
                                                "in under ten minutes.")
    edited = parse_catalogue(document)
    assert len(edited.module("DST-101").objectives) == 5
