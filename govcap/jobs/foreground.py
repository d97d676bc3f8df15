"""Jobs started from the command line: run now with a progress bar (recorded as a job like
any other), or queued for a worker with ``--background``."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.core.management.base import CommandError

from govcap.jobs import runner, service, terminal
from govcap.jobs.models import Job


def run_or_queue(kind: str, params: dict, label: str, *, out: Path | None, background: bool,
                 stdout) -> Job:
    if background:
        job = service.start(kind, params, owner=None, label=label)
        stdout.write(f"job {job.pk} queued; `govcap jobs wait {job.pk}` follows it "
                     "(a worker must be running: `govcap worker`).")
        return job
    job = service.create_unqueued(kind, params, owner=None, label=label)
    with terminal.progress_bar(stdout, label) as update:
        try:
            job = runner.execute(job.pk, listener=update)
        except runner.JobCancelled:
            job.refresh_from_db()
            raise CommandError(f"job {job.pk}: {job.cancel_note}") from None
        except Exception as exc:
            raise CommandError(f"job {job.pk} failed: {runner.error_message(exc)}") from exc
    if out is not None and job.result_file is not None:
        shutil.copyfile(job.result_file, out)
        stdout.write(f"{out}: {job.summary}")
    return job
