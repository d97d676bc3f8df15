"""Cancelling a job: a waiting one never runs; a running one stops at its next progress step,
keeps no partial file, and an import it was doing is undone; a finished one is refused.
From the job's page (its owner or an administrator) and from `govcap jobs cancel`."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from govcap.assessments.models import Session
from govcap.interchange import import_job
from govcap.jobs import runner, service
from govcap.jobs.files import jobs_dir
from govcap.jobs.models import Job
from govcap.jobs.progress import Heartbeat, JobCancelled, Progress
from govcap.jobs.worker import run_pending
from tests.jobs.beats import CountedHeartbeat
from tests.jobs.test_import_job import KOBO, upload
from tests.security.helpers import client_for, inline_problems


def pack(world, owner=None) -> Job:
    """A pack of 3 XLSX documents: three progress steps."""
    return service.start(Job.Kind.PLAN_PACK, {"engagement": world.engagement.slug,
                                              "formats": ["xlsx"]},
                         owner=owner or world.coordinator, label="pack")


def results_of(job: Job) -> list:
    return list(jobs_dir().glob(f"{job.pk}-*"))


@pytest.fixture
def heartbeats(monkeypatch) -> list[Heartbeat]:
    """The runner's heartbeats, without their thread (the test beats them by hand, the way
    the thread would every GOVCAP_JOB_HEARTBEAT_SECONDS)."""
    made: list[Heartbeat] = []

    def recorded(job_id, cancelled=None):
        made.append(Heartbeat(job_id, every=0, cancelled=cancelled))
        return made[-1]

    monkeypatch.setattr(runner, "Heartbeat", recorded)
    return made


def cancel_at_document(monkeypatch, number: int, job: Job, by, heartbeats) -> list:
    """While rendering the pack's n-th document, someone cancels the job, and the heartbeat
    beats; the renders done are returned."""
    from govcap.reports import documents

    real, rendered = documents.render, []

    def render(*args, **kwargs):
        rendered.append(args)
        if len(rendered) == number:
            assert results_of(job)  # the ZIP is half-written by now
            service.cancel(Job.objects.get(pk=job.pk), by=by)
            heartbeats[0].beat()
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "render", render)
    return rendered


# --- the core: service and runner ----------------------------------------------------------

def test_a_waiting_job_is_cancelled_at_once_and_never_runs(planned):
    job = pack(planned)
    service.cancel(job, by=planned.coordinator)
    assert (job.status, job.state_label) == (Job.Status.CANCELLED, "Cancelled")
    assert job.finished_at is not None and job.cancel_requested_by == planned.coordinator
    assert job.message == "Cancelled by coordinator." and job.is_finished and job.can_run_again
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert (queued.status, queued.exception_class_path) == ("FAILED", "govcap.jobs.cancelled")

    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.started_at is None and job.done == 0
    assert not results_of(job) and job.error == ""


def test_a_task_that_took_the_row_before_the_cancel_ends_quietly(planned, monkeypatch):
    """The worker took the queue row just before the cancel: the task finds the job
    cancelled, runs nothing, and records no failure anywhere."""
    job = pack(planned)
    monkeypatch.setattr(service, "_fail_queue_row", lambda *args, **kwargs: None)
    service.cancel(job, by=planned.coordinator)
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"

    run_pending()
    job.refresh_from_db()
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert queued.status == "SUCCESSFUL" and queued.return_value["status"] == "cancelled"
    assert job.status == Job.Status.CANCELLED and job.started_at is None and job.error == ""


def test_a_running_job_stops_at_its_next_step_and_keeps_no_partial_file(
        planned, monkeypatch, heartbeats):
    job = pack(planned)
    rendered = cancel_at_document(monkeypatch, 2, job, planned.admin, heartbeats)
    run_pending()
    job.refresh_from_db()
    assert len(rendered) == 2 and job.done == 1  # the third document never rendered
    assert job.status == Job.Status.CANCELLED and job.started_at is not None
    assert job.message == "Cancelled by admin-user." and job.cancel_requested_by == planned.admin
    assert job.result_path == "" and not results_of(job)  # the half-written ZIP is gone
    assert job.error == "" and job.traceback == ""
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"  # no failure


def test_a_cancel_during_an_import_undoes_everything_it_wrote(world, settings, tmp_path,
                                                              monkeypatch):
    """The import has written its sessions, in its transaction, when the cancel comes from
    the command line: the last look before the commit sees it, and nothing is kept."""
    settings.GOVCAP_IMPORT_JOB_BYTES = 100
    settings.GOVCAP_UPLOAD_DIR = tmp_path / "uploads"
    before = Session.objects.count()
    client, job = upload(world, KOBO)
    real, written = import_job.import_submissions, []

    def import_then_cancel(*args, before_commit, **kwargs):
        def cancel_then_check():
            written.append(Session.objects.count() - before)
            service.cancel(Job.objects.get(pk=job.pk), by=None)
            before_commit()

        return real(*args, before_commit=cancel_then_check, **kwargs)

    monkeypatch.setattr(import_job, "import_submissions", import_then_cancel)
    run_pending()
    job.refresh_from_db()
    assert written == [2]  # both sessions were in the database, uncommitted
    assert Session.objects.count() == before  # and are gone: all or nothing
    assert job.status == Job.Status.CANCELLED
    assert job.message == "Cancelled from the command line."
    assert import_job.upload_path(job).is_file()  # kept, so it can run again

    monkeypatch.setattr(import_job, "import_submissions", real)
    again = service.run_again(job)
    run_pending()
    again.refresh_from_db()
    assert again.status == Job.Status.SUCCEEDED and Session.objects.count() == before + 2


def test_a_finished_job_is_not_cancelled(planned, settings):
    done = pack(planned)
    run_pending()
    done.refresh_from_db()
    with pytest.raises(service.NotCancellable, match="succeeded"):
        service.cancel(done, by=planned.coordinator)
    done.refresh_from_db()
    assert done.status == Job.Status.SUCCEEDED and done.cancel_requested_at is None

    long_ago = timezone.now() - dt.timedelta(seconds=settings.GOVCAP_JOB_STALE_SECONDS + 1)
    dead = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                              started_at=long_ago, heartbeat_at=long_ago)
    with pytest.raises(service.NotCancellable, match="interrupted"):
        service.cancel(dead, by=None)


def test_asking_twice_keeps_the_first_request(planned):
    job = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                             started_at=timezone.now(), heartbeat_at=timezone.now())
    service.cancel(job, by=planned.coordinator)
    asked = job.cancel_requested_at
    assert job.is_cancelling and not job.can_cancel and not job.is_finished
    service.cancel(job, by=planned.admin)
    assert (job.cancel_requested_at, job.cancel_requested_by) == (asked, planned.coordinator)

    waiting = pack(planned)
    service.cancel(waiting, by=planned.coordinator)
    assert service.cancel(waiting, by=planned.admin).cancel_requested_by == planned.coordinator


def test_a_step_checks_the_flag_without_a_query(planned, django_assert_num_queries):
    job = Job.objects.create(kind=Job.Kind.RESULTS_EXPORT, label="x", status=Job.Status.RUNNING)
    progress = Progress(job, min_interval=3600)
    progress.start(100)
    with django_assert_num_queries(0):
        progress.step(n=1, force=False)  # a row of an export: throttled, and no query
        progress.cancelled.set()
        with pytest.raises(JobCancelled):
            progress.step(n=1, force=False)
    assert job.done == 1


def test_the_next_progress_write_notices_a_cancel_without_the_heartbeat(planned):
    """A pack's documents can take less than a heartbeat each: the cancel must not wait for
    one (a demo pack asked to stop at 7 of 33 ran to the end before this)."""
    job = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING)
    progress = Progress(job)  # no heartbeat at all
    progress.start(33)
    progress.step("document 1")
    service.cancel(Job.objects.get(pk=job.pk), by=planned.coordinator)
    progress.step("document 2")  # its write finds the request and leaves the row alone
    with pytest.raises(JobCancelled):
        progress.step("document 3")
    job.refresh_from_db()
    assert (job.done, job.message) == (1, "document 1")


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_notices_a_cancel_request():
    def running(**fields) -> Job:
        return Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                                  started_at=timezone.now(), **fields)

    asked, going_on = running(cancel_requested_at=timezone.now()), running()
    stop, go_on = threading.Event(), threading.Event()
    with CountedHeartbeat(asked.pk, every=0.05, cancelled=stop), \
            CountedHeartbeat(going_on.pk, every=0.05, cancelled=go_on) as other:
        assert stop.wait(5)
        # The other job's heartbeat looks four more times (0.2 s of beats) and finds no request.
        assert other.wait_for_beats(other.beats + 4, timeout=10)
    assert not go_on.is_set()


# --- the pages ----------------------------------------------------------------------------

def test_the_owner_cancels_a_waiting_job_from_its_page(planned):
    client = client_for(planned.coordinator)
    job = pack(planned)
    url = reverse("job-cancel", args=[job.pk])
    html = client.get(reverse("job", args=[job.pk])).content.decode()
    assert f'action="{url}"' in html and "csrfmiddlewaretoken" in html
    assert "Cancel this job" in html and not inline_problems(html)
    assert client.get(url).status_code == 405

    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("job", args=[job.pk])
    html = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "The job was cancelled by coordinator." in html and "Run again" in html
    assert f'action="{url}"' not in html
    partial = client.get(reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial  # cancelled is finished: the polling stops
    assert "Cancelled" in client.get(reverse("jobs")).content.decode()


def test_a_running_job_shows_it_is_stopping_until_its_next_step(planned):
    job = pack(planned)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now(),
                                         heartbeat_at=timezone.now())
    client = client_for(planned.coordinator)
    url = reverse("job-cancel", args=[job.pk])
    assert f'action="{url}"' in client.get(reverse("job", args=[job.pk])).content.decode()
    client.post(url)
    partial = client.get(reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Cancelling: the job stops at its next step" in partial
    assert 'hx-trigger="every 2s"' in partial and f'action="{url}"' not in partial


def test_another_person_gets_a_404_and_an_administrator_may_cancel(planned):
    job = pack(planned, owner=planned.viewer)
    url = reverse("job-cancel", args=[job.pk])
    assert client_for(planned.coordinator).post(url).status_code == 404
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED

    admin = client_for(planned.admin)
    assert f'action="{url}"' in admin.get(reverse("job", args=[job.pk])).content.decode()
    assert admin.post(url).status_code == 302
    html = client_for(planned.viewer).get(reverse("job", args=[job.pk])).content.decode()
    assert "The job was cancelled by admin-user." in html


def test_cancelling_a_finished_job_is_refused_with_a_409(planned):
    client = client_for(planned.coordinator)
    job = pack(planned)
    run_pending()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Cancel this job" not in page
    response = client.post(reverse("job-cancel", args=[job.pk]))
    assert response.status_code == 409
    assert "This job has already finished: there is nothing to cancel." in (
        response.content.decode())
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.cancel_requested_at is None


# --- the command line ---------------------------------------------------------------------

def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_govcap_jobs_cancel(planned):
    waiting = pack(planned)
    assert f"`govcap jobs cancel {waiting.pk}` cancels it." in run("jobs", "show", str(waiting.pk))
    assert run("jobs", "cancel", str(waiting.pk)).strip() == f"job {waiting.pk} cancelled."
    shown = run("jobs", "show", str(waiting.pk))
    assert "status    cancelled (Cancelled from the command line.)" in shown
    assert f"`govcap jobs again {waiting.pk}` runs it again." in shown
    with pytest.raises(CommandError, match="cancelled"):
        run("jobs", "wait", str(waiting.pk))

    running = Job.objects.create(kind=Job.Kind.PLAN_PACK, label="x", status=Job.Status.RUNNING,
                                 started_at=timezone.now(), heartbeat_at=timezone.now())
    assert "stops at its next step" in run("jobs", "cancel", str(running.pk))
    assert "cancel asked: it stops at its next step" in run("jobs", "show", str(running.pk))

    done = pack(planned)
    run("worker", "--batch")
    with pytest.raises(CommandError, match="only a waiting or running job can be cancelled"):
        run("jobs", "cancel", str(done.pk))
    with pytest.raises(CommandError, match="No job 999"):
        run("jobs", "cancel", "999")


def test_a_foreground_pack_cancelled_from_elsewhere_says_so(planned, monkeypatch, heartbeats,
                                                           tmp_path):
    from govcap.reports import documents

    real, rendered = documents.render, []

    def render(*args, **kwargs):
        rendered.append(args)
        if len(rendered) == 1:
            run("jobs", "cancel", str(Job.objects.get().pk))
            heartbeats[0].beat()
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "render", render)
    out = tmp_path / "pack.zip"
    with pytest.raises(CommandError, match="Cancelled from the command line"):
        run("plan", "pack", planned.engagement.slug, "--formats", "xlsx", "--out", str(out))
    assert not out.exists() and Job.objects.get().status == Job.Status.CANCELLED
