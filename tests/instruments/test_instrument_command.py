"""`govcap instrument show|validate|import`."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command

from govcap.cli import main
from govcap.instruments.models import Instrument, InstrumentTranslation

from .conftest import FRENCH_FILE, INSTRUMENT_FILE, SWAHILI_FILE


def run(*args: str) -> str:
    out = StringIO()
    call_command("instrument", *args, stdout=out)
    return out.getvalue()


def dump(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_validate_instrument_and_translation() -> None:
    out = run("validate", str(INSTRUMENT_FILE))
    assert out.startswith(f"OK: {INSTRUMENT_FILE}: govstack-rsa v1.0, 8 sections, 39 statements")
    out = run("validate", str(FRENCH_FILE))
    assert "fr translation of govstack-rsa v1.0: 154/154 strings (complete)" in out
    out = run("validate", "--instrument", str(INSTRUMENT_FILE), str(SWAHILI_FILE))
    assert "sw translation of govstack-rsa v1.0: 154/154 strings (complete)" in out


def test_validate_names_the_path(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["sections"][3]["benchmarks"]["high"][0]["items"][0]["text"] = ""
    path = dump(tmp_path, raw, "bad.yaml")
    with pytest.raises(CommandError) as info:
        run("validate", str(path))
    assert str(info.value) == f"{path}: sections[3].benchmarks.high[0].items[0]: empty statement"


def test_validate_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("schema: govcap-instrument/1\nsections: [\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["instrument", "validate", str(path)])
    assert info.value.code == 1
    assert f"{path}: line 3, column 1: YAML syntax error" in capsys.readouterr().err


def test_validate_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("hello: world\n", encoding="utf-8")
    with pytest.raises(CommandError, match="schema: expected 'govcap-instrument/1'"):
        run("validate", str(path))


@pytest.mark.django_db
def test_import_says_what_it_did(tmp_path: Path, raw: dict[str, Any]) -> None:
    assert "Imported govstack-rsa v1.0 as a new version" in run("import", str(INSTRUMENT_FILE))
    assert "already imported with the same content" in run("import", str(INSTRUMENT_FILE))
    assert "Imported the fr translation of govstack-rsa v1.0: 154/154" in run(
        "import", str(FRENCH_FILE))
    assert "Imported the sw translation of govstack-rsa v1.0: 154/154" in run(
        "import", str(SWAHILI_FILE))
    raw["title"]["text"] = "Another title"
    with pytest.raises(CommandError, match="give the changed file a new version number"):
        run("import", str(dump(tmp_path, raw, "changed.yaml")))
    raw["version"] = "1.1"
    assert "Imported govstack-rsa v1.1 as a new version" in run(
        "import", str(dump(tmp_path, raw, "v11.yaml")))
    assert Instrument.objects.count() == 2 and InstrumentTranslation.objects.count() == 2


@pytest.mark.django_db
def test_show_text() -> None:
    out = run("show")
    assert "govstack-rsa v1.0" in out and "translations: ar 154/154, fr 154/154, sw 154/154" in out
    assert "4. Setting expectations to accommodate and sustain change" in out
    assert "moderate  1 statement (3 items) — added: s4.moderate.1.item.1" in out
    assert "questions 5 (5 added)" in out
    assert "Edited from the seed (seed_text kept): s2.high.1" in out
    assert "instr.* (17)" in out


@pytest.mark.django_db
def test_show_json_and_language(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = json.loads(run("show", "--json", "--language", "fr"))
    assert data["version"] == "1.0" and data["language"] == "fr" and data["fallbacks"] == []
    assert [s["key"] for s in data["sections"]][:2] == ["systems-design-thinking",
                                                        "distributed-leadership"]
    assert data["sections"][3]["levels"]["high"] == {"statements": 1, "items": 3, "added": []}
    assert data["translations"] == {lang: {"translated": 154, "strings": 154}
                                    for lang in ("ar", "fr", "sw")}
    raw["version"] = "1.1"
    run("import", str(dump(tmp_path, raw, "v11.yaml")))
    assert json.loads(run("show", "--json"))["version"] == "1.1"
    assert json.loads(run("show", "--json", "--version", "1.0"))["version"] == "1.0"
    with pytest.raises(CommandError, match="imported versions: 1.0, 1.1"):
        run("show", "--version", "9")
