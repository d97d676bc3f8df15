"""The DOCX plan: content, language, page set-up and inert hostile names."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from tests.reports.expected import headings, must_contain
from tests.reports.helpers import FORMULA_NAME, SCRIPT_NAME, normalise

CASES = [("en", None), ("fr", None), ("en", "org-b"), ("fr", "org-d")]


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return normalise("\n".join(parts))


@pytest.mark.parametrize(("language", "org"), CASES)
def test_it_says_everything_the_plan_needs(render, language, org):
    text = docx_text(render("docx", language, org))
    for expected in must_contain(language, org):
        assert normalise(expected) in text, expected


def test_it_writes_french_when_the_engagement_works_in_french(render):
    text = docx_text(render("docx", "fr"))
    assert "Résumé" in text and "Tableau d’actions" in text and "De base" in text and "Basique" not in text
    for english, french in zip(headings("en"), headings("fr"), strict=True):
        assert english == french or english not in text


def test_the_organisation_plan_is_that_organisation_s_own(render):
    text = docx_text(render("docx", "en", "org-b"))
    assert "Training plan of Revenue Authority" in text
    assert "Ministry of Health" not in text


def test_wide_chapters_are_landscape_and_pages_are_numbered(render):
    doc = Document(io.BytesIO(render("docx", "en")))
    orientations = {s.orientation for s in doc.sections}
    assert orientations == {WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE}
    for section in doc.sections:
        assert section.page_width - section.left_margin - section.right_margin > 0
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer


def test_table_headers_repeat_and_tables_fit_the_page(render):
    doc = Document(io.BytesIO(render("docx", "en")))
    body = doc.element.body
    assert len(body.xpath(".//w:tblHeader")) >= 10
    widest = max(s.page_width - s.left_margin - s.right_margin for s in doc.sections)
    for table in doc.tables:
        cells = table.rows[0].cells
        assert sum(cell.width or 0 for cell in cells) <= widest + 635 * len(cells)  # twips


def test_charts_are_embedded_as_png(render):
    with zipfile.ZipFile(io.BytesIO(render("docx", "en"))) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(images) >= 2  # heatmap and Gantt


def test_hostile_names_stay_text(render):
    data = render("docx", "en")
    text = docx_text(data)
    assert FORMULA_NAME in text and SCRIPT_NAME in text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert "<w:hyperlink" not in xml and "HYPERLINK" not in xml.replace(
        "=HYPERLINK(&quot;http://x&quot;)", "").replace('=HYPERLINK("http://x")', "")
    assert "<script>" not in xml
    instructions = Document(io.BytesIO(data)).sections[0].footer._element.xpath(".//w:instrText")
    assert [i.text.strip() for i in instructions] == ["PAGE", "NUMPAGES"]  # "Page 3 of 31"


def test_it_has_a_table_of_contents_properties_and_alt_text(render):
    data = render("docx", "en")
    doc = Document(io.BytesIO(data))
    props = doc.core_properties
    assert props.author == "govcap" and props.category == "training plan"
    assert props.title and props.subject and props.language == "en-GB"
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "TOC \\o" in body and "Contents" in body and "1. Executive summary" in body
    described = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)
    assert described and all(d.strip() for d in described)
    assert len(described) == body.count("<wp:docPr ")  # every picture described
