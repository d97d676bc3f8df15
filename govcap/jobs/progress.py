"""How a running job reports: progress steps (done/total and a message) and a heartbeat.

Progress is written from the job's own thread, never inside a transaction of the job's
work (an all-or-nothing import keeps its transaction to itself), so a page polling the job
sees each step as it happens. The heartbeat thread touches the row every few seconds, even
while one long step runs; when the worker process dies, the heartbeat stops, and the job
shows as interrupted.

Cancelling: each progress write only touches a row nobody asked to cancel, so finding it
asked for costs no query of its own; the heartbeat looks too, for a step that runs long.
Either sets an event that the next ``step`` sees and raises ``JobCancelled``, which leaves
the job's work like any exception: files are removed by the runner, and a transaction the
work holds rolls back.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from govcap.jobs.models import Job

MESSAGE_MAX = 300


class JobCancelled(Exception):
    """Someone cancelled the job: it stops here, before its next unit of work."""


def cancel_was_requested(job_id: int) -> bool:
    return Job.objects.filter(pk=job_id, cancel_requested_at__isnull=False).exists()


class Progress:
    """``start(total)``, then ``step(message)`` per unit of work; rows are throttled."""

    def __init__(self, job: Job, *, min_interval: float = 0.5, listener=None,
                 cancelled: threading.Event | None = None) -> None:
        self.job = job
        self.min_interval = min_interval
        self.listener = listener  # the CLI's progress bar, when run in the foreground
        self.cancelled = cancelled if cancelled is not None else threading.Event()
        self._last_write = 0.0

    def start(self, total: int, message: str = "") -> None:
        self.job.total, self.job.done, self.job.message = total, 0, message[:MESSAGE_MAX]
        self._write(force=True)

    def step(self, message: str = "", n: int = 1, *, force: bool = True) -> None:
        self.stop_if_cancelled()
        self.job.done += n
        if message:
            self.job.message = message[:MESSAGE_MAX]
        self._write(force=force or self.job.done >= self.job.total)

    def set_total(self, total: int) -> None:
        self.job.total = total
        self._write(force=True)

    def stop_if_cancelled(self, *, ask_the_database: bool = False) -> None:
        """Raise JobCancelled if a cancel was asked. ``ask_the_database`` reads the row now
        instead of waiting for the heartbeat: for the last moment a cancel can still undo
        the work, such as just before an import commits."""
        if ask_the_database and cancel_was_requested(self.job.pk):
            self.cancelled.set()
        if self.cancelled.is_set():
            raise JobCancelled(f"job {self.job.pk} was cancelled")

    def _write(self, force: bool) -> None:
        if self.listener is not None:
            self.listener(self.job)
        now = time.monotonic()
        if not force and now - self._last_write < self.min_interval:
            return
        self._last_write = now
        self.job.heartbeat_at = timezone.now()
        # The progress write also tells a cancel request: the row is left as it was then,
        # and the next step stops — within a step, not a heartbeat, of the request.
        written = Job.objects.filter(pk=self.job.pk, cancel_requested_at__isnull=True).update(
            done=self.job.done, total=self.job.total, message=self.job.message,
            heartbeat_at=self.job.heartbeat_at)
        if not written:
            self.cancelled.set()


class Heartbeat:
    """A daemon thread that stamps ``heartbeat_at`` every GOVCAP_JOB_HEARTBEAT_SECONDS, and
    sets ``cancelled`` once someone asks to cancel the job."""

    def __init__(self, job_id: int, every: float | None = None,
                 cancelled: threading.Event | None = None) -> None:
        self.job_id = job_id
        self.every = settings.GOVCAP_JOB_HEARTBEAT_SECONDS if every is None else every
        self.cancelled = cancelled if cancelled is not None else threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Heartbeat:
        if self.every > 0:
            self._thread = threading.Thread(target=self._run, name=f"job-{self.job_id}-beat",
                                            daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.every):
                self.beat()
        finally:
            connection.close()  # this thread's own connection

    def beat(self) -> None:
        """One beat: stamp the row, and look for a cancel request."""
        try:
            if not self.cancelled.is_set() and cancel_was_requested(self.job_id):
                self.cancelled.set()
            Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                heartbeat_at=timezone.now())
        except DatabaseError:
            pass  # a busy database: the next beat tries again
