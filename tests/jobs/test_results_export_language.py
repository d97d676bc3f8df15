"""A results export queued from the results page is written in the language chosen there
(issue 15): the job keeps it and the worker writes in it, whatever its own language."""

from __future__ import annotations

import io

import openpyxl
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from govcap.instruments.services import localised
from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending
from tests.interchange.test_exports import rated  # noqa: F401  (a fixture)
from tests.security.helpers import client_for


def test_a_background_export_is_written_in_the_language_chosen(rated):  # noqa: F811
    """The job keeps the language chosen on the page and the worker writes in it, whatever
    its own language: a French export queued from an English page comes out French, an
    Arabic one from the right."""
    w = rated
    client = client_for(w.admin)
    for language in ("fr", "ar"):
        client.post(reverse("job-start-results-export"),
                    {"engagement": w.engagement.slug, "format": "xlsx", "lang": language})
        job = Job.objects.latest("pk")
        assert job.params["language"] == language
        with translation.override("en"):  # the worker's own language
            run_pending()
        job.refresh_from_db()
        assert job.status == Job.Status.SUCCEEDED, job.error
        shown = client.get(reverse("job", args=[job.pk])).content.decode()
        assert "Language of the documents" in shown
        download = client.get(reverse("job-download", args=[job.pk]))
        book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
        rows = list(book["results"].values)
        if language == "fr":
            assert dict(zip(rows[0], rows[1], strict=True))["section_title"] == str(localised(w.engagement.instrument, "fr").sections[0].title)
            assert not book["results"].sheet_view.rightToLeft
        else:
            assert book["results"].sheet_view.rightToLeft


def test_the_jobs_pages_export_of_every_engagement_offers_the_language(rated):  # noqa: F811
    """The jobs page's "Export the results of every engagement" had no language choice, so
    its file came out in the page's language only; it offers the documents' languages, the
    page's chosen first, and the job writes in the one picked."""
    w = rated
    client = client_for(w.admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(reverse("jobs")).content.decode()
    form = page[page.index(f'action="{reverse("job-start-results-export")}"'):]
    form = form[:form.index("</form>")]
    assert 'name="lang"' in form and '<option value="fr" lang="fr" selected>' in form
    assert '<option value="ar" lang="ar">' in form
    client.post(reverse("job-start-results-export"), {"format": "xlsx", "lang": "ar"})
    job = Job.objects.latest("pk")
    assert job.params["engagement"] is None and job.params["language"] == "ar"
    with translation.override("en"):  # the worker's own language
        run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    download = client.get(reverse("job-download", args=[job.pk]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    rows = list(book["results"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["section_title"] == str(
        localised(w.engagement.instrument, "ar").sections[0].title)
    assert book["results"].sheet_view.rightToLeft
