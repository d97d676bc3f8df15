"""The tidy results export (one engagement or the whole programme) written to a file by a
job, through the public functions of ``interchange.exports``; progress counts the rows.

Pseudonymised only: an identified export stays a deliberate, audited command
(``govcap privacy export-identified``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Count

from govcap.accounts import scoping
from govcap.assessments import sharing
from govcap.instruments.models import Instrument
from govcap.interchange import exports
from govcap.jobs.files import new_result_path
from govcap.jobs.models import Job
from govcap.jobs.outcome import Outcome
from govcap.jobs.progress import Progress
from govcap.orgs.models import Engagement


class ExportRefused(Exception):
    pass


def expected_rows(sessions) -> int:
    """One row per session × section of the session's instrument version."""
    per_instrument = dict(sessions.order_by().values("instrument").annotate(n=Count("id"))
                          .values_list("instrument", "n"))
    total = 0
    for instrument in Instrument.objects.filter(pk__in=per_instrument):
        total += per_instrument[instrument.pk] * len(instrument.parsed.sections)
    return total


def counted(rows: Iterable[Any], progress: Progress) -> Iterator[Any]:
    for row in rows:
        yield row
        progress.step(n=1, force=False)


def run_results_export(job: Job, progress: Progress) -> Outcome:
    fmt = job.params.get("format", "csv")
    if fmt not in exports.FORMATS:
        raise ExportRefused(f"unknown format {fmt!r}")
    engagement = None
    if job.params.get("engagement"):
        qs = (scoping.engagements(job.owner) if job.owner is not None
              else Engagement.objects.all())
        engagement = qs.filter(slug=job.params["engagement"]).first()
        if engagement is None:
            raise ExportRefused(f"No engagement {job.params['engagement']!r} in this "
                                "person's scope.")
    options = exports.ExportOptions(include_demo=bool(job.params.get("include_demo")))
    sessions = exports.export_sessions(job.owner, engagement, options)
    progress.start(expected_rows(sessions))
    internal = (sharing.internal_sessions(job.owner, sessions) if job.owner is not None
                else None)  # a viewer's export holds what sessions shared, not their notes
    rows = counted(exports.result_rows(sessions, options, internal), progress)
    name = exports.export_filename(engagement, fmt)
    path, relative = new_result_path(job, name)
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            count = exports.write_csv(rows, [c.name for c in exports.columns(options)], out)
    else:
        with path.open("wb") as out:  # write-only workbook: memory stays flat
            count = exports.write_xlsx(rows, out, options)
    progress.set_total(count)
    return Outcome(path=path, relative=relative, name=name, summary={"rows": count})
