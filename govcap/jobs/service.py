"""Starting, finding, cancelling and running jobs again — scoped: a user sees, downloads and
cancels only their own jobs; administrators see everyone's."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from govcap.accounts import scoping
from govcap.jobs.models import Job, cancel_note
from govcap.jobs.tasks import run_job


class NotCancellable(Exception):
    """The job is over (done, failed or interrupted): there is nothing left to stop."""


def start(kind: str, params: dict, *, owner, label: str) -> Job:
    """Record the job and put it in the queue, in one transaction (both or neither)."""
    with transaction.atomic():
        job = Job.objects.create(kind=kind, params=in_language(params), owner=owner,
                                 label=label[:300])
        result = run_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job


def create_unqueued(kind: str, params: dict, *, owner, label: str) -> Job:
    """A job the caller runs itself, in the foreground (the command line)."""
    return Job.objects.create(kind=kind, params=in_language(params), owner=owner,
                              label=label[:300])


def in_language(params: dict) -> dict:
    """PARAMS with the language the job is asked in (a page's, the command line's): its
    words (a results export's dictionary, its messages) are written in it, not in the
    worker's."""
    return {**params, "language": params.get("language") or translation.get_language()}


def visible(user) -> QuerySet:
    qs = Job.objects.select_related("owner")
    if user is None or scoping.is_admin(user):
        return qs
    return qs.filter(owner=user)


def cancel(job: Job, *, by) -> Job:
    """Cancel a waiting job at once (it never runs), or ask a running one to stop at its next
    progress step. ``by``: the person, None from the command line. Asking again changes
    nothing; a finished job raises NotCancellable."""
    now = timezone.now()
    request = {"cancel_requested_at": now, "cancel_requested_by": by}
    waiting = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED)
    if waiting.update(status=Job.Status.CANCELLED, finished_at=now, message=cancel_note(by),
                      **request):
        _fail_queue_row(job, was="READY", why="cancelled", note=cancel_note(by))
    else:
        job.refresh_from_db()
        _refuse_if_over(job)
        Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING,
                           cancel_requested_at__isnull=True).update(**request)
    job.refresh_from_db()
    _refuse_if_over(job)  # it may have finished meanwhile
    return job


def _refuse_if_over(job: Job) -> None:
    if job.is_finished and job.state != Job.Status.CANCELLED:
        raise NotCancellable(f"job {job.pk} has finished ({job.state}): only a waiting or "
                             "running job can be cancelled.")


def run_again(job: Job) -> Job:
    """A new job with the same work, for a failed, interrupted or cancelled one (kept as it
    was)."""
    if not job.can_run_again:
        raise ValueError("only a failed, interrupted or cancelled job runs again")
    if job.status == Job.Status.RUNNING:  # its worker died: say so, and free its queue row
        Job.objects.filter(pk=job.pk).update(status=Job.Status.INTERRUPTED,
                                             finished_at=timezone.now())
        _fail_queue_row(job)
    again = start(job.kind, job.params, owner=job.owner, label=job.label)
    again.retry_of = job
    again.save(update_fields=["retry_of"])
    return again


def _fail_queue_row(job: Job, *, was: str = "RUNNING", why: str = "interrupted",
                    note: str = "worker died") -> None:
    """Close the job's django-tasks-db row, so no worker takes it (again)."""
    from django_tasks_db.models import DBTaskResult

    if job.task_id:
        DBTaskResult.objects.filter(id=job.task_id, status=was).update(
            status="FAILED", finished_at=timezone.now(),
            exception_class_path=f"govcap.jobs.{why}", traceback=note)
