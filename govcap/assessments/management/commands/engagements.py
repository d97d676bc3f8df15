import json

from django.core.management.base import BaseCommand

from govcap.assessments.listings import engagement_rows


class Command(BaseCommand):
    help = "List engagements (slug, country, round, organisations, sessions); --json for scripts."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON array on stdout")
        parser.add_argument("--country", help="ISO code, e.g. KE")

    def handle(self, *args, **options):
        rows = engagement_rows()
        if options["country"]:
            rows = [r for r in rows if r["country"] == options["country"].upper()]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for r in rows:
            demo = "  [demo]" if r["demo"] else ""
            self.stdout.write(f"{r['slug']:40} {r['country']}  round {r['round']}  "
                              f"{r['organisations']:3} orgs  {r['sessions']:3} sessions  "
                              f"{r['status']}{demo}")
        self.stdout.write(f"{len(rows)} engagement(s)")
