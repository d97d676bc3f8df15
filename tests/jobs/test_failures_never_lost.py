"""The heartbeat beats while a job runs; a task that fails before the runner could record
it still marks its job failed."""

from __future__ import annotations

import pytest
from django.utils import timezone

from govcap.jobs import runner, service
from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending
from tests.jobs.beats import CountedHeartbeat


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_stamps_a_running_job():
    job = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                             started_at=timezone.now())
    with CountedHeartbeat(job.pk, every=0.05) as heartbeat:
        assert heartbeat.wait_for_beats(1, timeout=10)
    job.refresh_from_db()
    assert job.heartbeat_at is not None and job.heartbeat_at > job.started_at


def test_a_task_that_fails_outside_the_runner_still_fails_its_job(world, monkeypatch):
    def broken(job_id, **kwargs):
        raise ImportError("cannot import the job's code")

    monkeypatch.setattr(runner, "execute", broken)
    job = service.start(Job.Kind.PLAN_PACK, {}, owner=world.coordinator, label="x")
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "ImportError: cannot import the job's code"
    assert "Traceback" in job.traceback


def test_a_job_runs_once(planned):
    job = service.start(Job.Kind.RESULTS_EXPORT, {"format": "csv"}, owner=planned.manager,
                        label="x")
    runner.execute(job.pk)
    with pytest.raises(runner.JobNotQueued):
        runner.execute(job.pk)
