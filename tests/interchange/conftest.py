"""Fixtures of the interchange tests: the form of the packaged instrument, the export files."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcap.instruments.document import (
    Instrument,
    load_instrument_file,
    load_translation_file,
    localise,
    parse_instrument,
)
from govcap.interchange.formspec import FormSpec, build_form

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "interchange"
DATA = ROOT / "govcap" / "instruments" / "data"

_SOURCE = parse_instrument(load_instrument_file(DATA / "govstack-rsa-1.0.yaml"))
_FRENCH = localise(_SOURCE, load_translation_file(
    DATA / "translations" / "govstack-rsa-1.0.fr.yaml", _SOURCE))
LOCALISED: dict[str, Instrument] = {"en": _SOURCE, "fr": _FRENCH}
SPEC = build_form(LOCALISED, ["en", "fr"])


@pytest.fixture(scope="session")
def spec() -> FormSpec:
    """The form of govstack-rsa 1.0 in English and French, built without a database."""
    return SPEC


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
