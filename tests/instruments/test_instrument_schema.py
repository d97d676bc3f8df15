"""Validation: every problem names its place in the file."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcap.instruments.document import document_checksum, load_instrument_file
from govcap.instruments.schema import (
    INSTRUMENT_SCHEMA,
    InstrumentError,
    iter_texts,
    read_yaml,
    validate_instrument,
)

from .conftest import INSTRUMENT_FILE

Doc = dict[str, Any]


def problems_of(doc: object) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        validate_instrument(doc)
    assert isinstance(info.value, ValueError)
    return [str(p) for p in info.value.problems]


def _set(path: list[Any], value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        node = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return mutate


def _delete(path: list[Any]) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        node = doc
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]
    return mutate


CASES: list[tuple[str, Callable[[Doc], None], str]] = [
    ("empty statement", _set(["sections", 1, "benchmarks", "high", 1, "text"], "  "),
     "sections[1].benchmarks.high[1]: empty statement"),
    ("empty item", _set(["sections", 3, "benchmarks", "high", 0, "items", 2, "text"], ""),
     "sections[3].benchmarks.high[0].items[2]: empty statement"),
    ("empty question", _set(["sections", 4, "questions", 0, "text"], ""),
     "sections[4].questions[0]: empty question"),
    ("missing level", _delete(["sections", 2, "benchmarks", "moderate"]),
     "sections[2].benchmarks.moderate: missing"),
    ("level without statements", _set(["sections", 5, "benchmarks", "basic"], []),
     "sections[5].benchmarks.basic: no statements"),
    ("wrong section key", _set(["sections", 2, "key"], "project-management"),
     "sections[2].key: expected 'project-execution', found 'project-management'"),
    ("wrong number", _set(["sections", 6, "number"], 9),
     "sections[6].number: expected 7, found 9"),
    ("duplicate ID", _set(["sections", 0, "benchmarks", "high", 1, "id"], "s1.high.1"),
     "sections[0].benchmarks.high[1].id: duplicate ID 's1.high.1' (first at "
     "sections[0].benchmarks.high[0])"),
    ("duplicate question ID", _set(["sections", 7, "questions", 3, "id"], "s8.q.1"),
     "sections[7].questions[3].id: duplicate ID 's8.q.1'"),
    ("misplaced ID", _set(["sections", 0, "benchmarks", "moderate", 0, "id"], "s1.high.3"),
     "sections[0].benchmarks.moderate[0].id: ID 's1.high.3' does not fit its place"),
    ("item ID of another statement", _set(
        ["sections", 3, "benchmarks", "moderate", 0, "items", 0, "id"], "s4.high.1.item.4"),
     "sections[3].benchmarks.moderate[0].items[0].id: ID 's4.high.1.item.4' does not fit"),
    ("unknown field", _set(["sections", 0, "benchmarks", "hihg"], []),
     "sections[0].benchmarks.hihg: unknown field"),
    ("version not quoted", _set(["version"], 1.0),
     "version: expected text, found a number (put it in quotes)"),
    ("instruction time", _set(["instructions", 0, "when"], "after"),
     "instructions[0].when: 'after' is not one of: before, during, each-section, closing"),
    ("unknown placeholder", _set(["introduction", "text"], "Welcome to {projet}."),
     "introduction: unknown placeholder {projet}"),
    ("unknown domain", _set(["sections", 7, "domain"], "architecture"),
     "sections[7].domain: unknown training domain 'architecture'"),
    ("domain of another section", _set(["sections", 5, "domain"], "agile"),
     "sections[5].domain: section 'policy-influence' belongs to 'digital-policy'"),
    ("seven sections", lambda d: d["sections"].pop(),
     "sections: expected 8 sections (govcap.scale.SECTION_KEYS), found 7"),
    ("wrong format", _set(["schema"], "govcap-instrument/2"),
     "schema: expected 'govcap-instrument/1'"),
]


def test_the_packaged_file_is_valid(raw: Doc) -> None:
    validate_instrument(raw)


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problems_name_their_path(raw: Doc, mutate: Callable[[Doc], None], expected: str) -> None:
    mutate(raw)
    found = problems_of(raw)
    assert any(p.startswith(expected) for p in found), found


def test_error_carries_paths_and_source(raw: Doc) -> None:
    raw["sections"][1]["benchmarks"]["high"][1]["text"] = ""
    del raw["sections"][2]["benchmarks"]["basic"]
    with pytest.raises(InstrumentError) as info:
        validate_instrument(raw, source="v2.yaml")
    # schema problems are reported first; the shape must be right for semantic checks
    assert info.value.paths == ("sections[2].benchmarks.basic",)
    assert str(info.value) == "v2.yaml: sections[2].benchmarks.basic: missing"
    raw["sections"][2]["benchmarks"]["basic"] = [{"id": "s3.basic.1", "text": " "}]
    with pytest.raises(InstrumentError) as info:
        validate_instrument(raw, source="v2.yaml")
    assert info.value.paths == ("sections[1].benchmarks.high[1]", "sections[2].benchmarks.basic[0]")
    assert str(info.value).startswith("v2.yaml: 2 problems:\n  sections[1].benchmarks.high[1]: ")


def test_not_a_mapping() -> None:
    assert problems_of(["a", "list"]) == ["expected a mapping, found a list"]


def write(tmp_path: Path, text: str, name: str = "instrument.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "key: govstack-rsa\nversion: '1.0'\nsections:\n  - number: 1\n"
                           "   key: x\n")
    with pytest.raises(InstrumentError) as info:
        load_instrument_file(path)
    (problem,) = info.value.problems
    assert problem.path == "line 5, column 4"
    assert problem.message.startswith("YAML syntax error")
    assert str(info.value).startswith(f"{path}: line 5, column 4: YAML syntax error")


def test_yaml_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "key: a\nversion: '1'\nkey: b\n")
    with pytest.raises(InstrumentError) as info:
        read_yaml(path)
    assert info.value.paths == ("line 3, column 1",)
    assert "duplicate key 'key'" in str(info.value)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match="cannot read the file"):
        read_yaml(tmp_path / "missing.yaml")


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    text = INSTRUMENT_FILE.read_text(encoding="utf-8").replace(
        "The Ministry makes informed decisions in ambiguous, uncertain situations.", "''", 1)
    path = write(tmp_path, text)
    with pytest.raises(InstrumentError) as info:
        load_instrument_file(path)
    assert str(info.value) == f"{path}: sections[1].benchmarks.high[1]: empty statement"


def test_every_text_has_a_unique_id(raw: Doc) -> None:
    ids = [ref.id for ref in iter_texts(raw)]
    assert len(ids) == len(set(ids))
    assert {"s8.high.1", "s4.high.1.item.2", "s3.q.2", "intro", "definition", "instr.consent",
            "s1.title", "domain.agile", "level.high", "column.rating", "s5.notes"} <= set(ids)


def test_schema_is_plain_json() -> None:
    assert json.loads(json.dumps(INSTRUMENT_SCHEMA)) == INSTRUMENT_SCHEMA


PACKAGED = read_yaml(INSTRUMENT_FILE)
STATEMENT_PATHS = [ref.path for ref in iter_texts(PACKAGED) if ref.kind == "statement"]


@given(st.sampled_from(STATEMENT_PATHS), st.sampled_from(["", " ", "\n\t"]))
def test_any_emptied_statement_is_named(path: tuple[Any, ...], blank: str) -> None:
    doc = copy.deepcopy(PACKAGED)
    node = doc
    for part in path:
        node = node[part]
    node["text"] = blank
    (problem,) = problems_of(doc)
    assert problem.endswith(": empty statement")
    assert problem.split(":")[0].replace("[", ".").replace("]", "").split(".") == [
        str(p) for p in path]


@settings(max_examples=10)
@given(st.randoms(use_true_random=False))
def test_checksum_ignores_key_order(rnd: random.Random) -> None:
    doc = copy.deepcopy(PACKAGED)

    def shuffled(value: Any) -> Any:
        if isinstance(value, dict):
            items = list(value.items())
            rnd.shuffle(items)
            return {k: shuffled(v) for k, v in items}
        if isinstance(value, list):
            return [shuffled(v) for v in value]
        return value

    assert document_checksum(shuffled(doc)) == document_checksum(doc)
    doc["version"] = "1.1"
    assert document_checksum(shuffled(doc)) != document_checksum(PACKAGED)
