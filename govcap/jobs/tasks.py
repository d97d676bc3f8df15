"""The one django-tasks task: run a job by its ID. The queue row is django-tasks-db's."""

from __future__ import annotations

from django_tasks import task

from govcap.jobs import runner
from govcap.jobs.models import Job


@task()
def run_job(job_id: int) -> dict:
    try:
        job = runner.execute(job_id)
    except runner.JobCancelled:
        # Cancelled before it ran, or stopped at a step; recorded on the job. Ending
        # quietly leaves the queue row successful rather than failed: nothing went wrong.
        return {"job": job_id, "status": Job.Status.CANCELLED.value}
    return {"job": job.pk, "status": job.status}
