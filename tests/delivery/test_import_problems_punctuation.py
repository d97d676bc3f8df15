"""A refused import lists its problems in the reader's punctuation (issue 15): in French a
narrow no-break space before every ";", in Arabic the Arabic comma and semicolon (، ؛) — not
a Latin "; " or ", " between Arabic items, which the bidi algorithm may carry to the wrong
side — on the attendance import and the evaluation import alike."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.delivery.test_eval_xlsform import csv_bytes, reaction_export
from tests.security.helpers import client_for

NNBSP = "\u202f"
BAD_SHEET = b"code,day,present\nT1,,yes\nT1,,no\nT9,1,yes\n"


def message(client, url, body: bytes, language: str) -> str:
    page = client.post(url, {"file": SimpleUploadedFile("week1.csv", body)}, follow=True,
                       HTTP_ACCEPT_LANGUAGE=language).content.decode()
    start = page.index("week1.csv")
    return page[start:page.index("</", start)]


def test_the_attendance_import_lists_its_problems_in_french_punctuation(course):
    said = message(client_for(course.coordinator),
                   reverse("delivery-import", args=[course.delivery.uuid]), BAD_SHEET, "fr")
    assert said.count(";") >= 2, said
    # a no-break space before each ";" (the catalogue's own sentences write U+00A0)
    assert all(said[i - 1] in (NNBSP, "\u00a0") for i, ch in enumerate(said) if ch == ";"), said


def test_the_attendance_import_lists_its_problems_in_arabic_punctuation(course):
    said = message(client_for(course.coordinator),
                   reverse("delivery-import", args=[course.delivery.uuid]), BAD_SHEET, "ar")
    assert "؛" in said and "،" in said, said
    assert ";" not in said and ", " not in said, said


def test_the_evaluation_import_lists_its_problems_in_arabic_punctuation(course):
    rows = reaction_export(course.delivery, [("T1", (9, 4, 5, 4), ""), ("T9", (5, 5, 5, 5), "")])
    said = message(client_for(course.coordinator),
                   reverse("evaluation-import", args=[course.delivery.uuid]),
                   csv_bytes(rows), "ar")
    assert "؛" in said and "،" in said, said
    assert ";" not in said and ", " not in said, said
