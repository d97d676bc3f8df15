"""`govcap results`: the programme's results.

- `export`: tidy ratings, one row per session × section (govcap.interchange's action);
- `indicators --format xlsx|docx|pdf|json [--engagement SLUG | --programme]`: the results
  indicators and the level-4 comparison, with definitions;
- `iati (--engagement SLUG | --programme) --out F.xml [--include-demo]`: the indicators as
  an IATI 2.03 activity file.

Without `--user` the command reads as the server's operator (everything); with it, what
that user may see, as on the results page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from govcap.delivery import access as delivery_access
from govcap.interchange.management.commands.results import add_export_arguments, run_export
from govcap.reports.documents import written_in
from govcap.results import document, iati, queries, serialise
from govcap.results.build import build

FORMATS = (*document.FORMATS, "json")


def many(n: int, one: str, more: str = "") -> str:
    """"1 engagement", "3 engagements" (the command speaks English, as Django's do)."""
    return f"{n} {one if n == 1 else more or one + 's'}"


def _scope(parser: CommandParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--engagement", metavar="SLUG", help="one engagement (a country's round)")
    which.add_argument("--programme", action="store_true",
                       help="every engagement in scope, countries side by side")
    parser.add_argument("--user", help="what this user may see (default: everything, as the "
                        "server's operator)")
    parser.add_argument("--include-demo", action="store_true",
                        help="count demo data too (marked DEMO DATA)")


class Command(BaseCommand):
    help = ("Results: tidy ratings (export), the programme's indicators (indicators) and "
            "their IATI activity file (iati).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{export,indicators,iati}")
        add_export_arguments(sub.add_parser(
            "export", help="write the results of one engagement or of all"))
        indicators = sub.add_parser(
            "indicators", help="the programme's results indicators with their definitions, "
            "baselines, targets and counts, and the level-4 comparison")
        indicators.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
        _scope(indicators)
        indicators.add_argument("--out", type=Path,
                                help="the file to write (default: standard output for json)")
        indicators.add_argument("--lang", choices=written_in(), default="en",
                                help="the document's language")
        iati_parser = sub.add_parser(
            "iati", help="the indicators as an IATI 2.03 activity file (<result> elements)")
        _scope(iati_parser)
        iati_parser.add_argument("--out", type=Path, required=True, help="the .xml to write")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            run_export(self, options)
            return
        user = self._user(options["user"])
        engagement = self._engagement(user, options["engagement"])
        if options["action"] == "iati":
            self._iati(user, engagement, options)
        else:
            self._indicators(user, engagement, options)

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if delivery_access.only_a_provider(user):
            raise CommandError(f"{username} is a training provider's staff: results are for "
                               "the programme's coordinators and managers.")
        return user

    def _engagement(self, user, slug: str | None):
        if not slug:
            return None
        found = queries.engagements(user).filter(slug=slug).first()
        if found is None:
            raise CommandError(f"No engagement {slug!r} (`govcap engagements` lists them).")
        return found

    def _writable(self, out: Path) -> None:
        if not out.parent.is_dir():
            raise CommandError(f"--out {out}: the folder {out.parent} does not exist")

    def _indicators(self, user, engagement, options: dict[str, Any]) -> None:
        fmt, out = options["fmt"], options["out"]
        if fmt != "json" and out is None:
            raise CommandError(f"--format {fmt}: give --out FILE")
        if engagement is not None and engagement.is_demo and not options["include_demo"]:
            raise CommandError(f"{engagement.slug} is demo data: add --include-demo.")
        with translation.override(options["lang"]):
            results = build(user, engagement, include_demo=options["include_demo"])
            if fmt == "json":
                body = (json.dumps(serialise.as_json(results), indent=2, ensure_ascii=False)
                        + "\n").encode()
            else:
                body = document.render(results, fmt)
        if out is None:
            self.stdout.write(body.decode(), ending="")
            return
        self._writable(out)
        try:
            out.write_bytes(body)
        except OSError as exc:
            raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
        left = (f"; {many(results.demo_left_out, 'demo engagement')} left out "
                "(--include-demo)" if results.demo_left_out else "")
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {out}: {many(len(results.indicators), 'indicator')} of "
            f"{many(len(results.engagements), 'engagement')}, "
            f"{many(len(results.pairs), 'round comparison')}"
            f"{', DEMO DATA' if results.is_demo else ''}{left}."))

    def _iati(self, user, engagement, options: dict[str, Any]) -> None:
        out: Path = options["out"]
        self._writable(out)
        try:
            with translation.override("en"):
                body, scope, left_out = iati.write(user, engagement,
                                                   include_demo=options["include_demo"])
        except iati.IATIError as exc:
            raise CommandError(str(exc)) from exc
        try:
            out.write_bytes(body)
        except OSError as exc:
            raise CommandError(f"--out {out}: {exc.strerror or exc}") from exc
        left = f"; {many(left_out, 'demo engagement')} left out" if left_out else ""
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {out}: {many(len(scope), 'IATI activity', 'IATI activities')} ({', '.join(e.slug for e in scope)})"
            f"{', marked DEMO DATA' if options['include_demo'] else ''}{left}."))
