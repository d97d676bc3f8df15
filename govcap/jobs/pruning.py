"""Removing old jobs: finished jobs older than GOVCAP_JOB_KEEP_DAYS go, with their result
files, the uploads no kept job still needs, and their django-tasks-db queue rows.

`govcap jobs prune` does it when asked; the worker (`govcap worker`, and the one a laptop's
`govcap serve` starts) does it on its own shortly after it starts, then about once a day,
in a thread beside the jobs — so nobody has to remember a cron line.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from govcap.jobs import files
from govcap.jobs.models import Job

logger = logging.getLogger("govcap.jobs")

FIRST_PRUNE_AFTER = 60.0  # seconds after the worker starts: past its busy start
PRUNE_EVERY = 24 * 3600.0
RETRY_AFTER = 3600.0  # after a prune that failed (a locked or unreachable database)


@dataclass(frozen=True)
class Pruned:
    jobs: int
    files: int


def prune_finished(days: int, *, now: dt.datetime | None = None) -> Pruned:
    """Remove the jobs that finished and were asked for more than ``days`` days ago."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    candidates = Job.objects.filter(created_at__lt=cutoff).exclude(status=Job.Status.QUEUED)
    old = [job for job in candidates if job.is_finished]
    removed_files = sum(_remove_result(job) for job in old)
    removed_files += _remove_unneeded_uploads(old)
    _delete_queue_rows(old)
    Job.objects.filter(pk__in=[job.pk for job in old]).delete()
    return Pruned(jobs=len(old), files=removed_files)


def _remove_result(job: Job) -> int:
    existed = job.result_file is not None and job.result_file.exists()
    files.remove_result(job)
    return int(existed)


def _remove_unneeded_uploads(old: list[Job]) -> int:
    """A failed or cancelled import keeps its upload so it can run again; once the job is
    pruned, the upload goes too — unless a kept run of the same import still needs it."""
    imports = [job for job in old if job.kind == Job.Kind.SUBMISSIONS_IMPORT]
    if not imports:
        return 0
    kept = {job.params.get("file") for job in Job.objects.filter(
        kind=Job.Kind.SUBMISSIONS_IMPORT).exclude(pk__in=[j.pk for j in old]).only("params")}
    removed = 0
    for job in imports:
        path = files.upload_path(job)
        if job.params.get("file") not in kept and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _delete_queue_rows(old: list[Job]) -> None:
    from django_tasks_db.models import DBTaskResult

    task_ids = [job.task_id for job in old if job.task_id]
    if task_ids:
        DBTaskResult.objects.filter(id__in=task_ids).finished().delete()


# --- the worker's schedule ----------------------------------------------------------------

@dataclass
class PruneSchedule:
    """When the worker prunes, in monotonic seconds: shortly after it started, then a day
    after the last prune — an hour after one that failed."""

    started: float
    last_run: float | None = None
    last_failed: bool = False

    def next_at(self) -> float:
        if self.last_run is None:
            return self.started + FIRST_PRUNE_AFTER
        return self.last_run + (RETRY_AFTER if self.last_failed else PRUNE_EVERY)

    def due(self, now: float) -> bool:
        return now >= self.next_at()

    def ran(self, now: float, *, ok: bool) -> None:
        self.last_run, self.last_failed = now, not ok


def prune_and_log(days: int) -> bool:
    """One scheduled prune, its figures in the log; False when it failed."""
    try:
        pruned = prune_finished(days)
    except Exception:  # the thread must live on to try again, and say why it failed
        logger.exception("Pruning finished jobs older than %d days failed; trying again in "
                         "an hour.", days)
        return False
    logger.info("Pruned %d finished jobs older than %d days and %d of their files.",
                pruned.jobs, days, pruned.files)
    return True


class ScheduledPrune:
    """A daemon thread of the worker process that prunes when its schedule says so."""

    def __init__(self, days: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.days = days
        self.clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ScheduledPrune:
        self._thread = threading.Thread(target=self._run, name="job-prune", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        schedule = PruneSchedule(started=self.clock())
        while not self._stop.wait(max(0.0, schedule.next_at() - self.clock())):
            if schedule.due(self.clock()):
                schedule.ran(self.clock(), ok=prune_and_log(self.days))
                connection.close()  # this thread's own: not held idle for a day


def start_scheduled_prune(days: int) -> ScheduledPrune | None:
    """The worker's daily prune; GOVCAP_JOB_KEEP_DAYS=0 keeps every job."""
    if days <= 0:
        return None
    return ScheduledPrune(days).start()
