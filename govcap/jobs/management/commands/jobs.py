"""`govcap jobs list|show|wait|cancel|again|prune`: the background jobs, from the command
line (the operator sees every job)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.jobs import pruning, service, terminal
from govcap.jobs.models import Job


class Command(BaseCommand):
    help = "List, show, follow, cancel, run again or prune background jobs."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{list,show,wait,cancel,again,prune}")
        lst = sub.add_parser("list", help="the latest jobs")
        lst.add_argument("--limit", type=int, default=30)
        lst.add_argument("--json", action="store_true")
        show = sub.add_parser("show", help="one job, its error and (--traceback) traceback")
        show.add_argument("id", type=int)
        show.add_argument("--traceback", action="store_true")
        wait = sub.add_parser("wait", help="follow a job with a progress bar until it ends")
        wait.add_argument("id", type=int)
        wait.add_argument("--timeout", type=float, default=None, help="seconds")
        cancel = sub.add_parser("cancel", help="cancel a waiting job, or stop a running one at "
                                "its next step")
        cancel.add_argument("id", type=int)
        again = sub.add_parser("again", help="run a failed, interrupted or cancelled job again")
        again.add_argument("id", type=int)
        prune = sub.add_parser("prune", help="remove finished jobs and their files (the "
                               "worker also does it once a day)")
        prune.add_argument("--days", type=int, default=None,
                           help="older than this (default: GOVCAP_JOB_KEEP_DAYS)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        getattr(self, action)(**options)

    def _job(self, job_id: int) -> Job:
        try:
            return Job.objects.select_related("owner").get(pk=job_id)
        except Job.DoesNotExist:
            raise CommandError(f"No job {job_id}; `govcap jobs list` lists them.") from None

    def list(self, *, limit: int, json: bool, **_: Any) -> None:
        jobs = list(service.visible(None).select_related("cancel_requested_by")[:limit])
        if json:
            self.stdout.write(dumps([as_dict(j) for j in jobs]))
            return
        if not jobs:
            self.stdout.write("No jobs.")
        for job in jobs:
            self.stdout.write(terminal.one_line(job))

    def show(self, *, id: int, traceback: bool, **_: Any) -> None:
        for line in terminal.details(self._job(id), with_traceback=traceback):
            self.stdout.write(line)

    def wait(self, *, id: int, timeout: float | None, **_: Any) -> None:
        job = terminal.wait(self._job(id).pk, self.stdout, timeout=timeout)
        for line in terminal.details(job):
            self.stdout.write(line)
        if job.state in (Job.Status.FAILED, Job.Status.INTERRUPTED, Job.Status.CANCELLED):
            raise CommandError(f"job {job.pk} {job.state}")
        if not job.is_finished:
            raise CommandError(f"job {job.pk} is still {job.state}")

    def cancel(self, *, id: int, **_: Any) -> None:
        try:
            job = service.cancel(self._job(id), by=None)
        except service.NotCancellable as exc:
            raise CommandError(str(exc)) from None
        if job.is_cancelling:
            self.stdout.write(f"job {job.pk} stops at its next step; `govcap jobs wait {job.pk}` "
                              "follows it.")
        else:
            self.stdout.write(f"job {job.pk} cancelled.")

    def again(self, *, id: int, **_: Any) -> None:
        job = self._job(id)
        if not job.can_run_again:
            raise CommandError(f"job {job.pk} is {job.state}: only a failed, interrupted or "
                               "cancelled job runs again.")
        again = service.run_again(job)
        self.stdout.write(f"job {again.pk} queued; `govcap jobs wait {again.pk}` follows it.")

    def prune(self, *, days: int | None, **_: Any) -> None:
        if days is None:
            days = settings.GOVCAP_JOB_KEEP_DAYS
            if days <= 0:
                self.stdout.write("GOVCAP_JOB_KEEP_DAYS=0 keeps every job; --days N prunes.")
                return
        pruned = pruning.prune_finished(days)
        self.stdout.write(f"{pruned.jobs} finished jobs older than {days} days removed, "
                          f"with {pruned.files} files.")


def as_dict(job: Job) -> dict[str, Any]:
    return {"id": job.pk, "kind": job.kind, "label": job.label, "status": job.state,
            "done": job.done, "total": job.total, "message": job.message,
            "owner": job.owner.get_username() if job.owner else None,
            "created_at": job.created_at, "started_at": job.started_at,
            "finished_at": job.finished_at, "result": str(job.result_file or ""),
            "error": job.error, "params": job.params,
            "cancel_requested_at": job.cancel_requested_at,
            "cancelled_by": (job.cancel_requested_by.get_username()
                             if job.cancel_requested_by else None)}


def dumps(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False, indent=2)
