"""Amounts are rounded half up to the cent, as money is (not to the even cent)."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from govcap.delivery.models import Delivery, Trainee
from govcap.results import document
from govcap.results.build import build
from govcap.results.core import indicators as ind

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_a_cent(programme):
    """7,250.50 for four participants: 1,812.625 each."""
    Delivery.objects.filter(pk=programme.delivery.pk).update(cost_cents=725_050)
    Trainee.objects.create(delivery=programme.delivery, code="T4",
                           organisation=programme.agency, completion="dropped")
    return programme


def test_a_half_cent_is_rounded_up_on_the_page_and_in_every_document(half_a_cent, settings,
                                                                       tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    assert ind.whole_cents(181_262.5) == 181_263
    client = Client()
    client.force_login(half_a_cent.manager)
    page = client.get("/indicators/").content.decode()
    assert "USD\xa01,812.63 (n = 4)" in page
    assert "1,812.62" not in page
    results = build(half_a_cent.manager)
    word = Document(io.BytesIO(document.render(results, "docx")))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "USD\xa01,812.63 (n = 4)" in cells
    book = load_workbook(io.BytesIO(document.render(results, "xlsx")))
    values = [c for r in book["Indicators"].values for c in r]
    assert 1812.63 in values and 1812.62 not in values

    from django.core.management import call_command
    from lxml import etree

    settings.GOVCAP_IATI_REPORTING_ORG = "XM-DAC-41114"
    out = tmp_path / "a.xml"
    call_command("results", "iati", "--engagement", half_a_cent.engagement.slug,
                 "--out", str(out))
    actuals = [a.get("value") for a in etree.parse(str(out)).iter("actual")]
    assert "1812.63" in actuals and "1812.62" not in actuals
