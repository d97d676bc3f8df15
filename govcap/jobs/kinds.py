"""Each kind of job and the function that does its work: ``work(job, progress) → Outcome``."""

from __future__ import annotations

from collections.abc import Callable

from govcap.jobs.models import Job
from govcap.jobs.outcome import Outcome
from govcap.jobs.progress import Progress

Work = Callable[[Job, Progress], Outcome]


def work_for(kind: str) -> Work:
    if kind == Job.Kind.PLAN_PACK:
        from govcap.jobs.plan_pack import run_plan_pack

        return run_plan_pack
    if kind == Job.Kind.RESULTS_EXPORT:
        from govcap.jobs.results_export import run_results_export

        return run_results_export
    if kind == Job.Kind.SUBMISSIONS_IMPORT:
        from govcap.jobs.submissions_import import run_submissions_import

        return run_submissions_import
    raise ValueError(f"unknown job kind {kind!r}")
