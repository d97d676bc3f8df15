"""`govcap plan pack`, `govcap jobs list|show|wait|again|prune`, `govcap worker --batch`."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from govcap.jobs import service
from govcap.jobs.models import Job


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_plan_pack_runs_in_the_foreground_with_a_progress_bar(planned, tmp_path):
    out = tmp_path / "pack.zip"
    text = run("plan", "pack", planned.engagement.slug, "--formats", "xlsx", "--out", str(out))
    with zipfile.ZipFile(out) as z:
        assert len(z.namelist()) == 4  # whole plan, 2 organisations, manifest
    assert "3/3" in text and "'documents': 3" in text
    job = Job.objects.get()
    assert job.owner is None and job.status == Job.Status.SUCCEEDED and not job.task_id


def test_plan_pack_in_the_background_then_the_worker_then_wait(planned):
    text = run("plan", "pack", "--programme", "--formats", "xlsx", "--background")
    job = Job.objects.get()
    assert f"job {job.pk} queued" in text and job.status == Job.Status.QUEUED
    run("worker", "--batch")
    text = run("jobs", "wait", str(job.pk))
    assert "status    succeeded" in text and "plans-programme.zip" in text
    assert f"{job.pk}  succeeded" in run("jobs", "list")


def test_plan_pack_refuses_what_it_cannot_do(planned):
    with pytest.raises(CommandError, match="Name an engagement"):
        run("plan", "pack", "--out", "x.zip")
    with pytest.raises(CommandError, match="No engagement"):
        run("plan", "pack", "nowhere", "--out", "x.zip")
    with pytest.raises(CommandError, match="--formats"):
        run("plan", "pack", "--programme", "--formats", "odt", "--out", "x.zip")


def test_a_failure_is_shown_with_its_traceback_and_runs_again(world, tmp_path):
    with pytest.raises(CommandError, match="failed: No training plan to pack"):
        run("plan", "pack", world.engagement.slug, "--out", str(tmp_path / "p.zip"))
    job = Job.objects.get()
    shown = run("jobs", "show", str(job.pk), "--traceback")
    assert "status    failed" in shown and "Traceback (most recent call last)" in shown
    with pytest.raises(CommandError, match="failed"):
        run("jobs", "wait", str(job.pk))
    assert "queued" in run("jobs", "again", str(job.pk))
    assert Job.objects.get(retry_of=job).status == Job.Status.QUEUED


def test_a_job_whose_worker_died_is_interrupted_and_runs_again(planned, settings):
    job = service.start(Job.Kind.RESULTS_EXPORT, {"format": "csv"}, owner=planned.manager,
                        label="export")
    long_ago = timezone.now() - dt.timedelta(seconds=settings.GOVCAP_JOB_STALE_SECONDS + 1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=long_ago,
                                         heartbeat_at=long_ago)
    job.refresh_from_db()
    assert job.state == Job.Status.INTERRUPTED and job.can_run_again
    assert "no heartbeat: its worker died" in run("jobs", "show", str(job.pk))
    run("jobs", "again", str(job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.INTERRUPTED
    run("worker", "--batch")
    assert Job.objects.get(retry_of=job).status == Job.Status.SUCCEEDED


def test_a_fresh_heartbeat_keeps_a_running_job_running(planned):
    job = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                             started_at=timezone.now() - dt.timedelta(hours=1),
                             heartbeat_at=timezone.now())
    assert job.state == Job.Status.RUNNING and not job.can_run_again


def test_list_as_json_and_prune(planned):
    old = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="old", status=Job.Status.SUCCEEDED)
    Job.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    Job.objects.create(kind=Job.Kind.PLAN_PACK, label="new", status=Job.Status.SUCCEEDED)
    assert '"label": "old"' in run("jobs", "list", "--json")
    assert "1 finished jobs" in run("jobs", "prune", "--days", "30")
    assert list(Job.objects.values_list("label", flat=True)) == ["new"]


def test_the_json_list_says_who_cancelled(planned):
    job = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="wrong pack",
                             owner=planned.coordinator)
    service.cancel(job, by=planned.coordinator)
    listed = {entry["label"]: entry for entry in json.loads(run("jobs", "list", "--json"))}
    assert listed["wrong pack"]["status"] == "cancelled"
    assert listed["wrong pack"]["cancelled_by"] == planned.coordinator.get_username()
    assert listed["wrong pack"]["cancel_requested_at"]
