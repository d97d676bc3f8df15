"""The django-tasks-db worker, as govcap runs it: `govcap worker` (on a server, or as the
child process of a laptop's `govcap serve`), one batch in the tests."""

from __future__ import annotations

from django.conf import settings
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from govcap.jobs.models import Job


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
