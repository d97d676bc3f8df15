"""Catalogue versions in the database: import, the packaged default, and in-app edits.

A version is (key, version); its content is identified by the checksum of its canonical
JSON. Importing the same content again does nothing; different content under an existing
version is refused. An administrator's edit of one module re-validates the whole document
with :func:`parse_catalogue` and is saved as a new version, so a version a plan used never
changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.db import transaction

from govcap.accounts import audit
from govcap.planning.core.catalogue import (
    DATA_DIR,
    DEFAULT_CATALOGUE,
    _read_yaml,
    catalogue_document,
    parse_catalogue,
    parse_translation,
    translation_errors,
)
from govcap.planning.core.validation import CatalogueError
from govcap.planning.models import Catalogue, CatalogueTranslation, forget_parsed

DEFAULT_KEY = "govcap-default"


def checksum(document: Any) -> str:
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def import_document(document: Any, source: str = "<catalogue>", *, user=None,
                    based_on: Catalogue | None = None, note: str = "") -> tuple[Catalogue, bool]:
    """Validate and store a catalogue document; (row, created). Same content: unchanged."""
    parsed = parse_catalogue(document, source=source)
    document = catalogue_document(parsed)  # normalised: what the database keeps
    digest = checksum(document)
    existing = Catalogue.objects.filter(key=parsed.key, version=parsed.version).first()
    if existing is not None:
        if existing.checksum == digest:
            return existing, False
        raise CatalogueError(source, [
            f"version: {parsed.key} v{parsed.version} is already stored with different "
            "content; a version never changes — give the changed file a new version number"])
    with transaction.atomic():
        row = Catalogue.objects.create(
            key=parsed.key, version=parsed.version, title=parsed.title[:300],
            language=parsed.language, document=document, checksum=digest,
            based_on=based_on, change_note=note[:300], created_by=user,
        )
        audit.record(user, "catalogue-import", row, None,
                     {"key": row.key, "version": row.version, "checksum": digest})
    return row, True


def import_translation(document: Any, source: str = "<translation>", *,
                       user=None) -> tuple[CatalogueTranslation, str]:
    """Store a translation layer of a stored version: created, updated or unchanged."""
    layer = parse_translation(document, source=source)
    row = Catalogue.objects.filter(key=layer.key, version=layer.version).first()
    if row is None:
        raise CatalogueError(source, [f"catalogue: {layer.key} v{layer.version} is not "
                                      "imported; import the catalogue first"])
    errors = translation_errors(row.parsed(), layer)
    if errors:
        raise CatalogueError(source, errors)
    digest = checksum(document)
    with transaction.atomic():
        obj, created = CatalogueTranslation.objects.get_or_create(
            catalogue=row, language=layer.language,
            defaults={"document": document, "checksum": digest})
        if created:
            action = "created"
        elif obj.checksum == digest:
            return obj, "unchanged"
        else:
            obj.document, obj.checksum, action = document, digest, "updated"
            obj.save(update_fields=["document", "checksum"])
            forget_parsed(row)
        audit.record(user, f"catalogue-translation-{action}", row, None,
                     {"language": layer.language, "checksum": digest})
    return obj, action


def import_file(path: str | Path, *, user=None) -> tuple[str, Any, str]:
    """Import a catalogue or translation file: (kind, row, action)."""
    path = Path(path)
    document = _read_yaml(path)
    if isinstance(document, Mapping) and "modules" in document and "competences" not in document:
        obj, action = import_translation(document, path.name, user=user)
        return "translation", obj, action
    row, created = import_document(document, path.name, user=user)
    return "catalogue", row, "created" if created else "unchanged"


def latest_catalogue(key: str = DEFAULT_KEY) -> Catalogue:
    rows = list(Catalogue.objects.filter(key=key))
    if not rows:
        raise Catalogue.DoesNotExist(f"No catalogue {key!r} is imported; run "
                                     "`govcap catalogue import FILE`.")
    return max(rows, key=lambda c: _version_key(c.version))


def ensure_default_catalogue() -> Catalogue:
    """Import the packaged catalogue and its translations when this version of it is not
    stored yet (a database made with an older one gets the new version beside it: plans
    keep the version they used); the latest version.

    A language layer shipped later than the catalogue version it translates (Arabic and
    Swahili came after French for 1.1) is added to the stored version; a stored layer is
    never replaced."""
    packaged = DEFAULT_CATALOGUE.stem.removeprefix("catalogue-")  # catalogue-1.1 → 1.1
    row = Catalogue.objects.filter(key=DEFAULT_KEY, version=packaged).first()
    stored = set(row.translations.values_list("language", flat=True)) if row else set()
    layers = sorted((DATA_DIR / "translations").glob(f"{DEFAULT_CATALOGUE.stem}.*.yaml"))
    # catalogue-1.1.ar.yaml → ar
    missing = [p for p in layers if p.suffixes[-2].removeprefix(".") not in stored]
    if row is None or missing:
        with transaction.atomic():
            if row is None:
                import_file(DEFAULT_CATALOGUE)
            for layer in missing:
                import_file(layer)
    if row is not None:
        _name_layers(row.title, layers)
    return latest_catalogue(DEFAULT_KEY)


def _name_layers(title: str, layers: list[Path]) -> None:
    """A layer stored before layers carried the catalogue's name (its `title`) is given the
    packaged file's, in every version of the catalogue under that name (an edited version
    copied its layers): the one change made to a stored layer. Without it a French or
    Arabic reader saw the catalogue's English name in menus, pages and documents."""
    named = {p.suffixes[-2].removeprefix("."): p for p in layers}
    for stored in CatalogueTranslation.objects.filter(
            catalogue__key=DEFAULT_KEY, catalogue__title=title,
            language__in=named).select_related("catalogue"):
        if stored.document.get("title"):
            continue
        name = _read_yaml(named[stored.language]).get("title")
        if name:
            stored.document = {**stored.document, "title": name}
            stored.checksum = checksum(stored.document)
            stored.save(update_fields=["document", "checksum"])
            forget_parsed(stored.catalogue)


