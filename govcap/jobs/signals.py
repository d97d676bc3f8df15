"""A safety net: a task that failed before our runner could record it (its job missing, the
task's code not importable…) still marks its job failed, with the backend's traceback."""

from __future__ import annotations

from django.dispatch import receiver
from django_tasks.signals import task_finished

from govcap.jobs.models import Job


@receiver(task_finished)
def job_failed_outside_the_runner(sender, task_result, **kwargs) -> None:
    if task_result.status != "FAILED" or not task_result.args:
        return
    errors = task_result.errors
    trace = errors[-1].traceback if errors else ""
    Job.objects.filter(pk=task_result.args[0],
                       status__in=(Job.Status.QUEUED, Job.Status.RUNNING)).update(
        status=Job.Status.FAILED, error=(trace.strip().splitlines() or ["failed"])[-1][:2000],
        traceback=trace)
