import json

from django.core.management.base import BaseCommand, CommandError

from govcap.assessments.listings import session_rows
from govcap.assessments.models import Session
from govcap.scale import SECTION_KEYS

SHORT = {"high": "H", "moderate": "M", "basic": "B", "not_assessed": "–", None: "·"}


class Command(BaseCommand):
    help = "List FGD sessions with their status and level per section; --json for scripts."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON array on stdout")
        parser.add_argument("--engagement", help="engagement slug")
        parser.add_argument("--status", choices=Session.Status.values)

    def handle(self, *args, **options):
        sessions = Session.objects.all()
        if options["engagement"]:
            sessions = sessions.filter(engagement__slug=options["engagement"])
            if not sessions.exists():
                raise CommandError(f"No sessions in an engagement called {options['engagement']!r}.")
        if options["status"]:
            sessions = sessions.filter(status=options["status"])
        rows = session_rows(sessions)
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for r in rows:
            levels = "".join(SHORT[r["levels"].get(k)] for k in SECTION_KEYS)
            self.stdout.write(f"{r['id'][:8]}  {r['engagement'][:28]:28} {r['organisation'][:44]:44} "
                              f"{r['date'] or '—':10}  {r['status']:11} {levels}")
        self.stdout.write(f"{len(rows)} session(s); levels per section 1–8: H M B, – not "
                          "assessed, · not rated")
