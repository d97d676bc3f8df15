"""A large submissions upload is handed to a job: all or nothing, its problems on the job."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govcap.assessments.models import Session
from govcap.jobs.files import jobs_dir
from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending
from tests.interchange.conftest import FIXTURES
from tests.security.helpers import client_for

KOBO = (FIXTURES / "kobo-xml-values.csv").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def small_threshold(settings, tmp_path):
    settings.GOVCAP_IMPORT_JOB_BYTES = 100
    settings.GOVCAP_UPLOAD_DIR = tmp_path / "uploads"


def upload(world, data: str):
    client = client_for(world.coordinator)
    response = client.post(f"/e/{world.engagement.slug}/submissions/",
                           {"file": SimpleUploadedFile("kobo.csv", data.encode())})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.kind == Job.Kind.SUBMISSIONS_IMPORT and job.owner == world.coordinator
    return client, job


def test_a_large_upload_is_imported_by_a_job(world):
    before = Session.objects.count()
    client, job = upload(world, KOBO)
    assert Session.objects.count() == before  # nothing until the worker runs it
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.summary == {"created": 2, "skipped": 1}
    assert Session.objects.count() == before + 2
    html = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "2 submitted sessions created, 1 skipped." in html
    assert not list((jobs_dir() / "uploads").iterdir())  # the upload is gone once imported


def test_a_refused_file_imports_nothing_and_lists_its_problems(world):
    before = Session.objects.count()
    data = KOBO.replace('"Ministry of ICT";"2026-03-10"', '"Min. of Health";"2026-03-10"')
    client, job = upload(world, data)
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and Session.objects.count() == before
    assert "matches no organisation" in job.error
    assert any("matches no organisation" in reason for _r, _c, reason in job.summary["problems"])
    html = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "session/organisation" in html and "Run again" in html
