"""Old jobs go on their own: the worker prunes finished jobs older than GOVCAP_JOB_KEEP_DAYS
shortly after it starts and then once a day, with their files, the uploads nobody needs any
more and their queue rows, and says so in its log."""

from __future__ import annotations

import datetime as dt
import io
import logging
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from govcap.jobs import pruning, service
from govcap.jobs.files import jobs_dir, new_result_path, upload_path
from govcap.jobs.management.commands import worker as worker_command
from govcap.jobs.models import Job
from govcap.jobs.pruning import FIRST_PRUNE_AFTER, PRUNE_EVERY, RETRY_AFTER, PruneSchedule
from govcap.jobs.worker import run_pending

DAY = 24 * 3600


def aged(job: Job, days: int) -> Job:
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(days=days))
    job.refresh_from_db()
    return job


def finished(days: int, status=Job.Status.SUCCEEDED, **fields) -> Job:
    return aged(Job.objects.create(kind=Job.Kind.RESULTS_EXPORT, label=f"{status} {days}d",
                                   status=status, **fields), days)


def with_result(job: Job) -> Job:
    path, relative = new_result_path(job, "results.csv")
    path.write_text("engagement\r\n")
    Job.objects.filter(pk=job.pk).update(result_path=relative, result_name="results.csv")
    job.refresh_from_db()
    return job


def failed_import(days: int, token: str, **fields) -> Job:
    job = finished(days, Job.Status.FAILED, **fields)
    Job.objects.filter(pk=job.pk).update(kind=Job.Kind.SUBMISSIONS_IMPORT,
                                         params={"engagement": "x", "file": token})
    job.refresh_from_db()
    upload_path(job).parent.mkdir(parents=True, exist_ok=True)
    upload_path(job).write_bytes(b"submissions")
    return job


# --- when -----------------------------------------------------------------------------------

def test_the_first_prune_comes_shortly_after_the_start_then_one_a_day():
    schedule = PruneSchedule(started=1000.0)
    assert not schedule.due(1000.0)
    assert not schedule.due(1000.0 + FIRST_PRUNE_AFTER - 1)
    assert schedule.due(1000.0 + FIRST_PRUNE_AFTER)
    assert FIRST_PRUNE_AFTER <= 300  # "shortly": minutes, not a day

    schedule.ran(1060.0, ok=True)
    assert not schedule.due(1060.0 + PRUNE_EVERY - 1)
    assert schedule.due(1060.0 + PRUNE_EVERY) and PRUNE_EVERY == DAY


def test_a_failed_prune_is_tried_again_within_the_hour():
    schedule = PruneSchedule(started=0.0)
    schedule.ran(60.0, ok=False)
    assert not schedule.due(60.0 + RETRY_AFTER - 1)
    assert schedule.due(60.0 + RETRY_AFTER) and RETRY_AFTER < DAY
    schedule.ran(60.0 + RETRY_AFTER, ok=True)
    assert not schedule.due(60.0 + 2 * RETRY_AFTER)


# --- what -----------------------------------------------------------------------------------

def test_prune_removes_old_finished_jobs_and_their_files(planned):
    old_done = with_result(finished(40))
    old_file = old_done.result_file
    finished(31, Job.Status.CANCELLED)
    recent = with_result(finished(29))
    still_waiting = aged(service.start(Job.Kind.RESULTS_EXPORT, {"format": "csv"},
                                       owner=planned.coordinator, label="waiting"), 40)
    still_running = finished(40, Job.Status.RUNNING, started_at=timezone.now(),
                             heartbeat_at=timezone.now())

    pruned = pruning.prune_finished(30)

    assert pruned == pruning.Pruned(jobs=2, files=1)
    left = set(Job.objects.values_list("pk", flat=True))
    assert left == {recent.pk, still_waiting.pk, still_running.pk}  # not the two old ones
    assert not old_file.exists() and not old_file.parent.exists()
    assert recent.result_file.is_file()


