"""Amounts are rounded half up to the cent, as money is (not to the even cent)."""

from __future__ import annotations

import io
import re

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


def test_the_json_says_money_in_the_currencys_units_to_the_cent_as_the_page_does(
        half_a_cent, make_user):
    """A donor's program read "value": 181262.5 beside "currency": "USD" — cents, with a
    half cent — where the page says USD 1,812.63."""
    from govcap.accounts.models import Role

    viewer = make_user("agency-viewer", Role.VIEWER, half_a_cent.engagement,
                       half_a_cent.agency)
    from govcap.accounts.tokens import create_token

    for user in (half_a_cent.manager, viewer):
        page = Client()
        page.force_login(user)
        api = Client(HTTP_AUTHORIZATION=f"Bearer {create_token(user, 'test').raw}")
        for client, url in ((page, "/indicators/download/json/"),
                            (api, "/api/results/indicators")):
            response = client.get(url)
            assert response.status_code == 200, url
            money = [i for i in response.json()["indicators"] if i["unit"] == "money"]
            assert {i["key"] for i in money} == {ind.COST_PER_PARTICIPANT,
                                                 ind.COST_PER_COMPLETED}
            cost = next(i for i in money if i["key"] == ind.COST_PER_PARTICIPANT)
            assert cost["currency"] == "USD"
            # the whole course: 7,250.50 ÷ 4; the agency's two seats: 3,625.25 ÷ 2
            assert cost["value"] == "1812.63", (user, url, cost)
            assert cost["facts"]["cost"] == ("7250.50" if user == half_a_cent.manager
                                             else "3625.25")
            assert "cost_cents" not in cost["facts"]
            for i in money:
                for field in ("value", "target"):
                    assert i[field] is None or re.fullmatch(r"\d+\.\d\d", i[field]), (field, i)
