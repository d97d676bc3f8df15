"""Importing instrument versions and their translations into the database.

A version is identified by (key, version) and its content by the checksum of its
canonical JSON. Importing the same content again does nothing; importing different
content under an existing version is refused: a changed instrument is a new version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from django.db import IntegrityError, transaction
from django.utils import translation as i18n

from govcap.instruments import document as doc_mod
from govcap.instruments.models import Instrument, InstrumentTranslation
from govcap.instruments.schema import (
    INSTRUMENT_FORMAT,
    TRANSLATION_FORMAT,
    InstrumentError,
    Problem,
    read_yaml,
    validate_translation,
)
from govcap.translations import is_pseudo

DEFAULT_KEY = "govstack-rsa"
DATA_DIR = Path(__file__).resolve().parent / "data"
TRANSLATIONS_DIR = DATA_DIR / "translations"

TranslationAction = Literal["created", "updated", "unchanged"]

_INSTRUMENT_FILE = re.compile(r"^(?P<key>[a-z0-9-]+?)-(?P<version>[0-9][0-9a-z.-]*)\.yaml$")
_TRANSLATION_FILE = re.compile(
    r"^(?P<key>[a-z0-9-]+?)-(?P<version>[0-9][0-9a-z.-]*)\.(?P<lang>[a-z]{2,3}(-[A-Za-z0-9]+)*)\.yaml$"
)


class InstrumentConflict(InstrumentError):
    """An import that would change an existing instrument version."""


def version_sort_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """'1.10' sorts after '1.9'; numeric parts before textual ones."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.-]", version))


def file_kind(doc: object) -> str | None:
    """'instrument', 'translation' or None, from the document's `schema` field."""
    if isinstance(doc, dict):
        schema = doc.get("schema")
        kinds = {INSTRUMENT_FORMAT: "instrument", TRANSLATION_FORMAT: "translation"}
        return kinds.get(schema) if isinstance(schema, str) else None
    return None


# --- instruments --------------------------------------------------------------------------


def import_instrument(path: str | Path) -> tuple[Instrument, bool]:
    """Import an instrument file; returns (instrument, created).

    Same key+version and checksum: nothing happens (created is False). Same key+version
    with different content: InstrumentConflict. A new version is created.
    """
    doc = doc_mod.load_instrument_file(path)
    try:
        return import_instrument_document(doc)
    except InstrumentError as exc:
        raise exc.with_source(path) from None


def import_instrument_document(doc: dict[str, Any]) -> tuple[Instrument, bool]:
    """Import an already validated instrument document (see import_instrument)."""
    checksum = doc_mod.document_checksum(doc)
    key, version = doc["key"], doc["version"]
    with transaction.atomic():
        existing = Instrument.objects.filter(key=key, version=version).first()
        if existing is None:
            try:
                with transaction.atomic():
                    created = Instrument.objects.create(
                        key=key, version=version, title=doc["title"]["text"][:300],
                        document=doc, checksum=checksum,
                    )
                return created, True
            except IntegrityError:  # imported concurrently: compare with the winner
                existing = Instrument.objects.get(key=key, version=version)
    if existing.checksum == checksum:
        return existing, False
    used = " and used by sessions" if existing.in_use else ""
    raise InstrumentConflict([Problem("version", (
        f"{key} v{version} is already imported{used} with different content "
        f"(stored checksum {existing.checksum[:12]}…, this file {checksum[:12]}…). "
        "A version never changes: give the changed file a new version number."
    ))])


def latest_instrument(key: str = DEFAULT_KEY) -> Instrument:
    """The highest version of an instrument (by version number, not import date)."""
    versions = list(Instrument.objects.filter(key=key).values_list("pk", "version"))
    if not versions:
        raise Instrument.DoesNotExist(
            f"No instrument {key!r} is imported; run `govcap instrument import FILE`."
        )
    pk, _ = max(versions, key=lambda pv: version_sort_key(pv[1]))
    return Instrument.objects.get(pk=pk)


def get_instrument(key: str = DEFAULT_KEY, version: str | None = None) -> Instrument:
    """One version, or the latest when version is None."""
    if version is None:
        return latest_instrument(key)
    try:
        return Instrument.objects.get(key=key, version=version)
    except Instrument.DoesNotExist:
        known = ", ".join(sorted(Instrument.objects.filter(key=key).values_list("version", flat=True),
                                 key=version_sort_key)) or "none"
        raise Instrument.DoesNotExist(
            f"No instrument {key!r} version {version!r} (imported versions: {known})."
        ) from None


# --- translations -------------------------------------------------------------------------


def import_translation(path: str | Path) -> tuple[InstrumentTranslation, TranslationAction]:
    """Import a translation of an imported instrument version.

    Returns (translation, action) with action 'created', 'updated' or 'unchanged'. A
    translation may be corrected after sessions used it: the instrument itself, the
    reference text, never changes.
    """
    raw = read_yaml(path)
    try:
        return import_translation_document(raw)
    except InstrumentError as exc:
        raise exc.with_source(path) from None