def test_prune_removes_an_upload_only_when_no_kept_job_needs_it(world):
    alone = failed_import(40, "a" * 32)
    retried = failed_import(40, "b" * 32)
    retry = failed_import(1, "b" * 32, retry_of=retried)

    assert pruning.prune_finished(30) == pruning.Pruned(jobs=2, files=1)
    assert not upload_path(alone).exists()
    assert upload_path(retry).is_file()  # the recent run of the same import still needs it


def test_prune_removes_the_queue_rows_of_the_jobs_it_removes(planned):
    job = service.start(Job.Kind.RESULTS_EXPORT, {"format": "csv"}, owner=planned.manager,
                        label="export")
    run_pending()
    kept = service.start(Job.Kind.RESULTS_EXPORT, {"format": "csv"}, owner=planned.manager,
                         label="export")
    aged(job, 40)
    pruning.prune_finished(30)
    assert not DBTaskResult.objects.filter(id=job.task_id).exists()
    assert DBTaskResult.objects.get(id=kept.task_id).status == "READY"


def test_a_scheduled_prune_says_what_it_removed(planned, caplog):
    with_result(finished(40))
    finished(50, Job.Status.FAILED)
    with caplog.at_level(logging.INFO, logger="govcap.jobs"):
        assert pruning.prune_and_log(30) is True
    assert "Pruned 2 finished jobs older than 30 days and 1 of their files." in caplog.text


def test_a_prune_that_fails_is_logged_and_tried_again(planned, caplog, monkeypatch):
    from django.db import OperationalError

    def locked(days, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(pruning, "prune_finished", locked)
    assert pruning.prune_and_log(30) is False
    assert "Pruning finished jobs older than 30 days failed" in caplog.text
    assert "database is locked" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_worker_thread_prunes_soon_after_it_starts(monkeypatch, caplog):
    monkeypatch.setattr(pruning, "FIRST_PRUNE_AFTER", 0.0)
    pruned, prune_and_log = threading.Event(), pruning.prune_and_log

    def observed(days: int) -> bool:
        ok = prune_and_log(days)
        if ok:
            pruned.set()
        return ok

    monkeypatch.setattr(pruning, "prune_and_log", observed)
    old = with_result(finished(40))
    with caplog.at_level(logging.INFO, logger="govcap.jobs"):
        prune = pruning.start_scheduled_prune(30)
        try:  # no query here meanwhile: SQLite's shared test database locks whole tables
            assert pruned.wait(10)
        finally:
            prune.stop()
    assert not Job.objects.filter(pk=old.pk).exists()
    assert not list(jobs_dir().glob(f"{old.pk}-*"))
    assert "Pruned 1 finished jobs older than 30 days" in caplog.text


# --- who --------------------------------------------------------------------------------------

@pytest.fixture
def jobs_log():
    log = logging.getLogger("govcap.jobs")
    level = log.level
    yield log
    log.setLevel(level)


def test_govcap_worker_prunes_unless_it_runs_one_batch(settings, monkeypatch, jobs_log):
    jobs_log.setLevel(logging.NOTSET)
    started, ran = [], []
    monkeypatch.setattr(pruning, "start_scheduled_prune", lambda days: started.append(days))
    monkeypatch.setattr(worker_command, "call_command", lambda *args, **kw: ran.append(args))
    settings.GOVCAP_JOB_KEEP_DAYS = 45
    call_command("worker", stdout=io.StringIO())
    assert started == [45] and ran[0][0] == "db_worker"
    assert jobs_log.level == logging.INFO  # its log line shows
    call_command("worker", "--batch", stdout=io.StringIO())
    assert started == [45] and len(ran) == 2


def test_keep_days_0_keeps_every_job(planned, settings):
    assert pruning.start_scheduled_prune(0) is None
    settings.GOVCAP_JOB_KEEP_DAYS = 0
    old = finished(400)
    out = io.StringIO()
    call_command("jobs", "prune", stdout=out)
    assert "GOVCAP_JOB_KEEP_DAYS=0 keeps every job" in out.getvalue()
    assert Job.objects.filter(pk=old.pk).exists()
    call_command("jobs", "prune", "--days", "365", stdout=out)
    assert "1 finished jobs older than 365 days removed, with 0 files." in out.getvalue()
    assert not Job.objects.filter(pk=old.pk).exists()
