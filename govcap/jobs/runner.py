"""Run one job: mark it running, do its work with progress and a heartbeat, and record the
outcome — or the failure, with its message and traceback, so no failure is lost — or its
cancellation, asked for while it ran and noticed at its next progress step.

The same function runs in a worker (through :mod:`govcap.jobs.tasks`) and in the
foreground of a command (``govcap plan pack``), where ``listener`` draws a progress bar.
"""

from __future__ import annotations

import contextlib
import threading
import traceback as tb

from django.utils import timezone, translation

from govcap.jobs import files
from govcap.jobs.kinds import work_for
from govcap.jobs.models import Job
from govcap.jobs.progress import Heartbeat, JobCancelled, Progress


class JobNotQueued(Exception):
    """The job is not waiting (already run, or running elsewhere)."""


def error_message(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def claim(job_id: int) -> Job:
    """Mark a queued job running; only one worker gets it."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now)
    job = Job.objects.select_related("owner").get(pk=job_id)
    if not claimed and job.status == Job.Status.CANCELLED:
        raise JobCancelled(f"job {job_id} was cancelled before it ran")
    if not claimed:
        raise JobNotQueued(f"job {job_id} is {job.status}, not queued")
    return job


def execute(job_id: int, *, listener=None) -> Job:
    job = claim(job_id)
    cancelled = threading.Event()  # set by the heartbeat, seen by the next progress step
    progress = Progress(job, listener=listener, cancelled=cancelled)
    language = job.params.get("language")  # the language it was asked in
    try:
        with Heartbeat(job.pk, cancelled=cancelled), (
                translation.override(language) if language else contextlib.nullcontext()):
            outcome = work_for(job.kind)(job, progress)
    except JobCancelled:
        record_cancelled(job)
        raise
    except (KeyboardInterrupt, SystemExit):
        record_failure(job, Job.Status.INTERRUPTED, "", tb.format_exc())
        raise
    except Exception as exc:
        record_failure(job, Job.Status.FAILED, error_message(exc), tb.format_exc(),
                       problems=getattr(exc, "problems", None))
        raise
    job.status, job.finished_at = Job.Status.SUCCEEDED, timezone.now()
    job.result_name, job.result_path = outcome.name, outcome.relative
    job.result_size = outcome.path.stat().st_size if outcome.path else 0
    job.summary = outcome.summary
    job.done = max(job.done, job.total)
    job.save(update_fields=["status", "finished_at", "result_name", "result_path",
                            "result_size", "summary", "done", "heartbeat_at", "message"])
    if listener is not None:
        listener(job)
    return job


def record_cancelled(job: Job) -> None:
    files.remove_result(job)
    job.refresh_from_db(fields=["cancel_requested_at", "cancel_requested_by"])
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.CANCELLED, finished_at=now, message=job.cancel_note,
        cancel_requested_at=job.cancel_requested_at or now, result_path="", result_name="")
    job.refresh_from_db()


def record_failure(job: Job, status: str, message: str, trace: str, problems=None) -> None:
    files.remove_result(job)
    summary = dict(job.summary or {})
    if problems:
        summary["problems"] = [[p.row, p.column or "", p.reason] for p in problems][:500]
    Job.objects.filter(pk=job.pk).update(
        status=status, error=message, traceback=trace, finished_at=timezone.now(),
        result_path="", result_name="", summary=summary)
    job.refresh_from_db()
