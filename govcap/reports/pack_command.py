"""`govcap plan pack [ENGAGEMENT | --programme] [--language LANG] --out FILE.zip
[--background]`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, CommandParser

from govcap.jobs.foreground import run_or_queue
from govcap.jobs.models import Job
from govcap.orgs.models import Engagement
from govcap.reports import documents
from govcap.reports.pack import FORMATS


def add_pack_parser(sub) -> CommandParser:
    pack = sub.add_parser("pack", help="every plan document (DOCX, PDF, XLSX) in one ZIP")
    pack.add_argument("engagement", nargs="?", help="the engagement's slug")
    pack.add_argument("--programme", action="store_true", help="every engagement's plans")
    pack.add_argument("--formats", default=",".join(FORMATS), help="e.g. pdf,xlsx")
    pack.add_argument(
        "--language",
        metavar="LANG",
        help="the documents' language, one of "
        f"{', '.join(documents.LANGUAGES)} (default: each engagement's own), "
        "as the plan page's pack offers",
    )
    pack.add_argument("--out", type=Path, help="file to write (not with --background)")
    pack.add_argument(
        "--background",
        action="store_true",
        help="queue it for `govcap worker` and print the job's ID",
    )
    return pack


def pack(options: dict, stdout) -> None:
    slug, programme = options["engagement"], options["programme"]
    if bool(slug) == bool(programme):
        raise CommandError("Name an engagement, or give --programme.")
    if not options["background"] and options["out"] is None:
        raise CommandError("--out FILE.zip is needed (or --background).")
    label = "Plan pack: every engagement"
    if slug:
        engagement = Engagement.objects.filter(slug=slug).first()
        if engagement is None:
            raise CommandError(f"No engagement {slug!r}; `govcap engagements` lists them.")
        label = f"Plan pack: {engagement.name}"
    formats = [f.strip() for f in options["formats"].split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise CommandError(f"--formats: use some of {', '.join(FORMATS)}")
    params: dict = {"engagement": slug, "formats": formats}
    if options.get("language"):
        try:
            params["language"] = documents.document_language(None, options["language"])
        except documents.UnknownLanguage:
            raise CommandError(
                f"--language {options['language']!r}: plan documents are "
                f"written in {', '.join(documents.LANGUAGES)}"
            ) from None
    run_or_queue(
        Job.Kind.PLAN_PACK,
        params,
        label,
        out=options["out"],
        background=options["background"],
        stdout=stdout,
    )
