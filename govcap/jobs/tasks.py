"""The one django-tasks task: run a job by its ID. The queue row is django-tasks-db's."""

from __future__ import annotations

from django_tasks import task

from govcap.jobs import runner


@task()
def run_job(job_id: int) -> dict:
    job = runner.execute(job_id)
    return {"job": job.pk, "status": job.status}
