"""The results pages and downloads: what each reader sees, and the documents."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_programme_manager_reads_the_figures_with_their_counts(programme):
    page = client_of(programme.manager).get("/indicators/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Officials trained" in text
    assert "67% (2 of 3)" in text  # completion: T1 and T3 of the three nominated
    assert "Too few to say" in text  # one trained organisation against none
    assert "Ministry of ICT" in text  # the paired changes are listed


def test_levels_of_a_round_the_reader_cannot_see_are_not_compared(programme):
    # the coordinator of the baseline is not on the follow-up: no level 4 for them
    text = client_of(programme.coordinator).get("/indicators/").content.decode()
    assert "67% (2 of 3)" in text
    assert "No country in scope has a later round yet" in text


def test_a_provider_has_no_results_page(programme):
    client = client_of(programme.provider)
    # refused before the page (03db5a3: a 403 telling a provider their place is their
    # deliveries); the results view would answer 404 on its own
    assert client.get("/indicators/").status_code == 403
    assert client.get("/indicators/download/xlsx/").status_code == 403


def test_another_countrys_facilitator_sees_nothing_of_kenya(programme):
    client = client_of(programme.outsider)
    text = client.get("/indicators/").content.decode()
    assert "Ministry of ICT" not in text and "Kenya" not in text
    assert client.get(f"/indicators/e/{programme.engagement.slug}/").status_code == 404
    data = json.loads(client.get("/indicators/download/json/").content)
    trained = next(i for i in data["indicators"] if i["key"] == "officials-trained")
    assert trained["value"] == 0 and data["level4"] == []


def test_the_workbook_has_the_indicators_and_their_definitions(programme):
    response = client_of(programme.manager).get(
        f"/indicators/e/{programme.engagement.slug}/download/xlsx/")
    book = load_workbook(io.BytesIO(response.content))
    assert {"Indicators", "Definitions", "Notes"} <= set(book.sheetnames)
    sheet = book["Indicators"]
    rows = list(sheet.values)
    assert rows[0][:7] == ("Indicator", "Unit", "Baseline", "Target", "Actual", "Count", "n")
    trained = next(r for r in rows if r[0] == "Officials trained")
    assert trained[2:7] == (0, 16, 2, 2, 3)  # baseline, plan's target, completed, of 3
    # numbers are numeric cells with formats, never text such as "'+20.0 points"
    gain = next(row for row in sheet.iter_rows(min_row=2) if row[0].value.startswith(
        "Self-assessed learning gain"))
    assert gain[3].value == 20 and gain[3].number_format == "+0.0;-0.0;0.0"
    completion = next(row for row in sheet.iter_rows(min_row=2)
                      if row[0].value == "Completion rate")
    assert completion[4].value == pytest.approx(2 / 3)
    assert completion[4].number_format == "0%"  # shown "67%", as the page prints it
    assert completion[2].value is None  # not measured: said on the Notes sheet
    cost = next(row for row in sheet.iter_rows(min_row=2)
                if row[0].value.startswith("Cost per participant ("))
    assert cost[4].value == 1000 and "#,##0.00" in cost[4].number_format
    assert not any(isinstance(c, str) and c[:1] in "+-'" for row in rows for c in row)
    notes = " ".join(str(r[0]) for r in book["Notes"].values)
    assert "An empty Baseline means the indicator was not measured" in notes
    assert "No control group" in notes


def test_a_demo_workbook_marks_every_sheet_and_names_them_readably(programme):
    from govcap.orgs.models import Engagement

    Engagement.objects.filter(pk__in=[programme.engagement.pk, programme.later.pk]).update(
        is_demo=True)
    response = client_of(programme.manager).get(
        f"/indicators/e/{programme.engagement.slug}/download/xlsx/")
    book = load_workbook(io.BytesIO(response.content))
    assert "Level 4 Kenya 2027" in book.sheetnames
    assert "Changes Kenya 2027" in book.sheetnames
    for ws in book.worksheets:
        assert len(ws.title) <= 31
        assert ws["A1"].value == "DEMO DATA", ws.title
        assert ws.freeze_panes == "A3"


def test_documents_in_french(programme, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "Français")]
    client = client_of(programme.coordinator)
    response = client.get("/indicators/download/docx/", HTTP_ACCEPT_LANGUAGE="fr")
    from docx import Document

    word = Document(io.BytesIO(response.content))
    assert word.core_properties.category == "programme results"
    assert word.core_properties.language == "fr-FR"


def test_documents_in_arabic_read_right_to_left(programme):
    # Arabic is offered when its catalogue is complete (tests/i18n checks it is)
    client = client_of(programme.coordinator)
    response = client.get("/indicators/download/docx/", HTTP_ACCEPT_LANGUAGE="ar")
    from docx import Document
    from docx.oxml.ns import qn

    word = Document(io.BytesIO(response.content))
    assert word.core_properties.language == "ar-SA"
    body = word.element.body
    assert body.find(f".//{qn('w:bidi')}") is not None  # paragraphs laid out right to left
    assert "نتائج البرنامج" in "".join(t.text or "" for t in body.iter(qn("w:t")))


def test_a_programme_manager_downloads_the_iati_file_from_the_page(programme, settings):
    from lxml import etree

    from tests.results.test_iati import ORG, SCHEMA_DIR

    settings.GOVCAP_IATI_REPORTING_ORG = ORG
    client = client_of(programme.manager)
    page = client.get("/indicators/").content.decode()
    assert "/indicators/iati/" in page
    response = client.get("/indicators/iati/")
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))
    tree = etree.fromstring(response.content)
    schema.assertValid(tree)
    assert tree.findtext("iati-activity/iati-identifier") == \
        f"{ORG}-{programme.engagement.slug}"


def test_the_iati_file_is_refused_to_a_coordinator_and_demo_data_unless_asked(
        programme, settings):
    from govcap.orgs.models import Engagement

    settings.GOVCAP_IATI_REPORTING_ORG = "XM-DAC-41114"
    coordinator = client_of(programme.coordinator)
    assert "/indicators/iati/" not in coordinator.get("/indicators/").content.decode()
    assert coordinator.get("/indicators/iati/").status_code == 403
    Engagement.objects.filter(pk=programme.engagement.pk).update(is_demo=True)
    manager = client_of(programme.manager)
    refused = manager.get(f"/indicators/e/{programme.engagement.slug}/iati/", follow=True)
    assert "application/xml" not in refused["Content-Type"]
    assert "include demo data" in refused.content.decode()
    preview = manager.get(f"/indicators/e/{programme.engagement.slug}/iati/?include_demo=1")
    assert preview.status_code == 200
    assert b"<narrative>DEMO DATA" in preview.content


def test_arabic_and_swahili_readers_are_offered_documents_in_their_language(programme):
    client = client_of(programme.coordinator)
    for code in ("ar", "sw"):
        page = client.get("/indicators/", HTTP_ACCEPT_LANGUAGE=code).content.decode()
        assert f'<option value="{code}" lang="{code}" selected>' in page
    # a reader of the English page may choose Arabic for the document
    from docx import Document

    response = client.get("/indicators/download/docx/?lang=ar")
    assert Document(io.BytesIO(response.content)).core_properties.language == "ar-SA"
