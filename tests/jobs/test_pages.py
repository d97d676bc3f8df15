"""The jobs pages: your own jobs only, progress polled with htmx, the error when it failed,
the download, and the buttons that start a pack or an export."""

from __future__ import annotations

import datetime
import zipfile
from io import BytesIO

from django.test import override_settings
from django.urls import reverse

from govcap.jobs import service
from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending
from tests.security.helpers import client_for, inline_problems


def start_pack(client, world):
    """The pack button (XLSX only: PDFs are slow, and tested in test_worker_runs_jobs)."""
    return client.post(reverse("job-start-plan-pack"), {"engagement": world.engagement.slug,
                                                        "formats": "xlsx"})


def test_the_pack_button_starts_a_job_and_leads_to_its_page(planned):
    client = client_for(planned.viewer)
    response = start_pack(client, planned)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("job", args=[job.pk])
    assert job.owner == planned.viewer and job.status == Job.Status.QUEUED

    page = client.get(reverse("job", args=[job.pk]))
    html = page.content.decode()
    assert 'hx-trigger="every 2s"' in html and f'hx-get="/jobs/{job.pk}/"' in html
    # a reader is told it is being prepared, not how to run a worker (issue 14, fresh eyes)
    assert "<progress" in html and "Being prepared: this page refreshes by itself" in html
    assert "govcap worker" not in html and "Waiting for a worker" not in html
    assert not inline_problems(html)
    admin = client_for(planned.admin).get(reverse("job", args=[job.pk])).content.decode()
    assert "`govcap worker` must be running" in admin  # the operator's hint, theirs

    run_pending()
    partial = client.get(reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "<html" not in html and "hx-trigger" not in html  # finished: polling stops
    assert 'value="100"' in html and "3 documents" in html

    download = client.get(reverse("job-download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(BytesIO(b"".join(download.streaming_content))) as z:
        assert "manifest.csv" in z.namelist()


def test_another_person_gets_a_404_and_an_administrator_sees_all(planned):
    job = service.start(Job.Kind.PLAN_PACK, {"engagement": planned.engagement.slug,
                                             "formats": ["xlsx"]},
                        owner=planned.viewer, label="the viewer's pack")
    run_pending()
    other = client_for(planned.coordinator)
    for name in ("job", "job-download"):
        assert other.get(reverse(name, args=[job.pk])).status_code == 404
    assert other.post(reverse("job-again", args=[job.pk])).status_code == 404
    assert "the viewer&#x27;s pack" not in other.get(reverse("jobs")).content.decode()

    admin = client_for(planned.admin)
    assert "the viewer&#x27;s pack" in admin.get(reverse("jobs")).content.decode()
    assert admin.get(reverse("job-download", args=[job.pk])).status_code == 200


def test_a_failed_job_shows_its_error_and_the_traceback_to_administrators(planned,
                                                                        monkeypatch):
    from govcap.reports import documents

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts for the PDF")

    monkeypatch.setattr(documents, "render", broken)
    client = client_for(planned.coordinator)
    start_pack(client, planned)
    run_pending()
    job = Job.objects.get()
    mine = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "no fonts for the PDF" in mine and "Run again" in mine
    assert "Traceback (most recent call last)" not in mine
    assert "no fonts for the PDF" in client.get(reverse("jobs")).content.decode()
    admin = client_for(planned.admin).get(reverse("job", args=[job.pk])).content.decode()
    assert "Traceback (most recent call last)" in admin

    again = client.post(reverse("job-again", args=[job.pk]))
    retry = Job.objects.get(retry_of=job)
    assert again["Location"] == reverse("job", args=[retry.pk])


def test_the_list_polls_while_a_job_runs_and_stops_after(planned):
    client = client_for(planned.coordinator)
    start_pack(client, planned)
    html = client.get(reverse("jobs")).content.decode()
    assert 'hx-get="/jobs/"' in html and not inline_problems(html)
    partial = client.get(reverse("jobs"), HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<section class="card" id="jobs-table"')
    run_pending()
    assert 'hx-get="/jobs/"' not in client.get(reverse("jobs")).content.decode()


def test_no_plan_no_pack(world):
    client = client_for(world.coordinator)
    response = start_pack(client, world)
    assert response["Location"] == reverse("plan", args=[world.engagement.slug])
    assert not Job.objects.exists()


def test_the_pages_that_start_jobs_have_their_buttons(planned):
    client = client_for(planned.coordinator)
    slug = planned.engagement.slug
    pack_action = f'action="{reverse("job-start-plan-pack")}"'
    assert pack_action in client.get(reverse("engagement", args=[slug])).content.decode()
    assert pack_action in client.get(reverse("plan", args=[slug])).content.decode()
    results = client.get(reverse("engagement-results", args=[slug])).content.decode()
    assert f'action="{reverse("job-start-results-export")}"' in results

    response = client.post(reverse("job-start-results-export"),
                           {"engagement": slug, "format": "xlsx"})
    job = Job.objects.get()
    assert job.params == {"engagement": slug, "format": "xlsx", "include_demo": False,
                          "language": "en"}
    assert response["Location"] == reverse("job", args=[job.pk])
    assert client.post(reverse("job-start-results-export"),
                       {"format": "odt"}).status_code == 404


@override_settings(TIME_ZONE="Africa/Nairobi")
def test_a_jobs_times_name_their_zone(planned):
    client = client_for(planned.viewer)
    start_pack(client, planned)
    job = Job.objects.get()
    noon = datetime.datetime(2027, 2, 8, 11, 0, tzinfo=datetime.UTC)
    Job.objects.filter(pk=job.pk).update(created_at=noon, started_at=noon)
    assert "8 February 2027 14:00 EAT" in client.get(reverse("job", args=[job.pk])).content.decode()
    assert "8 February 2027 14:00 EAT" in client.get(reverse("jobs")).content.decode()
