"""A job: who asked for what, how far it got, where its result is, and why it failed.

The django-tasks row (``django_tasks_db.DBTaskResult``) is the queue; this row is what
people see. It carries what the queue row does not: the owner, a label, progress
(done/total and a message), the result file, a heartbeat that tells a job whose worker
died (shown as *interrupted*) from one still running, and a cancel request that the running
job reads through its heartbeat.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Kind(models.TextChoices):
        PLAN_PACK = "plan-pack", _("Plan pack")
        RESULTS_EXPORT = "results-export", _("Results export")
        SUBMISSIONS_IMPORT = "submissions-import", _("Submissions import")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Done")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted")
        CANCELLED = "cancelled", _("Cancelled")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.CASCADE, related_name="jobs",
                              help_text="None: started from the command line")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    label = models.CharField(max_length=300)
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    result_path = models.CharField(max_length=300, blank=True, help_text="under DATA_DIR/jobs")
    result_size = models.BigIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    traceback = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    retry_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="retries")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    cancel_requested_at = models.DateTimeField(
        null=True, blank=True, help_text="a running job stops at its next progress step")
    cancel_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="None: cancelled from the command line")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"]),
                   models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"job {self.pk} ({self.kind}, {self.status})"

    # --- what people see ----------------------------------------------------------------

    @property
    def is_stale(self) -> bool:
        """Running, but its worker has been silent too long: the process died."""
        if self.status != self.Status.RUNNING:
            return False
        last = self.heartbeat_at or self.started_at or self.created_at
        limit = dt.timedelta(seconds=settings.GOVCAP_JOB_STALE_SECONDS)
        return timezone.now() - last > limit

    @property
    def state(self) -> str:
        """The status as shown: a stale running job is *interrupted*."""
        return self.Status.INTERRUPTED if self.is_stale else self.status

    @property
    def state_label(self) -> str:
        return str(self.Status(self.state).label)

    @property
    def is_finished(self) -> bool:
        return self.state in (self.Status.SUCCEEDED, self.Status.FAILED,
                              self.Status.INTERRUPTED, self.Status.CANCELLED)

    @property
    def can_run_again(self) -> bool:
        return self.state in (self.Status.FAILED, self.Status.INTERRUPTED,
                              self.Status.CANCELLED)

    @property
    def can_cancel(self) -> bool:
        """Waiting, or running with no cancel asked yet (a stale one is already over)."""
        return (self.state == self.Status.QUEUED
                or (self.state == self.Status.RUNNING and self.cancel_requested_at is None))

    @property
    def is_cancelling(self) -> bool:
        """Asked to cancel, still running until its next progress step."""
        return self.state == self.Status.RUNNING and self.cancel_requested_at is not None

    @property
    def cancel_note(self) -> str:
        return cancel_note(self.cancel_requested_by)

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, round(100 * self.done / self.total))

    @property
    def result_file(self) -> Path | None:
        if not self.result_path:
            return None
        return Path(settings.DATA_DIR) / "jobs" / self.result_path


def cancel_note(user) -> str:
    """Who cancelled a job, as its message and the command line say it."""
    if user is None:
        return "Cancelled from the command line."
    return f"Cancelled by {user.get_username()}."
