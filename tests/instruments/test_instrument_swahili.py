"""The Swahili layer (issue #15): complete, translated, and in the words the interface and the
catalogue use, so a Kenyan session does not read one term on the page and another aloud."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from govcap.instruments.document import Instrument, load_translation_file, localise
from govcap.instruments.schema import placeholders, read_yaml, validate_translation
from govcap.planning.catalogues import DATA_DIR as CATALOGUE_DATA

from .conftest import FRENCH_FILE, SWAHILI_FILE

CATALOGUE_SW = CATALOGUE_DATA / "translations" / "catalogue-1.1.sw.yaml"


def test_swahili_covers_what_french_covers(parsed: Instrument, swahili: dict[str, Any]) -> None:
    english = parsed.texts()
    assert (swahili["instrument"], swahili["version"], swahili["language"]) == (
        parsed.key, parsed.version, "sw")
    assert set(swahili["strings"]) == set(read_yaml(FRENCH_FILE)["strings"]) == set(english)
    assert all(v.strip() for v in swahili["strings"].values())
    validate_translation(swahili, dict(english))
    assert load_translation_file(SWAHILI_FILE, parsed) == swahili


def test_no_swahili_string_is_left_in_english(parsed: Instrument, swahili: dict[str, Any]) -> None:
    english = parsed.texts()
    sw = swahili["strings"]
    assert [k for k, v in sw.items() if v.strip() == english[k].strip()] == []
    assert placeholders(sw["intro"]) == {"project"}
    # read aloud, a question stays a question and a list's lead-in still announces its items
    for mark in ("?", ":"):
        assert [k for k in sw if sw[k].endswith(mark) != english[k].endswith(mark)] == [], mark


def test_a_swahili_session_reads_everything_in_swahili(
    parsed: Instrument, swahili: dict[str, Any]
) -> None:
    sw = localise(parsed, swahili)
    assert sw.language == "sw" and sw.fallbacks() == ()
    intro = sw.introduction_for("IDGC HoA")
    assert intro.startswith("Asanteni kwa kukubali") and "mradi wa IDGC HoA unaoendelea" in intro
    s4 = sw.section("change-management")
    assert s4 is not None
    assert s4.domain_title == "Usimamizi wa Mabadiliko"
    assert [i.text for i in s4.benchmarks["moderate"][0].items][-1].startswith("zinaunga mkono")


@pytest.mark.parametrize("tid", ["level.high", "level.moderate", "level.basic",
                                 "column.section", *(f"domain.{d}" for d in (
                                     "design-systems-thinking", "agile", "project-management",
                                     "change-management", "digital-policy",
                                     "service-management", "enterprise-architecture"))])
def test_level_domain_and_heading_names_are_the_interfaces(
    parsed: Instrument, swahili: dict[str, Any], tid: str
) -> None:
    """The page's own labels (gettext) and the instrument's words name a level or a training
    domain the same way: Msingi, not Msingi on the chart and Kimsingi in the section."""
    with translation.override("sw"):
        assert swahili["strings"][tid] == translation.gettext(str(parsed.texts()[tid]))


def test_the_rating_column_is_the_section_pages(swahili: dict[str, Any]) -> None:
    with translation.override("sw"):
        heading = translation.gettext("Current capacity level and notes")
    assert swahili["strings"]["column.rating"] == heading == "Kiwango cha sasa cha uwezo na maelezo"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [" ".join(node.split())]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


_CATALOGUE_WORDS = " | ".join(_strings(read_yaml(CATALOGUE_SW)))


@pytest.mark.parametrize("term", [
    "TEHAMA", "ofisi ya usimamizi wa miradi (PMO)", "mfumo ikolojia",
    "uelewa wa pamoja wa matatizo changamani", "usimamizi wa mabadiliko", "uungwaji mkono",
    "kuunda mustakabali kwa pamoja", "machaguo ya kimkakati",
    "mpango wa ufuatiliaji na tathmini (M&E)", "mfumo elekezi wa utangamano",
    "orodha rasmi ya huduma (service catalogue)", "ridhaa",
])
def test_shared_terms_match_the_catalogue(swahili: dict[str, Any], term: str) -> None:
    """A need found in a section leads to a module of the catalogue: both name it alike."""
    assert term in " | ".join(_strings(swahili["strings"]))
    assert term in _CATALOGUE_WORDS
