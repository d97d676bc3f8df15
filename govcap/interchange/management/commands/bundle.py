"""`govcap bundle export ENGAGEMENT --out FILE` / `govcap bundle import FILE`: one
engagement as a schema-versioned, checksummed JSON bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.interchange.bundle import (
    SCHEMA_VERSION,
    BundleError,
    BundleOptions,
    refuse_demo,
    write_bundle,
)
from govcap.interchange.bundleio import import_bundle, read_bundle
from govcap.orgs.models import Engagement

MAX_BYTES = 200 * 1024 * 1024


class Command(BaseCommand):
    help = "Export or import one engagement as a JSON bundle."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{export,import}")
        export = sub.add_parser("export", help="write the bundle of an engagement")
        export.add_argument("engagement", help="engagement slug")
        export.add_argument("--out", required=True, type=Path, help="the .json file to write")
        export.add_argument("--include-demo", action="store_true",
                            help="allow demo data in the bundle")
        export.add_argument("--identified", action="store_true",
                            help="include participants' names and contacts")
        imp = sub.add_parser("import", help="import a bundle (records present are kept)")
        imp.add_argument("file", type=Path, help="the bundle (.json)")
        imp.add_argument("--user", help="the importing user (recorded in the audit trail)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options)
        else:
            self._import(options)

    def _export(self, options: dict) -> None:
        engagement = Engagement.objects.filter(slug=options["engagement"]).first()
        if engagement is None:
            raise CommandError(f"No engagement {options['engagement']!r} "
                               "(`govcap engagements` lists them).")
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
        bundle_options = BundleOptions(include_demo=options["include_demo"],
                                       identified=options["identified"])
        try:
            refuse_demo(engagement, bundle_options)  # before the file is created
            with out.open("wb") as f:  # written session by session: memory stays flat
                written = write_bundle(engagement, f, bundle_options)
        except BundleError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {out}: {engagement.name}, {written.organisations} organisations, "
            f"{written.sessions} sessions (schema {SCHEMA_VERSION}, sha256 "
            f"{written.content_checksum[:12]}…)"
            f"{'; identified' if options['identified'] else ''}."))

    def _import(self, options: dict) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path}: larger than 200 MB.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        try:
            report = import_bundle(read_bundle(path), user=user, name=path.name)
        except BundleError as exc:
            raise CommandError(f"{path.name}: {exc} Nothing was imported.") from exc
        created = ", ".join(f"{n} {k}" for k, n in sorted(report.created.items())) or "nothing"
        present = ", ".join(f"{n} {k}" for k, n in sorted(report.present.items())) or "nothing"
        self.stdout.write(self.style.SUCCESS(
            f"Imported {path.name} into {report.engagement.slug if report.engagement else '?'}: "
            f"created {created}; already present {present}."))
        for notice in report.notices:
            self.stdout.write(self.style.WARNING(notice))