def import_translation_document(raw: object) -> tuple[InstrumentTranslation, TranslationAction]:
    validate_translation(raw)  # shape first, to find the instrument it belongs to
    assert isinstance(raw, dict)
    try:
        instrument = Instrument.objects.get(key=raw["instrument"], version=raw["version"])
    except Instrument.DoesNotExist:
        raise InstrumentError([Problem("instrument", (
            f"{raw['instrument']} v{raw['version']} is not imported; import the instrument "
            "before its translations."
        ))]) from None
    parsed = instrument.parsed
    if raw["language"] == parsed.source_language:
        raise InstrumentError([Problem("language", f"{raw['language']!r} is the instrument's "
                                       "own language")])
    validate_translation(raw, dict(parsed.texts()))
    checksum = doc_mod.document_checksum(raw)
    with transaction.atomic():
        obj, created = InstrumentTranslation.objects.select_for_update().get_or_create(
            instrument=instrument, language=raw["language"],
            defaults={"document": raw, "checksum": checksum},
        )
        if created:
            return obj, "created"
        if obj.checksum == checksum:
            return obj, "unchanged"
        obj.document, obj.checksum = raw, checksum
        obj.save(update_fields=["document", "checksum"])
        return obj, "updated"


def localised(instrument: Instrument, language: str | None) -> doc_mod.Instrument:
    """The instrument in a language, per string falling back to its source language."""
    parsed = instrument.parsed
    if not language or language == parsed.source_language:
        return parsed
    translation = instrument.translations.filter(language=language).first()
    return doc_mod.localise(parsed, translation.document if translation else _all_missing(
        parsed, language), catalogue_words(parsed.source_language, language))


def catalogue_words(source: str, language: str) -> Callable[[str], str | None] | None:
    """The application's own catalogue as the instrument's second layer (docs/translations.md,
    "Which words show"): an English source string → its gettext translation in
    ``language`` when the catalogue has one ("Moderate" → "Modéré"), else None. None for an
    instrument written in another language: the catalogue's message ids are English. None
    for a pseudo-locale, which would bracket every word asked of it: the crawl must see
    the instrument's strings as its layers give them."""
    if source != "en" or language == source or is_pseudo(language):
        return None

    def said(text: str) -> str | None:
        with i18n.override(language):
            value = i18n.gettext(text)
        return value if value != text else None

    return said


def _all_missing(parsed: doc_mod.Instrument, language: str) -> dict[str, Any]:
    """An empty translation: every string shows in the source language, marked."""
    return {"instrument": parsed.key, "version": parsed.version, "language": language,
            "strings": {}}


def translation_coverage(instrument: Instrument) -> dict[str, tuple[int, int]]:
    """Per language: (translated strings, all strings)."""
    ids = set(instrument.parsed.texts())
    return {
        t.language: (len(ids & {k for k, v in t.document["strings"].items() if v.strip()}),
                     len(ids))
        for t in instrument.translations.order_by("language")
    }


# --- the packaged default -----------------------------------------------------------------


def packaged_files() -> tuple[list[Path], list[Path]]:
    """The instrument files and translation files shipped in the package."""
    instruments = sorted(p for p in DATA_DIR.glob("*.yaml") if _INSTRUMENT_FILE.match(p.name))
    translations = sorted(p for p in TRANSLATIONS_DIR.glob("*.yaml")
                          if _TRANSLATION_FILE.match(p.name))
    return instruments, translations


def ensure_default_instrument() -> Instrument:
    """Import the packaged instrument versions and translations that are missing.

    Idempotent and cheap when nothing is missing (two queries; file names name the key,
    version and language, and files are read only when something must be imported).
    Returns the latest version of the default instrument.
    """
    instrument_files, translation_files = packaged_files()
    have = set(Instrument.objects.values_list("key", "version"))
    have_tr = set(InstrumentTranslation.objects.values_list(
        "instrument__key", "instrument__version", "language"))
    missing = [(p, m) for p in instrument_files if (m := _INSTRUMENT_FILE.match(p.name))
               and (m["key"], m["version"]) not in have]
    missing_tr = [p for p in translation_files if (m := _TRANSLATION_FILE.match(p.name))
                  and (m["key"], m["version"], m["lang"]) not in have_tr]
    if missing or missing_tr:
        with transaction.atomic():
            for path, m in missing:
                doc = doc_mod.load_instrument_file(path)
                if (doc["key"], doc["version"]) != (m["key"], m["version"]):
                    raise InstrumentError(f"file name says {m['key']} v{m['version']}, content "
                                          f"says {doc['key']} v{doc['version']}", source=str(path))
                import_instrument_document(doc)
            for path in missing_tr:
                import_translation(path)
    return latest_instrument(DEFAULT_KEY)


def load_any_file(path: str | Path) -> tuple[str, dict[str, Any]]:
    """Read a file and tell what it is: ('instrument' | 'translation', raw document)."""
    raw = read_yaml(path)
    kind = file_kind(raw)
    if kind is None:
        raise InstrumentError([Problem("schema", f"expected {INSTRUMENT_FORMAT!r} or "
                                       f"{TRANSLATION_FORMAT!r}")], source=str(path))
    assert isinstance(raw, dict)
    return kind, raw
