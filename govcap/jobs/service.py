"""Starting, finding and running jobs again — scoped: a user sees and downloads only their
own jobs; administrators see everyone's."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from govcap.accounts import scoping
from govcap.jobs.models import Job


def start(kind: str, params: dict, *, owner, label: str) -> Job:
    """Record the job and put it in the queue, in one transaction (both or neither)."""
    from govcap.jobs.tasks import run_job

    with transaction.atomic():
        job = Job.objects.create(kind=kind, params=params, owner=owner, label=label[:300])
        result = run_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job


def create_unqueued(kind: str, params: dict, *, owner, label: str) -> Job:
    """A job the caller runs itself, in the foreground (the command line)."""
    return Job.objects.create(kind=kind, params=params, owner=owner, label=label[:300])


def visible(user) -> QuerySet:
    qs = Job.objects.select_related("owner")
    if user is None or scoping.is_admin(user):
        return qs
    return qs.filter(owner=user)


def run_again(job: Job) -> Job:
    """A new job with the same work, for a failed or interrupted one (kept as it was)."""
    if not job.can_run_again:
        raise ValueError("only a failed or interrupted job runs again")
    if job.status == Job.Status.RUNNING:  # its worker died: say so, and free its queue row
        Job.objects.filter(pk=job.pk).update(status=Job.Status.INTERRUPTED,
                                             finished_at=timezone.now())
        _fail_queue_row(job)
    again = start(job.kind, job.params, owner=job.owner, label=job.label)
    again.retry_of = job
    again.save(update_fields=["retry_of"])
    return again


def _fail_queue_row(job: Job) -> None:
    from django_tasks_db.models import DBTaskResult

    if job.task_id:
        DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
            status="FAILED", finished_at=timezone.now(),
            exception_class_path="govcap.jobs.interrupted", traceback="worker died")
