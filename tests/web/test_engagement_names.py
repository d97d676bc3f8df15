"""An engagement's name per language: the coordinator gives it in the programme's languages,
a reader sees theirs (pages, plan documents), else the stored name.

Djibouti's engagement is named in French: an Arabic reader saw 'Djibouti — état initial
2026' in the plan page's title and crumbs and on the plan documents' cover."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from docx import Document as read_docx

from govcap.accounts.tokens import create_token
from govcap.orgs.models import Engagement, clean_names, engagement_name
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import generate
from tests.planning.test_plan_models import validated

FRENCH = "Djibouti — état initial 2026"
ARABIC = "جيبوتي — خط الأساس 2026"
ENGLISH = "Djibouti — baseline 2026"


def test_the_name_is_the_readers_language_else_the_stored_one():
    names = {"ar": ARABIC, "en": ENGLISH}
    assert engagement_name(FRENCH, names, "ar") == ARABIC
    assert engagement_name(FRENCH, names, "ar-xb") == ARABIC  # its base language's
    assert engagement_name(FRENCH, names, "en") == ENGLISH
    assert engagement_name(FRENCH, names, "sw") == FRENCH  # none given: the stored name
    assert engagement_name(FRENCH, {}, "ar") == FRENCH


def test_names_are_trimmed_and_an_unknown_language_or_a_long_name_refused(settings):
    assert clean_names({"ar": f"  {ARABIC} ", "sw": "  "}) == {"ar": ARABIC}
    with pytest.raises(ValueError, match="xx is not a language of govcap"):
        clean_names({"xx": "Name"})
    with pytest.raises(ValueError, match="longer than 200"):
        clean_names({"fr": "x" * 201})
    with pytest.raises(ValueError, match="not text"):
        clean_names({"fr": 3})


@pytest.fixture
def djibouti(world):
    """The world's engagement named as Djibouti's: in French, with Arabic and English."""
    Engagement.objects.filter(pk=world.engagement.pk).update(
        name=FRENCH, language="fr", names={"ar": ARABIC, "en": ENGLISH}
    )
    world.engagement.refresh_from_db()
    return world


def test_the_coordinator_names_the_engagement_per_language(djibouti):
    client = Client()
    client.force_login(djibouti.coordinator)
    url = reverse("engagement-edit", args=[djibouti.engagement.slug])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="name_ar"' in page and f'value="{ARABIC}"' in page
    assert 'lang="ar"' in page
    form = {
        "name": FRENCH,
        "round_number": 0,
        "project_name": "IDGC HoA",
        "language": "fr",
        "name_en": ENGLISH,
        "name_fr": "",
        "name_ar": ARABIC,
        "name_sw": " Jibuti — tathmini ya msingi 2026 ",
    }
    response = client.post(url, form, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    djibouti.engagement.refresh_from_db()
    assert djibouti.engagement.names == {
        "en": ENGLISH,
        "ar": ARABIC,
        "sw": "Jibuti — tathmini ya msingi 2026",
    }
    refused = client.post(url, {**form, "name_ar": "x" * 201}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200 and "at most 200 characters" in refused.content.decode()


def test_an_arabic_reader_sees_the_arabic_name_and_a_language_without_one_the_stored(djibouti):
    client = Client()
    client.force_login(djibouti.coordinator)
    url = reverse("engagement", args=[djibouti.engagement.slug])
    arabic = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert f"<h1>{ARABIC}</h1>" in arabic and FRENCH not in arabic
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"<h1>{ENGLISH}</h1>" in english and FRENCH not in english
    Engagement.objects.filter(pk=djibouti.engagement.pk).update(names={})
    assert f"<h1>{FRENCH}</h1>" in client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()


@pytest.fixture
def planned(djibouti):
    ensure_default_catalogue()
    validated(
        djibouti,
        djibouti.ministry,
        dt.date(2026, 3, 1),
        {"enterprise-architecture": "basic", "change-management": "basic"},
    )
    djibouti.plan = generate(djibouti.engagement, djibouti.coordinator)
    return djibouti


def test_the_plan_page_names_the_engagement_in_arabic(planned):
    client = Client()
    client.force_login(planned.viewer)
    page = client.get(
        reverse("plan", args=[planned.engagement.slug]), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert f"<bdi>{ARABIC}</bdi></h1>" in page  # the title
    assert f'"><bdi>{ARABIC}</bdi></a>' in page  # the crumbs
    assert FRENCH not in page


def _docx_text(data: bytes) -> str:
    doc = read_docx(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    parts += [p.text for s in doc.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def _download(client, world, fmt: str, lang: str) -> bytes:
    response = client.get(
        reverse("plan-download", args=[world.engagement.slug, fmt]) + f"?lang={lang}"
    )
    assert response.status_code == 200
    return response.content


def test_the_plan_documents_name_the_engagement_in_their_language(planned):
    client = Client()
    client.force_login(planned.viewer)
    arabic = _docx_text(_download(client, planned, "docx", "ar"))
    assert ARABIC in arabic and FRENCH not in arabic
    english = _docx_text(_download(client, planned, "docx", "en"))
    assert ENGLISH in english and FRENCH not in english
    Engagement.objects.filter(pk=planned.engagement.pk).update(names={"en": ENGLISH})
    assert FRENCH in _docx_text(_download(client, planned, "docx", "ar"))  # none in Arabic


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_arabic_plan_pdf_names_the_engagement_in_arabic(planned):
    from tests.reports.test_arabic_documents import same

    client = Client()
    client.force_login(planned.viewer)
    pdf = _download(client, planned, "pdf", "ar")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert same("خط الأساس") in same(text)  # the engagement's Arabic name, on the cover
    assert "état initial" not in text


def test_the_api_reads_and_sets_the_names(djibouti):
    coordinator = Client(
        HTTP_AUTHORIZATION=(f"Bearer {create_token(djibouti.coordinator, 'tests').raw}")
    )
    url = f"/api/engagements/{djibouti.engagement.slug}"
    assert coordinator.get(url).json()["names"] == {"ar": ARABIC, "en": ENGLISH}
    put = coordinator.put(
        f"{url}/names",
        json.dumps({"names": {"ar": f" {ARABIC} "}}),
        content_type="application/json",
    )
    assert put.status_code == 200 and put.json()["names"] == {"ar": ARABIC}
    bad = coordinator.put(
        f"{url}/names", json.dumps({"names": {"xx": "Name"}}), content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["field"] == "names"
    viewer = Client(HTTP_AUTHORIZATION=f"Bearer {create_token(djibouti.viewer, 'tests').raw}")
    refused = viewer.put(f"{url}/names", json.dumps({"names": {}}), content_type="application/json")
    assert refused.status_code == 403
    djibouti.engagement.refresh_from_db()
    assert djibouti.engagement.names == {"ar": ARABIC}


def test_a_backup_keeps_the_names(djibouti, tmp_path):
    out = tmp_path / "govcap.backup"
    call_command("backup", "--out", str(out), stdout=io.StringIO())
    Engagement.objects.filter(pk=djibouti.engagement.pk).update(names={})
    call_command("restore", str(out), "--force", stdout=io.StringIO())
    restored = Engagement.objects.get(slug=djibouti.engagement.slug)
    assert restored.names == {"ar": ARABIC, "en": ENGLISH}
    with translation.override("ar"):
        assert str(restored) == ARABIC
