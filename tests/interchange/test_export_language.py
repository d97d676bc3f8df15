"""The results export speaks the reader's language (issue 15, fresh eyes): the French
results.xlsx kept section_title, domain and sector in English, its dictionary said
"Basic=1, Moderate=2, High=3" beside lowercase level codes, and an Arabic workbook's sheets
read left to right where the plan's and the indicators' read from the right."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from govcap.instruments.services import localised
from govcap.orgs.names import sector_name
from tests.interchange.test_exports import rated  # noqa: F401  (a fixture)
from tests.security.helpers import client_for

pytestmark = pytest.mark.django_db


def workbook(w, language: str):
    client = client_for(w.admin)
    url = reverse("engagement-results-download", args=[w.engagement.slug, "xlsx"])
    client.cookies["django_language"] = language
    response = client.get(url)
    with translation.override("en"):  # streamed after the request: its language is kept
        body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body))


def test_the_french_export_says_titles_domains_and_sectors_in_french(rated):  # noqa: F811
    w = rated
    w.session.organisation.sector = "Health"
    w.session.organisation.save(update_fields=["sector"])
    book = workbook(w, "fr")
    rows = list(book["results"].values)
    head = rows[0]
    row = dict(zip(head, rows[1], strict=True))
    french = localised(w.engagement.instrument, "fr").sections[0]
    english = w.engagement.instrument.parsed.sections[0]
    assert str(french.title) != str(english.title)
    assert row["section_title"] == str(french.title)
    assert row["domain"] == str(french.domain_title)
    assert row["sector"] == sector_name("Health", "fr") != "Health"
    said = {r[0]: r[2] for r in book["dictionary"].values}
    assert "basic=1" in said["level_score"] and "Basic=1" not in said["level_score"]
    assert not book["results"].sheet_view.rightToLeft


def test_an_arabic_export_reads_from_the_right(rated):  # noqa: F811
    book = workbook(rated, "ar")
    assert book["results"].sheet_view.rightToLeft
    assert book["dictionary"].sheet_view.rightToLeft


def _french_title(w) -> str:
    return str(localised(w.engagement.instrument, "fr").sections[0].title)


def test_the_language_chosen_on_the_page_writes_the_export(rated):  # noqa: F811
    """An English page's "Language of the documents" choice: the export is written in the
    language chosen, not the page's (it was the page's, whatever was chosen)."""
    w = rated
    client = client_for(w.admin)
    page = client.get(reverse("engagement-results", args=[w.engagement.slug])).content.decode()
    assert 'name="lang"' in page and '<option value="fr" lang="fr">Français</option>' in page
    url = reverse("engagement-results-download", args=[w.engagement.slug, "xlsx"])
    response = client.get(url, {"lang": "fr"})
    with translation.override("en"):
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book["results"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["section_title"] == _french_title(w)
    assert not book["results"].sheet_view.rightToLeft
    response = client.get(url, {"lang": "ar"})
    with translation.override("en"):
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["results"].sheet_view.rightToLeft and book["dictionary"].sheet_view.rightToLeft



def test_the_export_names_the_engagement_as_the_page_does(rated):  # noqa: F811
    """The engagement's name given in Arabic is the Arabic export's engagement_name, as the
    page shows it (it stayed the stored French name beside translated titles and sectors)."""
    w = rated
    w.engagement.names = {"ar": "جيبوتي — خط الأساس 2026"}
    w.engagement.save(update_fields=["names"])
    rows = list(workbook(w, "ar")["results"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["engagement_name"] == \
        "جيبوتي — خط الأساس 2026"
    rows = list(workbook(w, "en")["results"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["engagement_name"] == w.engagement.name
