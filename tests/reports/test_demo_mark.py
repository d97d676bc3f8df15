"""A plan made from demo data says so on every page, in every format: the demo carries real
ministry names with invented ratings."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from govcap.reports.plan import render_plan
from tests.reports.helpers import catalogue, context, plan
from tests.reports.test_pdf import needs_pdftotext, pdf_text


def demo(fmt: str, language: str = "en") -> bytes:
    ctx = dataclasses.replace(context(language), is_demo=True)
    return render_plan(plan(), ctx, fmt, catalogue=catalogue(language))


@needs_pdftotext
@pytest.mark.parametrize(("language", "mark"), [("en", "DEMO DATA"),
                                                 ("fr", "DONNÉES DE DÉMONSTRATION")])
def test_every_page_of_a_demo_pdf_is_marked(language, mark, render):
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=demo("pdf", language),
                         capture_output=True, check=True).stdout.decode()
    pages = [" ".join(page.split()) for page in out.split("\f") if page.strip()]
    assert len(pages) > 5
    assert all(mark in page for page in pages)
    assert mark not in pdf_text(render("pdf", language))  # a real plan is not


def test_the_demo_docx_has_the_mark_in_the_header_every_section_uses(render):
    docx = zipfile.ZipFile(io.BytesIO(demo("docx")))
    headers = [n for n in docx.namelist() if n.startswith("word/header")]
    assert any("DEMO DATA" in docx.read(n).decode() for n in headers)
    body = docx.read("word/document.xml").decode()
    assert "headerReference" in body and "invented" in body  # on the cover too
    real = zipfile.ZipFile(io.BytesIO(render("docx")))
    assert not any("DEMO DATA" in real.read(n).decode() for n in real.namelist()
                   if n.endswith(".xml"))


def test_the_demo_workbook_opens_on_a_sheet_saying_so(render):
    book = load_workbook(io.BytesIO(demo("xlsx")))
    assert book.sheetnames[0] == "DEMO DATA" and "invented" in book.worksheets[0]["A2"].value
    assert "DEMO DATA" not in load_workbook(io.BytesIO(render("xlsx"))).sheetnames
