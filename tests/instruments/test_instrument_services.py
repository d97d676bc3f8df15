"""Importing versions and translations; versions in use never change."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import call_command

from govcap.instruments import services
from govcap.instruments.models import Instrument, InstrumentTranslation
from govcap.instruments.schema import InstrumentError

from .conftest import FRENCH_FILE, INSTRUMENT_FILE


def dump(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_version_ordering() -> None:
    versions = ["1.10", "1.2", "1.9", "2.0", "1.0"]
    assert sorted(versions, key=services.version_sort_key) == ["1.0", "1.2", "1.9", "1.10", "2.0"]


@pytest.mark.django_db
def test_import_is_idempotent() -> None:
    first, created = services.import_instrument(INSTRUMENT_FILE)
    assert created and first.key == "govstack-rsa" and first.version == "1.0"
    assert first.parsed.sections[0].key == "systems-design-thinking"
    again, created = services.import_instrument(INSTRUMENT_FILE)
    assert not created and again.pk == first.pk
    assert Instrument.objects.count() == 1


@pytest.mark.django_db
def test_changed_content_of_a_version_is_refused(tmp_path: Path, raw: dict[str, Any]) -> None:
    original, _ = services.import_instrument(INSTRUMENT_FILE)
    raw["sections"][0]["questions"][0]["text"] = "A reworded question?"
    path = dump(tmp_path, raw, "changed.yaml")
    with pytest.raises(services.InstrumentConflict) as info:
        services.import_instrument(path)
    message = str(info.value)
    assert message.startswith(f"{path}: version: govstack-rsa v1.0 is already imported")
    assert "new version" in message
    original.refresh_from_db()
    assert original.document["sections"][0]["questions"][0]["text"] != "A reworded question?"


@pytest.mark.django_db
def test_new_version_is_created_and_becomes_latest(tmp_path: Path, raw: dict[str, Any]) -> None:
    services.import_instrument(INSTRUMENT_FILE)
    for version in ("1.10", "1.9"):
        raw["version"] = version
        row, created = services.import_instrument(dump(tmp_path, raw, f"v{version}.yaml"))
        assert created and row.version == version
    assert Instrument.objects.filter(key="govstack-rsa").count() == 3
    assert services.latest_instrument().version == "1.10"
    assert services.get_instrument(version="1.9").version == "1.9"
    with pytest.raises(Instrument.DoesNotExist, match="imported versions: 1.0, 1.9, 1.10"):
        services.get_instrument(version="3")
    with pytest.raises(Instrument.DoesNotExist, match="govcap instrument import"):
        services.latest_instrument("other")


@pytest.mark.django_db
def test_invalid_file_imports_nothing(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["sections"][3]["benchmarks"]["high"][0]["items"][1]["text"] = ""
    with pytest.raises(InstrumentError, match=r"sections\[3\]\.benchmarks\.high\[0\]\.items\[1\]"):
        services.import_instrument(dump(tmp_path, raw, "bad.yaml"))
    assert not Instrument.objects.exists()


@pytest.mark.django_db
def test_version_in_use_cannot_be_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    row, _ = services.import_instrument(INSTRUMENT_FILE)
    monkeypatch.setattr(Instrument, "in_use", property(lambda self: True))
    row.checksum = "0" * 64
    row.document = {**row.document, "version": "1.0"}
    with pytest.raises(ValidationError, match="cannot be changed"):
        row.save()
    monkeypatch.setattr(Instrument, "in_use", property(lambda self: False))
    row.save()  # not used yet: the model itself allows it (the importer still refuses)


@pytest.mark.django_db
def test_version_used_by_a_session(world: Any, tmp_path: Path, raw: dict[str, Any]) -> None:
    row = world.session.instrument
    assert row.in_use
    raw["sections"][7]["questions"][0]["text"] = "Changed?"
    with pytest.raises(services.InstrumentConflict, match="used by sessions"):
        services.import_instrument(dump(tmp_path, raw, "changed.yaml"))
    row.checksum = "f" * 64
    with pytest.raises(ValidationError):
        row.save()


@pytest.mark.django_db
def test_translation_import(tmp_path: Path, french: dict[str, Any]) -> None:
    with pytest.raises(InstrumentError, match="import the instrument before"):
        services.import_translation(FRENCH_FILE)
    instrument, _ = services.import_instrument(INSTRUMENT_FILE)
    tr, action = services.import_translation(FRENCH_FILE)
    assert action == "created" and tr.language == "fr" and tr.instrument == instrument
    assert services.import_translation(FRENCH_FILE)[1] == "unchanged"
    french["strings"]["s1.q.1"] = "Question reformulée ?"
    assert services.import_translation(dump(tmp_path, french, "fr.yaml"))[1] == "updated"
    assert InstrumentTranslation.objects.get().document["strings"]["s1.q.1"] == "Question reformulée ?"
    french["strings"]["s1.q.9"] = "De trop ?"
    with pytest.raises(InstrumentError, match=r'strings\["s1.q.9"\]: unknown ID'):
        services.import_translation(dump(tmp_path, french, "fr2.yaml"))


@pytest.mark.django_db
def test_localised_in_use_version(world: Any, french: dict[str, Any]) -> None:
    """A language is added to a version already used by a session, without changing it."""
    row = world.session.instrument
    before = row.checksum
    services.ensure_default_instrument()
    fr = services.localised(row, "fr")
    assert fr.language == "fr" and fr.fallbacks() == ()
    assert services.localised(row, "en") == row.parsed
    so = services.localised(row, "so")  # no Somali layer yet: all English, all marked
    assert so.language == "so" and len(so.fallbacks()) == len(row.parsed.texts())
    row.refresh_from_db()
    assert row.checksum == before


@pytest.mark.django_db
def test_ensure_default_instrument(django_assert_max_num_queries: Any) -> None:
    instrument = services.ensure_default_instrument()
    assert (instrument.key, instrument.version) == ("govstack-rsa", "1.0")
    assert sorted(instrument.translations.values_list("language", flat=True)) == ["ar", "fr", "sw"]
    with django_assert_max_num_queries(4):
        assert services.ensure_default_instrument().pk == instrument.pk
    assert Instrument.objects.count() == 1 and InstrumentTranslation.objects.count() == 3
    assert services.translation_coverage(instrument) == {
        "ar": (154, 154), "fr": (154, 154), "sw": (154, 154)}


def test_packaged_files_are_named_by_their_content() -> None:
    instruments, translations = services.packaged_files()
    assert [p.name for p in instruments] == ["govstack-rsa-1.0.yaml"]
    assert [p.name for p in translations] == [
        "govstack-rsa-1.0.ar.yaml", "govstack-rsa-1.0.fr.yaml", "govstack-rsa-1.0.sw.yaml"]


def _as_before_swahili_shipped(row: Instrument) -> InstrumentTranslation:
    """A database made before the Swahili layer shipped: the version with fr and ar only, and
    a French layer corrected after import (imported from a corrected file)."""
    row.translations.filter(language="sw").delete()
    french = row.translations.get(language="fr")
    french.document = {**french.document, "strings": {**french.document["strings"],
                                                       "s1.q.1": "Question reformulée ?"}}
    french.save()
    return french


@pytest.mark.django_db
def test_the_swahili_layer_is_added_to_a_version_in_use(world: Any) -> None:
    """A Kenyan engagement that ran sessions before the layer shipped gets its sessions in
    Swahili; the version they used and the stored layers stay as they were."""
    row = world.session.instrument
    french = _as_before_swahili_shipped(row)
    checksum = row.checksum
    # no layer: English, marked, but for the words the interface's catalogue translates
    before = services.localised(row, "sw")
    assert len(before.fallbacks()) == 154 - 12 and before.level_names["basic"] == "Msingi"

    assert services.ensure_default_instrument().pk == row.pk
    row.refresh_from_db()
    assert row.checksum == checksum and Instrument.objects.count() == 1
    assert sorted(row.translations.values_list("language", flat=True)) == ["ar", "fr", "sw"]
    sw = services.localised(row, "sw")
    assert sw.fallbacks() == () and sw.sections[0].title.startswith("Kutumia fikra za kimfumo")
    stored = row.translations.get(language="fr")
    assert (stored.pk, stored.checksum) == (french.pk, french.checksum)
    assert stored.document["strings"]["s1.q.1"] == "Question reformulée ?"  # never replaced


@pytest.mark.django_db
def test_govcap_up_loads_the_swahili_layer(instrument: Instrument) -> None:
    _as_before_swahili_shipped(instrument)
    call_command("up", "--no-demo", "--no-serve", stdout=StringIO())
    assert services.translation_coverage(instrument)["sw"] == (154, 154)
    assert services.translation_coverage(instrument)["fr"] == (154, 154)
    assert InstrumentTranslation.objects.get(language="fr").document["strings"]["s1.q.1"] == (
        "Question reformulée ?")


@pytest.mark.django_db
def test_a_fresh_database_gets_every_packaged_layer() -> None:
    assert not Instrument.objects.exists()
    row = services.ensure_default_instrument()
    assert services.localised(row, "sw").fallbacks() == ()
    assert services.localised(row, "sw").introduction_for("IDGC HoA").startswith("Asanteni")
