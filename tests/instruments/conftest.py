"""Fixtures of the instruments tests: the packaged instrument as raw data and as dataclasses."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from govcap.instruments.document import Instrument, load_instrument_file, parse_instrument
from govcap.instruments.schema import read_yaml

DATA = Path(__file__).resolve().parents[2] / "govcap" / "instruments" / "data"
INSTRUMENT_FILE = DATA / "govstack-rsa-1.0.yaml"
FRENCH_FILE = DATA / "translations" / "govstack-rsa-1.0.fr.yaml"
SWAHILI_FILE = DATA / "translations" / "govstack-rsa-1.0.sw.yaml"

_RAW = load_instrument_file(INSTRUMENT_FILE)
_FRENCH = read_yaml(FRENCH_FILE)
_SWAHILI = read_yaml(SWAHILI_FILE)


@pytest.fixture
def raw() -> dict[str, Any]:
    """A fresh deep copy of the packaged instrument document (safe to mutate)."""
    return copy.deepcopy(_RAW)


@pytest.fixture(scope="session")
def parsed() -> Instrument:
    return parse_instrument(_RAW)


@pytest.fixture
def french() -> dict[str, Any]:
    return copy.deepcopy(_FRENCH)


@pytest.fixture
def swahili() -> dict[str, Any]:
    return copy.deepcopy(_SWAHILI)
