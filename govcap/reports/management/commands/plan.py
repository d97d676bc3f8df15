"""`govcap plan generate|export|pack`: generate an engagement's plan, write its documents,
or pack every plan document into one ZIP (a background job)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.orgs.models import Engagement
from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.catalogue import CatalogueError
from govcap.planning.core.inputs import PlanInputError
from govcap.planning.core.money import format_money as money
from govcap.planning.models import Plan
from govcap.reports import documents
from govcap.reports.pack_command import add_pack_parser, pack


class Command(BaseCommand):
    help = "Generate an engagement's training plan, or export a stored version as a document."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{generate,export,pack}")
        gen = sub.add_parser("generate", help="store a new draft version and print a summary")
        gen.add_argument("engagement", help="the engagement's slug")
        exp = sub.add_parser("export", help="write a plan version as DOCX, PDF, XLSX or JSON")
        exp.add_argument("engagement", help="the engagement's slug")
        exp.add_argument("--format", dest="fmt", choices=documents.FORMATS, default="json")
        exp.add_argument("--out", type=Path, required=True, help="file to write")
        exp.add_argument("--organisation", help="one organisation's plan (code, name or UUID)")
        exp.add_argument("--plan-version", type=int, help="a version (default: the latest)")
        exp.add_argument("--lang", "--language", dest="language", choices=documents.written_in(),
                         help="the document's language (default: the engagement's when the "
                              "documents are written in it, else English); Arabic reads right "
                              "to left")
        add_pack_parser(sub)  # a background job, or run here with a progress bar

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "pack":
            return pack(options, self.stdout)
        try:
            engagement = Engagement.objects.get(slug=options["engagement"])
        except Engagement.DoesNotExist:
            raise CommandError(f"No engagement {options['engagement']!r}; "
                               "`govcap engagements` lists them.") from None
        try:
            if options["action"] == "generate":
                self.generate(engagement)
            else:
                self.export(engagement, options)
        except (CatalogueError, PlanInputError, services.PlanRefused,
                documents.DocumentUnavailable) as exc:
            raise CommandError(str(exc)) from exc

    def generate(self, engagement: Engagement) -> None:
        ensure_default_catalogue()
        before = services.latest_plan(engagement)
        started = time.perf_counter()
        plan = services.generate(engagement, None)
        seconds = time.perf_counter() - started
        if before is not None and before.pk == plan.pk:
            self.stdout.write(f"Nothing changed since v{plan.version}; not stored again.")
        data = plan.data
        priorities: dict[str, int] = {}
        for need in data["needs"]:
            priorities[need["status"]] = priorities.get(need["status"], 0) + 1
        self.stdout.write(self.style.SUCCESS(
            f"{engagement.name}: plan v{plan.version} ({plan.status}) in {seconds:.2f} s"))
        self.stdout.write(
            f"  {len(data['organisations'])} organisations, {len(data['gaps'])} gaps, "
            f"{len(data['unknowns'])} sections unknown\n"
            f"  {len(data['needs'])} needs ("
            + ", ".join(f"{n} {s}" for s, n in sorted(priorities.items())) + ")\n"
            f"  {len(data['cohorts'])} cohorts over {len(data['months'])} months "
            f"from {data['months'][0]}\n"
            f"  {len(data['unfit'])} needs unfit\n"
            f"  total budget {money(data['budget']['total_cents'], data['currency'])}")
        ranked = sorted((n for n in data["needs"] if n["rank"]), key=lambda n: n["rank"])
        for need in ranked[:5]:
            self.stdout.write(f"  priority {need['rank']}: {need['org_name']} — "
                              f"{need['module_code']} ({need['month'] or need['status']})")
        for op in data["operations"]:
            self.stdout.write(f"  edit {op['op_id'][:8]} {op['kind']}: {op['status']} — "
                              f"{op['message']}")
        if plan.diff and not plan.diff.get("is_empty"):
            d = plan.diff
            self.stdout.write(
                f"  since v{plan.version - 1}: +{len(d['needs_added'])} / "
                f"-{len(d['needs_removed'])} needs, +{len(d['cohorts_added'])} / "
                f"-{len(d['cohorts_removed'])} cohorts, budget "
                f"{money(d['total_before_cents'], d.get('currency_before') or data['currency'])} → "
                f"{money(d['total_after_cents'], data['currency'])}")

    def export(self, engagement: Engagement, options: dict[str, Any]) -> None:
        plans = Plan.objects.filter(engagement=engagement).order_by("-version")
        if options["plan_version"]:
            plans = plans.filter(version=options["plan_version"])
        plan = plans.first()
        if plan is None:
            raise CommandError(f"{engagement.slug} has no plan"
                               + (f" version {options['plan_version']}"
                                  if options["plan_version"] else "")
                               + f"; run `govcap plan generate {engagement.slug}` first.")
        org_id = None
        if options["organisation"]:
            org_id = documents.find_org_id(plan, options["organisation"])
            if org_id is None:
                raise CommandError(f"No organisation {options['organisation']!r} in plan "
                                   f"v{plan.version} of {engagement.slug}.")
        language = documents.document_language(engagement.language, options["language"])
        data = documents.render(plan, options["fmt"], org_id, language)
        options["out"].write_bytes(data)
        self.stdout.write(f"Wrote {options['out']} ({len(data):,} bytes): plan v{plan.version} "
                          f"({plan.status}) of {engagement.slug}"
                          + ("" if options["fmt"] == "json" else f", in {language}"))