def next_version(key: str, version: str) -> str:
    """1.0 → 1.0.1 → 1.0.2 …, skipping versions already stored."""
    parts = version.split(".")
    base = parts if len(parts) > 2 else [*parts, "0"]
    taken = set(Catalogue.objects.filter(key=key).values_list("version", flat=True))
    n = int(base[-1]) + 1
    while ".".join([*base[:-1], str(n)]) in taken:
        n += 1
    return ".".join([*base[:-1], str(n)])


def save_module_edit(source: Catalogue, code: str, changes: Mapping[str, Any], *,
                     user=None) -> Catalogue:
    """Apply field changes to one module, re-validate the whole document, store a new version.

    Raises :class:`CatalogueError` (messages name the field) and stores nothing when the
    edited document is invalid. Translation layers are carried over without the edited
    module's entries, which then show in the catalogue's own language until re-translated.
    """
    document = json.loads(json.dumps(source.document))
    module = next((m for m in document["modules"] if m["code"] == code), None)
    if module is None:
        raise CatalogueError(f"{source.key} v{source.version}", [f"modules: no module {code!r}"])
    module.update(changes)
    document["version"] = next_version(source.key, source.version)
    before = next(m for m in source.document["modules"] if m["code"] == code)
    with transaction.atomic():
        row, _ = import_document(document, f"{source.key} v{document['version']}", user=user,
                                 based_on=source, note=f"{code} edited")
        for layer in source.translations.all():
            copied = json.loads(json.dumps(layer.document))
            copied["version"] = row.version
            copied.get("modules", {}).pop(code, None)
            import_translation(copied, f"{source.key} v{row.version} [{layer.language}]",
                               user=user)
        audit.record(user, "catalogue-module-edit", row,
                     {"version": source.version, "module": before},
                     {"version": row.version, "module": module})
    return row
