"""`govcap xlsform export`: the instrument as an XLSForm for KoboToolbox and ODK Central."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.instruments import services as instruments
from govcap.instruments.models import Instrument
from govcap.interchange.services import export_xlsform


class Command(BaseCommand):
    help = "Export an instrument version as an XLSForm (survey, choices, settings sheets)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{export}")
        export = sub.add_parser("export", help="write the XLSForm of an instrument version")
        export.add_argument("--key", default=instruments.DEFAULT_KEY, help="instrument key")
        export.add_argument("--version", dest="instrument_version",
                            help="instrument version (default: the latest)")
        export.add_argument("--languages", help="comma-separated language codes, the default "
                            "language first (default: every language the instrument has)")
        export.add_argument("--out", required=True, type=Path, help="the .xlsx file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if out.suffix.lower() != ".xlsx":
            raise CommandError(f"--out {out}: an XLSForm is an .xlsx file")
        if not out.parent.is_dir():
            raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
        languages = [c.strip() for c in (options["languages"] or "").split(",") if c.strip()]
        try:
            if options["key"] == instruments.DEFAULT_KEY:
                instruments.ensure_default_instrument()
            instrument = instruments.get_instrument(options["key"], options["instrument_version"])
            spec = export_xlsform(instrument, out, languages or None)
        except (Instrument.DoesNotExist, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
        questions = sum(1 for f in spec.fields() if f.type not in ("note", "calculate", "start",
                                                                    "end"))
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {out}: XLSForm of {spec.form_id} version {spec.version} "
            f"(form_id {spec.form_id}, version {spec.version}); languages "
            f"{', '.join(spec.languages)}; {len(spec.section_keys)} sections, {questions} "
            "questions."))
        self.stdout.write("Upload it to KoboToolbox or ODK Central, collect, then download the "
                          "submissions as CSV or XLSX and run `govcap submissions import`.")
