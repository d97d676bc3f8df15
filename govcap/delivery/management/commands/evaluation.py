from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from govcap.delivery import evaluation_xlsform
from govcap.delivery.management.commands.deliveries import delivery_named
from govcap.delivery.models import Delivery
from govcap.interchange.problems import ImportProblem


class Command(BaseCommand):
    help = ("Evaluation of deliveries (levels 1 and 2): export-xlsform --delivery UUID "
            "--level 1|2 --out F.xlsx [--language fr]; import --delivery UUID FILE "
            "[--dry-run] (a KoboToolbox or ODK export, CSV or XLSX, all or nothing).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export-xlsform",
                                help="the level 1 or level 2 form of a delivery as an XLSForm")
        export.add_argument("--delivery", required=True, help="the delivery's UUID")
        export.add_argument("--level", required=True, type=int, choices=(1, 2))
        export.add_argument("--out", required=True, type=Path, help="the .xlsx to write")
        export.add_argument("--language", action="append", dest="languages", metavar="LANG",
                            help="a language of the form (repeat for more; default en)")
        imp = sub.add_parser("import", help="answers exported from KoboToolbox or ODK, "
                                            "all or nothing")
        imp.add_argument("--delivery", required=True, help="the delivery's UUID")
        imp.add_argument("file", type=Path)
        imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args, **options):
        name = options["action"].replace("-", "_")
        getattr(self, "import_" if name == "import" else name)(options)

    def _delivery(self, text: str) -> Delivery:
        return delivery_named(text, "plan", "plan__catalogue")

    def export_xlsform(self, options):
        d = self._delivery(options["delivery"])
        out: Path = options["out"]
        if out.suffix.lower() != ".xlsx":
            raise CommandError(f"{out}: an XLSForm is an .xlsx workbook; name the file .xlsx.")
        if not out.parent.is_dir():
            raise CommandError(f"{out.parent}: no such folder.")
        offered = {code for code, _name in settings.LANGUAGES}
        languages = options["languages"] or ["en"]
        unknown = [lang for lang in languages if lang not in offered]
        if unknown:
            raise CommandError(f"Unknown language {', '.join(unknown)}; offered: "
                               f"{', '.join(sorted(offered))}.")
        spec = evaluation_xlsform.write_xlsform(d, options["level"], out, languages)
        questions = sum(1 for f in spec.fields() if f.role and f.type != "calculate")
        self.stdout.write(f"{out}: form {spec.form_id} version {spec.version}, "
                          f"{questions} questions, languages {', '.join(spec.languages)}.")

    def import_(self, options):
        d = self._delivery(options["delivery"])
        try:
            result = evaluation_xlsform.import_answers(options["file"], d,
                                                       dry_run=options["dry_run"])
        except ImportProblem as exc:
            raise CommandError(str(exc)) from None
        verb = "would be imported (dry run)" if result.dry_run else "imported"
        self.stdout.write(f"Level {result.level}, answers {verb}: {result.created}; already "
                          f"there: {result.unchanged}.")
