"""A plan pack in the document language chosen on the page, as its single documents (issue
15): a coordinator on the Arabic interface got Somalia's pack in English and Djibouti's in
French, each engagement's own, while the page's documents offered Arabic."""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

from django.urls import reverse

from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending
from tests.security.helpers import client_for

ARABIC = re.compile("[\u0600-\u06ff]")


def _xlsx_text(client, job) -> str:
    download = client.get(reverse("job-download", args=[job.pk]))
    with zipfile.ZipFile(BytesIO(b"".join(download.streaming_content))) as pack:
        book = next(n for n in pack.namelist() if n.endswith(".xlsx"))
        with zipfile.ZipFile(BytesIO(pack.read(book))) as xlsx:
            return " ".join(xlsx.read(n).decode() for n in xlsx.namelist()
                            if n.startswith("xl/") and n.endswith(".xml"))


def test_an_arabic_readers_pack_is_in_arabic_and_its_page_says_so(planned):
    client = client_for(planned.viewer)
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("plan", args=[planned.engagement.slug])).content.decode()
    pack_form = page[page.index(reverse("job-start-plan-pack")):]
    assert re.search(r'<option value="ar" lang="ar" selected>', pack_form[:3000])
    client.post(reverse("job-start-plan-pack"), {"engagement": planned.engagement.slug,
                                                 "formats": "xlsx"})
    job = Job.objects.get()
    assert planned.engagement.language != "ar" and job.params["language"] == "ar"
    run_pending()
    assert ARABIC.search(_xlsx_text(client, job))
    html = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "<dd>العربية</dd>" in html


def test_the_language_chosen_on_the_page_makes_the_pack(planned):
    client = client_for(planned.viewer)
    client.cookies["django_language"] = "ar"
    client.post(reverse("job-start-plan-pack"), {"engagement": planned.engagement.slug,
                                                 "formats": "xlsx", "lang": "fr"})
    job = Job.objects.get()
    assert job.params["language"] == "fr"
    run_pending()
    text = _xlsx_text(client, job)
    assert not ARABIC.search(text) and "Organisation" in text
    refused = client.post(reverse("job-start-plan-pack"), {
        "engagement": planned.engagement.slug, "lang": "xx"})
    assert refused.status_code == 400 and Job.objects.count() == 1


def test_the_jobs_pages_plan_pack_of_every_engagement_asks_for_the_language(planned):
    """The jobs page's "Plan pack of every engagement you can see" had no language choice,
    unlike the plan page's pack: it offers the documents' languages, the reader's selected."""
    client = client_for(planned.viewer)
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("jobs")).content.decode()
    pack_form = page[page.index(f'action="{reverse("job-start-plan-pack")}"'):]
    pack_form = pack_form[:pack_form.index("</form>")]
    assert '<option value="fr" lang="fr" selected>' in pack_form
    assert '<option value="ar" lang="ar">' in pack_form
    client.post(reverse("job-start-plan-pack"), {"lang": "ar"})
    job = Job.objects.get()
    assert job.params["engagement"] is None and job.params["language"] == "ar"
