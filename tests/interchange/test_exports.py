"""Tidy results exports: one row per session × section, scoped, pseudonymised, safe cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from govcap.assessments.models import ParticipantIdentity, Quote, Rating, Session
from govcap.interchange.exports import COLUMNS, ExportOptions, export_bytes
from govcap.orgs.models import Engagement
from tests.security.helpers import client_for

NAME = "Wanjiru Kamau"


@pytest.fixture
def rated(consented):
    w = consented
    p1 = w.session.participants.order_by("id").first()
    ParticipantIdentity.objects.create(participant=p1, name=NAME)
    Rating.objects.create(session=w.session, section_key="change-management", level="basic",
                          confidence="high", notes="=HYPERLINK(\"http://x\")",
                          evidence="-2 projects")
    Rating.objects.create(session=w.session, section_key="policy-influence",
                          level="not_assessed", not_assessed_reason="No time")
    Quote.objects.create(session=w.session, section_key="change-management", participant=p1,
                         text="@everyone we need training")
    return w


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_one_row_per_session_and_section_with_the_dictionary_columns(rated):
    data, n = export_bytes(rated.admin, rated.engagement, "csv")
    rows = read_csv(data)
    assert n == len(rows) == 8  # one session of the engagement × 8 sections
    assert list(rows[0]) == [c.name for c in COLUMNS]
    by_key = {r["section_key"]: r for r in rows}
    cm = by_key["change-management"]
    assert (cm["level"], cm["level_score"], cm["confidence"]) == ("basic", "1", "high")
    assert cm["participants"] == "2" and cm["session_date"] == "2026-03-10"
    assert cm["quotes"] == "1"
    assert by_key["policy-influence"]["level_score"] == ""
    assert by_key["policy-influence"]["not_assessed_reason"] == "No time"
    assert by_key["enterprise-architecture"]["level"] == ""


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(rated):
    rows = {r["section_key"]: r for r in read_csv(
        export_bytes(rated.admin, rated.engagement, "csv")[0])}
    cm = rows["change-management"]
    assert cm["notes"].startswith("'=HYPERLINK")
    assert cm["evidence"] == "'-2 projects"
    assert cm["quote_texts"] == "P1: @everyone we need training"  # starts with P, safe
    data, _n = export_bytes(rated.admin, rated.engagement, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["results", "dictionary"]
    sheet = book["results"]
    header = [c.value for c in sheet[1]]
    values = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(
        min_row=2)]
    cm = next(v for v in values if v["section_key"] == "change-management")
    assert cm["notes"].startswith("'=") and cm["evidence"].startswith("'-")
    assert cm["level_score"] == 1 and cm["round"] == 0 and cm["participants"] == 2
    assert cm["is_demo"] is False
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            assert cell.data_type != "f"
    dictionary = [[c.value for c in r] for r in book["dictionary"].iter_rows()]
    assert dictionary[0] == ["column", "type", "description"]
    assert [r[0] for r in dictionary[1:]] == [c.name for c in COLUMNS]


def test_participants_are_pseudonymised_unless_identified(rated):
    plain = export_bytes(rated.admin, rated.engagement, "csv")[0].decode("utf-8")
    assert NAME not in plain and "participant_names" not in plain
    named = export_bytes(rated.admin, rated.engagement, "csv",
                         ExportOptions(identified=True))[0].decode("utf-8")
    assert f"P1 = {NAME}" in named


def test_demo_data_are_left_out_unless_asked(rated):
    Session.objects.filter(pk=rated.session.pk).update(is_demo=True)
    assert export_bytes(rated.admin, None, "csv")[1] == 8  # the Somali session only
    assert export_bytes(rated.admin, None, "csv", ExportOptions(include_demo=True))[1] == 16


def test_the_export_holds_only_what_the_user_may_see(rated):
    assert export_bytes(rated.outsider, rated.engagement, "csv")[1] == 0
    assert export_bytes(rated.colleague, rated.engagement, "csv")[1] == 0  # not on the session
    assert export_bytes(rated.facilitator, None, "csv")[1] == 8
    assert export_bytes(rated.manager, None, "csv")[1] == 16


def test_a_viewers_export_holds_what_the_session_shared_not_its_notes(rated):
    from govcap.assessments import sharing

    rating = Rating.objects.get(session=rated.session, section_key="change-management")
    Rating.objects.filter(pk=rating.pk).update(notes="PMO runs change. Names were named.")
    sharing.share(rated.coordinator, rated.session, f"notes:{rating.uuid}", "PMO runs change.")
    rows = {r["section_key"]: r for r in read_csv(export_bytes(rated.viewer, None, "csv")[0])}
    change = rows["change-management"]
    assert (change["notes"], change["evidence"], change["quotes"], change["quote_texts"]) == (
        "PMO runs change. …", "", "0", "")
    assert change["level"] == "basic"  # levels are not internal
    rows = {r["section_key"]: r for r in read_csv(export_bytes(rated.coordinator, None, "csv")[0])}
    assert rows["change-management"]["notes"] == "PMO runs change. Names were named."
    assert "we need training" in rows["change-management"]["quote_texts"]


def test_the_engagement_page_links_to_the_export_page(rated):
    client = client_for(rated.viewer)
    page = client.get(f"/e/{rated.engagement.slug}/").content.decode()
    assert f"/e/{rated.engagement.slug}/results/" in page
    page = client.get(f"/e/{rated.engagement.slug}/results/").content.decode()
    assert "results.csv" in page and "results.xlsx" in page and "xlsform.xlsx" in page
    assert "identified" not in page  # administrators only


def test_a_web_download_is_an_attachment_scoped_like_the_page(rated):
    client = client_for(rated.viewer)
    response = client.get(f"/e/{rated.engagement.slug}/results/results.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{rated.engagement.slug}-results.csv"')
    assert len(read_csv(b"".join(response.streaming_content))) == 8
    assert client.get(f"/e/{rated.engagement.slug}/results/results.csv?identified=1"
                      ).status_code == 403
    assert client.get(f"/e/{rated.other_engagement.slug}/results/results.csv").status_code == 404
    assert client.get("/results/results.pdf").status_code == 404
    everything = client.get("/results/results.xlsx")
    assert everything["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_xlsform_of_the_engagement_downloads(rated):
    response = client_for(rated.facilitator).get(f"/e/{rated.engagement.slug}/xlsform.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {"survey", "choices", "settings"} <= set(book.sheetnames)


def test_the_command_writes_csv_with_its_dictionary_or_xlsx(rated, tmp_path: Path):
    out = io.StringIO()
    call_command("results", "export", rated.engagement.slug, "--out",
                 str(tmp_path / "r.csv"), stdout=out)
    assert "8 rows" in out.getvalue() and "pseudonymised" in out.getvalue()
    assert len(read_csv((tmp_path / "r.csv").read_bytes())) == 8
    dictionary = read_csv((tmp_path / "r.dictionary.csv").read_bytes())
    assert [d["column"] for d in dictionary] == [c.name for c in COLUMNS]
    call_command("results", "export", "--format", "xlsx", "--out", str(tmp_path / "all.xlsx"),
                 "--user", "outsider", stdout=out)
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book["results"].max_row == 1 + 8  # the Somali session only


def test_the_command_refuses_identified_exports_to_non_administrators(rated, tmp_path: Path):
    with pytest.raises(CommandError, match="Only administrators"):
        call_command("results", "export", "--out", str(tmp_path / "r.csv"), "--user",
                     "coordinator", "--identified")
    with pytest.raises(CommandError, match="No engagement"):
        call_command("results", "export", rated.other_engagement.slug, "--out",
                     str(tmp_path / "r.csv"), "--user", "coordinator")


def test_the_xlsform_opens_in_the_engagements_language(rated):
    # A Djibouti form opened in English on the facilitators' phones.
    Engagement.objects.filter(pk=rated.engagement.pk).update(language="fr")
    response = client_for(rated.facilitator).get(f"/e/{rated.engagement.slug}/xlsform.xlsx")
    settings = openpyxl.load_workbook(io.BytesIO(response.content))["settings"]
    header = [c.value for c in settings[1]]
    assert settings[2][header.index("default_language")].value == "French (fr)"
