"""`govcap results export [ENGAGEMENT] --format csv|xlsx --out FILE`: tidy results, one row
per session × section, with a data dictionary."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.accounts import scoping
from govcap.interchange.exports import (
    DICTIONARY_HEADER,
    FORMATS,
    ExportOptions,
    csv_bytes,
    dictionary_rows,
    write_export,
)
from govcap.orgs.models import Engagement


class Command(BaseCommand):
    help = "Export results as tidy CSV or XLSX (one row per session × section)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{export}")
        add_export_arguments(sub.add_parser(
            "export", help="write the results of one engagement or of all"))

    def handle(self, *args: Any, **options: Any) -> None:
        run_export(self, options)


def add_export_arguments(export: CommandParser) -> None:
    """`export`'s arguments. `govcap results` is govcap.results' command (which adds the
    programme's indicators and IATI file to the noun): it mounts this same action."""
    export.add_argument("engagement", nargs="?",
                        help="engagement slug (default: every engagement in scope)")
    export.add_argument("--format", dest="fmt", choices=FORMATS,
                        help="csv or xlsx (default: from the --out suffix)")
    export.add_argument("--out", required=True, type=Path, help="the file to write")
    export.add_argument("--user", help="export what this user may see (default: "
                        "everything, as the server's operator)")
    export.add_argument("--include-demo", action="store_true", help="include demo data")
    export.add_argument("--identified", action="store_true",
                        help="add participants' names (administrators only)")


def run_export(command: BaseCommand, options: dict[str, Any]) -> None:
    """`govcap results export`: write the file, say what was written."""
    out: Path = options["out"]
    fmt = options["fmt"] or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CommandError(f"--out {out}: give --format csv or xlsx")
    if not out.parent.is_dir():
        raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
    user = None
    if options["user"]:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.")
        if options["identified"] and not scoping.is_admin(user):
            raise CommandError("Only administrators export identified data.")
    engagement = None
    if options["engagement"]:
        found = (scoping.engagements(user) if user is not None
                 else Engagement.objects.all()).filter(slug=options["engagement"]).first()
        if found is None:
            raise CommandError(f"No engagement {options['engagement']!r} "
                               "(`govcap engagements` lists them).")
        engagement = found
    export = ExportOptions(include_demo=options["include_demo"],
                           identified=options["identified"])
    started = time.perf_counter()
    try:
        with out.open("wb") as f:  # written as it is read: memory stays flat
            n = write_export(user, engagement, fmt, f, export)
        written = [str(out)]
        if fmt == "csv":
            dictionary = out.with_name(f"{out.stem}.dictionary.csv")
            dictionary.write_bytes(csv_bytes(dictionary_rows(export), DICTIONARY_HEADER)[0])
            written.append(str(dictionary))
    except OSError as exc:
        raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
    seconds = time.perf_counter() - started
    what = engagement.name if engagement else "every engagement in scope"
    command.stdout.write(command.style.SUCCESS(
        f"Wrote {' and '.join(written)}: {n} rows (session × section) of {what}"
        f"{', demo data included' if export.include_demo else ''}"
        f"{', identified' if export.identified else ', pseudonymised'}; {seconds:.2f} s."))
