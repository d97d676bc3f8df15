"""An approved organisation's plan keeps its cover on one page (issue 14, fresh eyes): a
title on two lines, the organisation's subtitle, the approval and the signature lines
pushed the DEMO DATA note alone onto page 2 of every organisation PDF of Kenya follow-up,
Djibouti and Somalia."""

from __future__ import annotations

import subprocess

import pytest

from govcap.reports.model import Document, Para, Section
from govcap.reports.pdf import render_pdf
from tests.reports.test_pdf import needs_pdftotext

NOTE = ("DEMO DATA: the organisations are real, their ratings and everything said are "
        "invented to show how govcap works. Not an assessment of anyone. Prepared from the "
        "validated focus-group assessments of the engagement.")


def page_text(pdf: bytes, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-", "-"],
                          input=pdf, capture_output=True, check=True).stdout.decode()


@needs_pdftotext
def test_an_approved_organisations_cover_holds_its_note_and_page_2_its_text():
    line = "Name: ______________ Signature: ______________ Date: __________"
    doc = Document(
        language="en",
        title="Plan de formation — Djibouti — Évaluation de référence (2026) — version longue",
        subtitle="Training plan of the Ministry of Information, Communications and the "
                 "Digital Economy",
        cover=[("Country", "Kenya"), ("Engagement", "Kenya — follow-up 2026"),
               ("Round", "Follow-up 1"), ("Project", "IDGC HoA"),
               ("Assessment instrument",
                "Skills Assessment Focus Group Discussion: Open-Ended Questions"),
               ("Organisation", "Ministry of Information, Communications and the Digital "
                                "Economy"),
               ("Status", "Approved"),
               ("Approved by", "Esther Njoki (coordination), on 5 December 2026"),
               ("Version", "1"), ("Date", "5 December 2026"),
               ("Course status as of", "5 December 2026"), ("Currency", "USD")],
        cover_note=NOTE, sign_title="Signatures",
        signatures=[("For the ministry (director of human resources or training)", line),
                    ("For the funder", line)],
        sections=[Section("summary", "Executive summary", [Para("The findings.")],
                          number=1)],
        sheets=[], footer="DEMO DATA · Training plan", watermark="DEMO DATA")
    pdf = render_pdf(doc)
    assert "Not an assessment of anyone" in " ".join(page_text(pdf, 1).split())
    second = " ".join(page_text(pdf, 2).split())
    assert "Not an assessment of anyone" not in second
    assert "Executive summary" in second


pytestmark = pytest.mark.filterwarnings("ignore")
