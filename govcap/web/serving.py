"""How `govcap serve --production` runs gunicorn: the worker plan and the command line.

gthread workers, one process per CPU plus one, four threads each (docs/performance.md,
"Load", has the measurements behind the choice): a process per CPU keeps every core busy
with Python, the extra process covers one stalled in a slow request, and the threads of a
process overlap the time each request waits on the database, with a fifth of the memory of
as many processes. Autosaves are short and mostly database time, so more threads than that
only queue on the database's write lock (SQLite) or its connections (PostgreSQL: one per
thread, workers × threads in all; keep it under the server's max_connections).
"""

from __future__ import annotations

from dataclasses import dataclass

THREADS = 4


@dataclass(frozen=True)
class WorkerPlan:
    worker_class: str
    workers: int
    threads: int

    def __str__(self) -> str:
        if self.worker_class == "sync":
            return f"sync, {self.workers} workers"
        return f"gthread, {self.workers} workers × {self.threads} threads"


def worker_plan(cpus: int, workers: int | None = None, threads: int | None = None,
                worker_class: str = "gthread") -> WorkerPlan:
    if worker_class == "sync":
        return WorkerPlan("sync", workers or 2 * cpus + 1, 1)
    return WorkerPlan("gthread", workers or cpus + 1, threads or THREADS)


def gunicorn_argv(python: str, host: str, port: int, plan: WorkerPlan) -> list[str]:
    return [
        python, "-m", "gunicorn", "govcap.wsgi:application",
        f"--bind={host}:{port}",
        f"--worker-class={plan.worker_class}",
        f"--workers={plan.workers}",
        f"--threads={plan.threads}",
        "--timeout=60",
        "--graceful-timeout=30",
        # one JSON line per request comes from govcap itself (govcap.requests), with the
        # request ID and user; gunicorn's own access log would repeat it without them
        "--error-logfile=-",
        "--name=govcap",
        # gunicorn's control socket sits at one fixed path per user: two app servers on one
        # machine (or a test beside a running server) would fight over it, and govcap does
        # not use it
        "--no-control-socket",
    ]
