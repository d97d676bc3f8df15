import json
import uuid as uuidlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from govcap import localise
from govcap.assessments.management.commands.privacy import operator
from govcap.assessments.privacy import PrivacyError
from govcap.delivery import imports, privacy, services, texts
from govcap.delivery.models import Attendance, Delivery, Trainee
from govcap.interchange.problems import ImportProblem


def _row(d: Delivery) -> dict:
    return {"uuid": str(d.uuid), "engagement": d.engagement.slug, "cohort": d.cohort_id,
            "module": d.module_code, "status": d.status,
            "start": d.start_date.isoformat() if d.start_date else None,
            "end": d.end_date.isoformat() if d.end_date else None, "days": d.days,
            "provider": d.provider.name if d.provider else None,
            "planned_participants": d.planned_participants,
            "nominated": d.trainees.count(),
            "completed": d.trainees.filter(completion="completed").count(),
            "planned_cost_cents": d.planned_cost_cents, "cost_cents": d.cost_cents,
            "currency": d.currency}


def delivery_named(text: str, *related: str) -> Delivery:
    """The delivery a command names by UUID (with ``related`` selected), or a CommandError
    that says where to find one; shared with `govcap evaluation`."""
    try:
        key = uuidlib.UUID(text)
    except ValueError:
        raise CommandError(f"“{text}” is not a delivery UUID (see `govcap deliveries list`).")\
            from None
    delivery = Delivery.objects.select_related(*related).filter(uuid=key).first()
    if delivery is None:
        raise CommandError(f"No delivery {text} (see `govcap deliveries list`).")
    return delivery


class Command(BaseCommand):
    help = ("Deliveries of approved plans: list [--engagement SLUG]; show UUID; "
            "import-attendance UUID FILE [--dry-run] (CSV/XLSX: code, day, present); "
            "erase-trainee UUID CODE.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="deliveries with planned and delivered numbers")
        listing.add_argument("--engagement", help="the engagement's slug")
        listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
        show = sub.add_parser("show", help="one delivery, its trainees (by code) and attendance")
        show.add_argument("delivery", help="the delivery's UUID")
        show.add_argument("--json", action="store_true", help="one JSON object on stdout")
        imp = sub.add_parser("import-attendance",
                             help="attendance from a CSV or XLSX sheet, all or nothing")
        imp.add_argument("delivery", help="the delivery's UUID")
        imp.add_argument("file", type=Path)
        imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        erase = sub.add_parser("erase-trainee",
                               help="remove what identifies a trainee (on their request)")
        erase.add_argument("delivery", help="the delivery's UUID")
        erase.add_argument("code", help="the trainee's code, e.g. T3")

    def handle(self, *args, **options):
        getattr(self, options["action"].replace("-", "_"))(options)

    def _delivery(self, text: str) -> Delivery:
        return delivery_named(text, "engagement", "provider")

    def list(self, options):
        qs = Delivery.objects.select_related("engagement", "provider").order_by(
            "engagement__slug", "start_date", "cohort_id")
        if options["engagement"]:
            qs = qs.filter(engagement__slug=options["engagement"])
        rows = [_row(d) for d in qs]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for r in rows:
            self.stdout.write(
                f"{r['uuid']}  {r['engagement']:32} {r['cohort']:24} {r['status']:11} "
                f"{r['start'] or '—':10}  planned {r['planned_participants']:3}  "
                f"nominated {r['nominated']:3}  completed {r['completed']:3}")
        self.stdout.write(f"{len(rows)} deliver{'y' if len(rows) == 1 else 'ies'}")

    def show(self, options):
        d = self._delivery(options["delivery"])
        row = _row(d)
        marks = {(a.trainee_id, a.day): a.present
                 for a in Attendance.objects.filter(trainee__delivery=d)}
        trainees: list[dict] = []
        for t in Trainee.objects.filter(delivery=d).select_related("organisation"):
            days = [marks.get((t.pk, n)) for n in range(1, d.days + 1)]
            trainees.append({"code": t.code, "organisation": t.organisation.name,
                             "gender": t.gender, "seniority": t.seniority,
                             "completion": t.completion, "attendance": days})
        row["trainees"] = trainees
        nominees = Trainee.objects.filter(delivery=d).select_related("organisation")
        findings = services.nomination_findings(d, nominees)
        row["warnings"] = [f.kind for f in findings]
        if options["json"]:
            self.stdout.write(json.dumps(row, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{row['module']} ({row['cohort']}) — {row['engagement']} — "
                          f"{row['status']}, {row['start'] or 'no dates'}, {row['days']} day(s)")
        for item in trainees:
            line = "".join("?" if m is None else "P" if m else "-" for m in item["attendance"])
            self.stdout.write(f"  {item['code']:5} {item['organisation'][:40]:40} {line:12} "
                              f"{item['completion'] or '—'}")
        # the warnings in words, as the delivery page says them (the JSON keeps their kinds)
        org_names = {str(o.uuid): o.name for o in d.engagement.organisations.all()}
        personas = dict(d.plan.catalogue.parsed(localise.language_of()).personas)
        for f in findings:
            self.stdout.write(f"  warning: {texts.finding_text(f, org_names, personas)}")

    def import_attendance(self, options):
        d = self._delivery(options["delivery"])
        try:
            result = imports.import_attendance(options["file"], d, dry_run=options["dry_run"])
        except ImportProblem as exc:
            raise CommandError(str(exc)) from None
        if result.dry_run:
            said = f"{result.marks} attendance mark(s) would be imported (dry run)"
        else:
            said = (f"{result.marks} attendance mark(s) imported (new: {result.new}, changed: "
                    f"{len(result.changed)}, as recorded before: {result.same})")
        if result.blank:
            said += f"; {result.blank} row(s) left “present” blank kept their marks"
        self.stdout.write(said + ".")

    def erase_trainee(self, options):
        d = self._delivery(options["delivery"])
        try:
            result = privacy.erase_trainee(d, options["code"], operator=operator())
        except PrivacyError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"{result.code}: identity {'removed' if result.identity_removed else 'was empty'}, "
            f"{result.events_redacted} audit event(s) redacted; evaluation answers whose "
            f"free text was blanked: {result.answers_blanked}; attendance, completion, "
            "ratings and scores are kept.")
