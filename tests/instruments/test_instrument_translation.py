"""The French layer is complete, and a localised instrument falls back per string, marked."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from govcap.instruments.document import (
    Instrument,
    Text,
    load_translation_file,
    localise,
)
from govcap.instruments.schema import InstrumentError, placeholders, validate_translation

from .conftest import FRENCH_FILE

# Strings that are the same word in both languages.
SAME_IN_FRENCH = {"column.section"}


def test_french_covers_every_id(parsed: Instrument, french: dict[str, Any]) -> None:
    english = parsed.texts()
    assert french["instrument"] == parsed.key and french["version"] == parsed.version
    assert set(french["strings"]) == set(english)
    assert all(v.strip() for v in french["strings"].values())
    validate_translation(french, dict(english))
    assert load_translation_file(FRENCH_FILE, parsed) == french


def test_french_is_a_translation(parsed: Instrument, french: dict[str, Any]) -> None:
    english = parsed.texts()
    copied = {k for k, v in french["strings"].items() if v == english[k]}
    assert copied == SAME_IN_FRENCH
    fr = french["strings"]
    assert placeholders(fr["intro"]) == {"project"}
    assert fr["level.high"] == "Élevé"
    assert fr["s4.high.1"].endswith("qui\u00a0:") and len(fr["s4.high.1.item.3"]) > 20
    assert "ne peut pas garantir" in fr["instr.confidentiality"]


def test_localise_without_translation_is_the_source(parsed: Instrument) -> None:
    assert localise(parsed, None) is parsed
    assert parsed.fallbacks() == ()


def test_localise_falls_back_per_string_with_a_marker(
    parsed: Instrument, french: dict[str, Any]
) -> None:
    missing = {"s8.high.1", "s4.high.1.item.2", "s3.q.2", "intro", "instr.consent.title",
               "domain.agile"}
    for tid in missing:
        del french["strings"][tid]
    fr = localise(parsed, french)
    assert fr.language == "fr" and fr.source_language == "en"
    assert set(fr.fallbacks()) == missing

    s8 = fr.section("enterprise-architecture")
    assert s8 is not None
    (high,) = s8.benchmarks["high"]
    assert high.text == parsed.sections[7].benchmarks["high"][0].text
    assert high.text.fallback and high.text.lang == "en"
    assert s8.benchmarks["moderate"][0].text.startswith("Il existe un cadre")
    assert not s8.benchmarks["moderate"][0].text.fallback
    assert s8.benchmarks["moderate"][0].text.lang == "fr"

    s4 = fr.section("change-management")
    assert s4 is not None
    items = s4.benchmarks["high"][0].items
    assert [i.text.fallback for i in items] == [False, True, False]

    # the domain is shared by sections, and falls back wherever it appears
    assert fr.sections[1].domain_title.fallback
    assert not fr.sections[2].domain_title.fallback

    intro = fr.introduction_for("IDGC HoA")
    assert intro.fallback and "IDGC HoA project" in intro

    consent = next(i for i in fr.instructions if i.id == "instr.consent")
    assert consent.title.fallback and not consent.text.fallback

    # ids, flags and structure survive; the source is untouched
    assert [s.key for s in fr.sections] == [s.key for s in parsed.sections]
    assert fr.sections[3].benchmarks["moderate"][0].items[0].added
    assert not any(t.fallback or t.lang != "en" for t in parsed.texts().values())


def test_localise_complete_french(parsed: Instrument, french: dict[str, Any]) -> None:
    fr = localise(parsed, french)
    assert fr.fallbacks() == ()
    assert fr.introduction_for("IDGC HoA").startswith("Merci d’avoir accepté")
    assert "IDGC HoA" in fr.introduction_for("IDGC HoA")


def test_localise_refuses_another_version(parsed: Instrument, french: dict[str, Any]) -> None:
    french["version"] = "2.0"
    with pytest.raises(InstrumentError, match="v2.0"):
        localise(parsed, french)


def test_localise_takes_the_source(parsed: Instrument, french: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="source instrument"):
        localise(localise(parsed, french), french)


@pytest.mark.parametrize(("tid", "value", "expected"), [
    ("s9.high.1", "Bonjour", 'strings["s9.high.1"]: unknown ID'),
    ("intro", "Merci d’être venus.", 'strings.intro: placeholders must match the English ({project})'),
    ("s1.high.1", "  ", 'strings["s1.high.1"]: empty translation'),
])
def test_translation_problems_name_their_id(
    parsed: Instrument, french: dict[str, Any], tid: str, value: str, expected: str
) -> None:
    french["strings"][tid] = value
    with pytest.raises(InstrumentError) as info:
        validate_translation(french, dict(parsed.texts()))
    assert [str(p) for p in info.value.problems][0].startswith(expected)


def test_translation_shape_errors(french: dict[str, Any]) -> None:
    french["strings"]["s1.high.1"] = 3
    del french["language"]
    with pytest.raises(InstrumentError) as info:
        validate_translation(french)
    assert set(info.value.paths) == {"language", 'strings["s1.high.1"]'}


def test_text_is_a_plain_string_with_attributes() -> None:
    t = Text("Élevé", "level.high", "fr")
    assert t == "Élevé" and isinstance(t, str) and not t.fallback
    for copied in (pickle.loads(pickle.dumps(t)), copy.deepcopy(t), copy.copy(t)):
        assert (copied, copied.id, copied.lang, copied.fallback) == (t, t.id, "fr", False)


def test_templates_can_mark_fallbacks(parsed: Instrument, french: dict[str, Any]) -> None:
    from django.template import Context, Engine

    del french["strings"]["s1.high.1"]
    section = localise(parsed, french).sections[0]
    template = Engine().from_string(
        "{% for lv, sts in section.levels %}{% for s in sts %}"
        "<p{% if s.text.fallback %} lang=\"en\" class=\"fallback\"{% endif %}>{{ s.text }}</p>"
        "{% endfor %}{% endfor %}")
    html = template.render(Context({"section": section}))
    assert html.startswith('<p lang="en" class="fallback">The Ministry or Agency has the ability')
    assert html.count("fallback") == 1 and "<p>Le ministère" in html
