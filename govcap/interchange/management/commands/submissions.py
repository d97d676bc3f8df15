"""`govcap submissions import FILE --engagement E [--dry-run]`: KoboToolbox / ODK Central
exports into an engagement, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.interchange.plan import ImportPlan
from govcap.interchange.problems import ImportProblem
from govcap.interchange.services import import_submissions
from govcap.orgs.models import Engagement

SHORT = {"high": "H", "moderate": "M", "basic": "B", "not_assessed": "–"}


class Command(BaseCommand):
    help = "Import submissions exported from KoboToolbox or ODK Central (CSV or XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{import}")
        imp = sub.add_parser("import", help="create submitted sessions from an export file")
        imp.add_argument("file", type=Path, help="the CSV or XLSX export (or ODK Central's ZIP)")
        imp.add_argument("--engagement", required=True, help="engagement slug")
        imp.add_argument("--dry-run", action="store_true",
                         help="check the file and show what would be created; write nothing")
        imp.add_argument("--user", help="the importing user's user name (recorded in the audit "
                         "trail and as the submitter)")

    def handle(self, *args: Any, **options: Any) -> None:
        engagement = Engagement.objects.select_related("country", "instrument").filter(
            slug=options["engagement"]).first()
        if engagement is None:
            known = ", ".join(Engagement.objects.values_list("slug", flat=True)[:20]) or "none"
            raise CommandError(f"No engagement {options['engagement']!r}; engagements: {known}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            report = import_submissions(path, engagement, user=user,
                                        dry_run=options["dry_run"])
        except ImportProblem as exc:
            raise CommandError(f"{exc}\nNothing was imported.") from exc
        self._print(path, engagement, report.plan, report.dry_run)

    def _print(self, path: Path, engagement: Engagement, plan: ImportPlan, dry_run: bool) -> None:
        w = self.stdout.write
        verb = "Would create" if dry_run else "Created"
        n = len(plan.sessions)
        w(f"{path.name}: {plan.columns.tool} export ({plan.table_format}, headers: "
          f"{plan.columns.style}) for {engagement.name}.")
        w(self.style.SUCCESS(f"{verb} {n} submitted session{'s' if n != 1 else ''}:")
          if n else f"{verb} no session.")
        for p in plan.sessions:
            s = p.submission
            levels = " ".join(SHORT.get(e.level, "·") for e in s.sections)
            quotes = sum(len(e.quotes) for e in s.sections)
            who = (f"facilitator {s.facilitator}" if p.facilitator_id else
                   f"note-taker {p.note_taker or '—'}")
            w(f"  row {s.row}: {p.organisation_name} · {s.date} · levels {levels} · "
              f"{_count(s.participants, 'participant')} · {_count(quotes, 'quote')} · {who} · "
              f"{s.instance_id}")
        for skip in plan.skipped:
            w(self.style.WARNING(f"  skipped row {skip.row} ({skip.instance_id or 'no ID'}): "
                                 f"{skip.reason}"))
        for notice in plan.notices:
            w(self.style.WARNING(notice))
        if plan.columns.ignored:
            shown = ", ".join(plan.columns.ignored[:12])
            more = len(plan.columns.ignored) - 12
            w(f"Columns not used: {shown}" + (f" and {more} more" if more > 0 else ""))
        if dry_run:
            w("Dry run: nothing was written.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
