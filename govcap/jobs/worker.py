"""The django-tasks-db worker, as govcap runs it: `govcap worker` on a server, a thread of
`govcap serve` on a laptop, one batch in the tests."""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from govcap.jobs.models import Job

logger = logging.getLogger("govcap.jobs")


def make_worker(*, batch: bool = False, interval: float = 1.0, max_tasks: int | None = None,
                worker_id: str | None = None) -> Worker:
    return Worker(queue_names=["*"], interval=interval, batch=batch, backend_name="default",
                  startup_delay=not batch, max_tasks=max_tasks,
                  worker_id=worker_id or get_random_string(32), excluded_queue_names=[])


def run_pending() -> int:
    """Run every queued job now, in this thread; the number of jobs that finished."""
    before = Job.objects.filter(finished_at__isnull=False).count()
    make_worker(batch=True, interval=0).run()
    return Job.objects.filter(finished_at__isnull=False).count() - before


def uses_database_backend() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend.startswith("django_tasks_db")


def start_in_thread() -> threading.Thread | None:
    """A worker thread in this process (a laptop's `govcap serve`); it ends with the
    process, and a job it was running then shows as interrupted."""
    if not uses_database_backend():
        return None
    worker = make_worker(worker_id=f"laptop-{get_random_string(12)}")
    thread = threading.Thread(target=_run, args=(worker,), name="govcap-jobs", daemon=True)
    thread.start()
    return thread


def _run(worker: Worker) -> None:
    try:
        worker.run()
    except Exception:  # a database that went away: say so; the page shows jobs waiting
        logger.exception("The background job worker stopped")
