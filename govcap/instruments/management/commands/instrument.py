"""`govcap instrument show|validate|import`: inspect, check and import instrument files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from govcap.instruments import services
from govcap.instruments.document import (
    Instrument as Doc,
)
from govcap.instruments.document import (
    document_checksum,
    load_instrument_file,
    parse_instrument,
    summarise,
)
from govcap.instruments.models import Instrument
from govcap.instruments.schema import (
    InstrumentError,
    validate_instrument,
    validate_translation,
)


class Command(BaseCommand):
    help = "Show, validate and import assessment instruments and their translations."
    # Checking a data file must not depend on the project's configuration checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{show,validate,import}")
        show = sub.add_parser("show", help="sections, levels, statement counts, added lines")
        show.add_argument("--key", default=services.DEFAULT_KEY, help="instrument key")
        show.add_argument("--version", dest="instrument_version", help="a version (default: latest)")
        show.add_argument("--language", help="also report the coverage of this translation")
        show.add_argument("--json", action="store_true", help="machine-readable output")
        validate = sub.add_parser("validate", help="check an instrument or translation file")
        validate.add_argument("file", type=Path)
        validate.add_argument("--instrument", type=Path, dest="instrument_file",
                              help="instrument file to check a translation's IDs against")
        imp = sub.add_parser("import", help="import a new instrument version or a translation")
        imp.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            match options["action"]:
                case "show":
                    self.show(options)
                case "validate":
                    self.validate(options["file"], options.get("instrument_file"))
                case "import":
                    self.import_file(options["file"])
        except InstrumentError as exc:
            raise CommandError(str(exc)) from exc
        except Instrument.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc

    # --- show -----------------------------------------------------------------------------

    def show(self, options: dict[str, Any]) -> None:
        if options["key"] == services.DEFAULT_KEY:
            services.ensure_default_instrument()
        row = services.get_instrument(options["key"], options.get("instrument_version"))
        parsed = row.parsed
        language = options.get("language")
        shown = services.localised(row, language) if language else parsed
        summary = summarise(shown)
        summary |= {"checksum": row.checksum, "imported_at": row.imported_at.isoformat(),
                    "in_use": row.in_use,
                    "notes_prompts_added": [f"s{s['number']}.notes" for s in row.document["sections"]
                                            if s["notes_prompt"].get("added")],
                    "translations": {k: {"translated": n, "strings": total}
                                     for k, (n, total) in services.translation_coverage(row).items()}}
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        self._print_summary(summary)

    def _print_summary(self, s: dict[str, Any]) -> None:
        w = self.stdout.write
        w(self.style.MIGRATE_HEADING(s["title"]))
        tr = ", ".join(f"{k} {v['translated']}/{v['strings']}" for k, v in s["translations"].items())
        w(f"{s['key']} v{s['version']} · checksum {s['checksum'][:12]}… · {s['strings']} strings"
          f" · translations: {tr or 'none'}" + (" · used by sessions" if s["in_use"] else ""))
        w("Instructions: " + " · ".join(f"{k} {n}" for k, n in s["instructions"].items()))
        w("")
        for sec in s["sections"]:
            w(self.style.MIGRATE_LABEL(f"{sec['number']}. {sec['title']}"))
            w(f"   key {sec['key']} · domain {sec['domain_title']} ({sec['domain']})")
            for lv, c in sec["levels"].items():
                line = f"   {lv:<9} {c['statements']} statement{'s' if c['statements'] != 1 else ''}"
                if c["items"]:
                    line += f" ({c['items']} items)"
                if c["added"]:
                    line += f" — added: {', '.join(c['added'])}"
                w(line)
            w(f"   questions {sec['questions']} ({sec['questions_added']} added)")
        w("")
        w(f"Added (not in the seed): {len(s['added'])} lines — "
          + ", ".join(_compress(s["added"]))
          + (f"; notes prompts: {len(s['notes_prompts_added'])}" if s["notes_prompts_added"] else ""))
        w(f"Edited from the seed (seed_text kept): {', '.join(s['edited']) or 'none'}")
        if s["language"] != "en" or s["fallbacks"]:
            fb = s["fallbacks"]
            w(f"Language {s['language']}: {s['strings'] - len(fb)}/{s['strings']} strings translated"
              + (f"; shown in English: {', '.join(fb)}" if fb else ""))

    # --- validate -------------------------------------------------------------------------

    def validate(self, path: Path, instrument_file: Path | None) -> None:
        kind, raw = services.load_any_file(path)
        if kind == "instrument":
            validate_instrument(raw, source=path)
            parsed = parse_instrument(raw)
            self.stdout.write(self.style.SUCCESS(f"OK: {path}: {_describe(parsed)}; checksum "
                                                 f"{document_checksum(raw)[:12]}…"))
            return
        validate_translation(raw, source=path)
        source = self._find_source(raw, instrument_file)
        if source is None:
            self.stdout.write(self.style.WARNING(
                f"OK (shape only): {path}: {raw['instrument']} v{raw['version']} was not found "
                "as a packaged file nor in the database, so its IDs were not checked; use "
                "--instrument FILE."))
            return
        texts = source.texts()
        validate_translation(raw, dict(texts), source=path)
        done = sum(1 for tid in texts if raw["strings"].get(tid, "").strip())
        self.stdout.write(self.style.SUCCESS(
            f"OK: {path}: {raw['language']} translation of {raw['instrument']} v{raw['version']}:"
            f" {done}/{len(texts)} strings" + (" (complete)" if done == len(texts) else
                                               " (the rest falls back to English)")))

    def _find_source(self, raw: dict[str, Any], instrument_file: Path | None) -> Doc | None:
        candidates = [instrument_file] if instrument_file else [
            services.DATA_DIR / f"{raw['instrument']}-{raw['version']}.yaml"]
        for candidate in candidates:
            if candidate is not None and candidate.exists():
                doc = load_instrument_file(candidate)
                if (doc["key"], doc["version"]) == (raw["instrument"], raw["version"]):
                    return parse_instrument(doc)
                raise InstrumentError(f"{candidate} is {doc['key']} v{doc['version']}, the "
                                      f"translation is for {raw['instrument']} v{raw['version']}")
        try:
            row = Instrument.objects.filter(key=raw["instrument"], version=raw["version"]).first()
        except DatabaseError:
            return None
        return row.parsed if row else None

    # --- import ---------------------------------------------------------------------------

    def import_file(self, path: Path) -> None:
        kind, _raw = services.load_any_file(path)
        if kind == "instrument":
            row, created = services.import_instrument(path)
            if created:
                self.stdout.write(self.style.SUCCESS(
                    f"Imported {row.key} v{row.version} as a new version: {_describe(row.parsed)}."))
            else:
                self.stdout.write(f"{row.key} v{row.version} is already imported with the same "
                                  "content: nothing to do.")
            return
        tr, action = services.import_translation(path)
        n, total = services.translation_coverage(tr.instrument)[tr.language]
        what = f"{tr.language} translation of {tr.instrument.key} v{tr.instrument.version}"
        message = {
            "created": f"Imported the {what}: {n}/{total} strings.",
            "updated": f"Updated the {what}: {n}/{total} strings.",
            "unchanged": f"The {what} is already imported with the same content: nothing to do.",
        }[action]
        self.stdout.write(self.style.SUCCESS(message) if action != "unchanged" else message)


def _describe(parsed: Doc) -> str:
    statements = [st for s in parsed.sections for _, sts in s.levels for st in sts]
    items = [i for st in statements for i in st.items]
    questions = [q for s in parsed.sections for q in s.questions]
    return (f"{parsed.key} v{parsed.version}, {len(parsed.sections)} sections, "
            f"{len(statements)} statements ({len(items)} list items), {len(questions)} questions, "
            f"{len(parsed.instructions)} instructions")


def _compress(ids: list[str]) -> list[str]:
    """Group IDs by kind for a short line: 'instr.* (17)', 's1.q.* (5)', single IDs as is."""
    groups: dict[str, list[str]] = {}
    for tid in ids:
        head = "instr" if tid.startswith("instr.") else tid.rsplit(".", 1)[0]
        groups.setdefault(head, []).append(tid)
    out = []
    for head, members in groups.items():
        out.append(f"{head}.* ({len(members)})" if len(members) > 1 else members[0])
    return out
