"""An import's reasons are said in the reader's language: a French reader read "ce fichier ne
peut pas être importé" followed by English ("this is not an export of the govcap form…").
The en-xa pseudo-locale accents every message that went through gettext, so these tests do
not depend on the translations."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from govcap.interchange.problems import ImportProblem
from govcap.interchange.tables import read_table
from govcap.translations import pseudo
from tests.interchange.conftest import FIXTURES
from tests.security.helpers import client_for

KOBO = (FIXTURES / "kobo-xml-values.csv").read_text(encoding="utf-8")


@pytest.fixture
def pseudo_reader(world, settings, tmp_path):
    settings.GOVCAP_UPLOAD_DIR = tmp_path / "uploads"
    settings.GOVCAP_PSEUDO_LOCALES = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("en-xa", "Pseudo")]
    client = client_for(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-xa"
    return client


def reasons(page) -> list[str]:
    return [html.unescape(str(p.reason)) for p in page.context["problems"]]


def test_a_file_that_is_not_an_export_of_the_form_says_why_in_the_readers_language(
        pseudo_reader, world):
    page = pseudo_reader.post(f"/e/{world.engagement.slug}/submissions/",
                              {"file": SimpleUploadedFile("bad.csv", b"not an excel\nx\n")})
    assert page.status_code == 422
    [reason] = reasons(page)
    assert reason.startswith("[") and "not an excel" in reason
    assert "this is not an export" not in reason and "Export the submissions" not in reason
    assert pseudo("none of its columns") not in reason  # one message, not words pieced together
    assert "this is not an export" not in page.content.decode()


def test_row_problems_and_unmatched_organisations_are_in_the_readers_language(
        pseudo_reader, world):
    def post(old: str, new: str):
        data = KOBO.replace(old, new)
        assert data != KOBO
        page = pseudo_reader.post(f"/e/{world.engagement.slug}/submissions/",
                                  {"file": SimpleUploadedFile("kobo.csv", data.encode())})
        assert page.status_code == 422
        said = reasons(page)
        assert said and all(r.startswith("[") for r in said), said
        return page, said

    page, said = post('"Ministry of ICT";"2026-03-10"', '"Min. of Health";"2026-03-10"')
    assert not any("matches no organisation" in r for r in said)
    assert any("Min. of Health" in r for r in said)
    # the organisations to review are still found, whatever the language of the reason
    assert page.context["unmatched"] == [("Min. of Health", [2])]
    page, said = post('"Ministry of ICT";"2026-03-10"', '"Ministry of ICT";"2026-13-10"')
    assert not any("is not a date" in r for r in said) and any("2026-13-10" in r for r in said)


@pytest.mark.parametrize("data", [b"", b"\xd0\xcf\x11\xe0 old xls", b"PK\x03\x04 broken",
                                  b"a,b\n\xff\xfe\xfa\n"])
def test_the_readers_of_a_table_say_why_it_cannot_be_read_in_the_active_language(data):
    with translation.override("en-xa"), pytest.raises(ImportProblem) as caught:
        read_table(data, "file", lambda headers: 0)
    reason = caught.value.problems[0].reason
    assert reason.startswith("[") and reason.endswith("]"), reason


def test_the_form_is_named_by_its_title_in_the_readers_language(world):
    # a message named the form by its id alone: "the govcap form govstack-rsa"
    from govcap.interchange.services import import_submissions

    with translation.override("fr"), pytest.raises(ImportProblem) as info:
        import_submissions(b"_uuid;name;age\n1;Ann;30\n", world.engagement, name="export.csv")
    text = str(info.value)
    assert ("«\u00a0Évaluation des compétences – discussion de groupe\u00a0: questions "
            "ouvertes\u00a0» (govstack-rsa)") in text


@pytest.mark.parametrize(("name", "data"), [
    ("bad.xlsx", b"just some text, not a workbook\n"),
    ("bad.xlsx", b"PK\x03\x04 not really a zip"),
    ("kobo.csv", b"PK\x03\x04 a workbook named .csv"),
    ("kobo.csv", b"a,b\x00c\n"),
    ("kobo.zip", b"plain text"),
])
def test_a_refused_upload_says_why_in_the_readers_language_alone(pseudo_reader, world, name,
                                                                 data):
    # "This is not an Excel workbook (.xlsx): it is not a zip file." stayed English in French
    page = pseudo_reader.post(f"/e/{world.engagement.slug}/submissions/",
                              {"file": SimpleUploadedFile(name, data)})
    assert page.status_code == 400
    error = page.context["error"]
    assert error.startswith("[") and error.endswith("]"), error  # one message, all of it ours


def test_a_damaged_csv_or_workbook_names_no_library_error():
    # the csv module's "field larger than field limit" and openpyxl's exception names were
    # appended to our message, in English whatever the reader's language
    import csv

    limit = csv.field_size_limit()
    csv.field_size_limit(10)
    try:
        with translation.override("en-xa"), pytest.raises(ImportProblem) as caught:
            read_table(b"a,b\nshort,a much longer field than allowed\n", "file")
    finally:
        csv.field_size_limit(limit)
    reason = caught.value.problems[0].reason
    assert reason.startswith("[") and reason.endswith("]") and "field" not in reason, reason
    with translation.override("en-xa"), pytest.raises(ImportProblem) as caught:
        read_table(b"PK\x03\x04" + b"\x00" * 30, "file")
    reason = caught.value.problems[0].reason
    assert reason.startswith("[") and reason.endswith("]") and "Zip" not in reason, reason
