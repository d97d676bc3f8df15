"""`govcap catalogue show|import`: the training catalogue versions in the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.planning.catalogues import ensure_default_catalogue, import_file, latest_catalogue
from govcap.planning.core.validation import CatalogueError
from govcap.planning.models import Catalogue


class Command(BaseCommand):
    help = "Show the training catalogue, or import a catalogue version or a translation layer."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{show,import}")
        show = sub.add_parser("show", help="versions, and the modules of one version")
        show.add_argument("--version", dest="catalogue_version", help="default: the latest")
        show.add_argument("--key", default="govcap-default")
        show.add_argument("--json", action="store_true", help="the stored document")
        imp = sub.add_parser("import", help="a catalogue file (a new version) or a translation")
        imp.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "import":
                kind, row, action = import_file(options["file"])
                self.stdout.write(self.style.SUCCESS(f"{kind} {row}: {action}"))
            else:
                self.show(options)
        except CatalogueError as exc:
            raise CommandError(str(exc)) from exc
        except Catalogue.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc

    def show(self, options: dict[str, Any]) -> None:
        ensure_default_catalogue()
        key = options["key"]
        if options["catalogue_version"]:
            row = Catalogue.objects.filter(key=key, version=options["catalogue_version"]).first()
            if row is None:
                raise CommandError(f"No catalogue {key} v{options['catalogue_version']}.")
        else:
            row = latest_catalogue(key)
        if options["json"]:
            self.stdout.write(json.dumps(row.document, ensure_ascii=False, indent=2))
            return
        for other in Catalogue.objects.filter(key=key):
            langs = ", ".join(other.translations.values_list("language", flat=True)) or "—"
            used = "used by plans" if other.in_use else "unused"
            mark = "*" if other.pk == row.pk else " "
            self.stdout.write(f"{mark} v{other.version:10} {other.checksum[:12]}  {used:14} "
                              f"translations: {langs}  {other.change_note}")
        parsed = row.parsed()
        self.stdout.write(f"\n{parsed.title} — v{parsed.version}, {len(parsed.modules)} modules, "
                          f"costs in {parsed.currency}")
        for m in parsed.modules:
            self.stdout.write(f"  {m.code:8} {m.step:15} {m.days:2} d  {m.min_cohort:2}–"
                              f"{m.max_cohort:<3} {m.title}")
