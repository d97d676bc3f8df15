"""Every arrow of a document points the way it reads (issue 15): an Arabic PDF or DOCX
said "Basic → Moderate" and "أساسي → متوسط" where a translation or the code wrote "→",
pointing back at the step before. One rule for pages and documents
(localise.arrows_pointing), applied to every document model render_document draws."""

from __future__ import annotations

import io

from docx import Document as read_docx

from govcap import localise
from govcap.reports.direction import arrows_pointing
from govcap.reports.model import Bullets, Column, Document, Money, Para, Section, Table
from govcap.reports.pdf import render_html
from govcap.reports.plan import render_document

RLM = "\u200f"


def document(language: str) -> Document:
    table = Table([Column("المستوى → الهدف"), Column("Cost", kind="money")],
                  [["Basic → Moderate", Money(100, "USD", "USD 1.00")]])
    return Document(language=language, title="خطة", subtitle="", cover=[("Cycle", "2025 → 2026")],
                    cover_note="", footer="f", sheets=[],
                    sections=[Section("x", "أساسي → متوسط", [
                        Para("المقارنة 2025 → 2026."), Bullets(("Ministry (Basic → High)",)),
                        table], number=1)])


def test_an_arabic_document_has_no_arrow_pointing_back():
    docx = read_docx(io.BytesIO(render_document(document("ar"), "docx")))
    said = "\n".join([p.text for p in docx.paragraphs]
                     + [c.text for t in docx.tables for row in t.rows for c in row.cells])
    assert "→" not in said
    assert f"Basic {RLM}←{RLM} Moderate" in said and f"أساسي {RLM}←{RLM} متوسط" in said
    html = render_html(arrows_pointing(document("ar")))
    assert "→" not in html and f"2025 {RLM}←{RLM} 2026" in html


def test_left_to_right_documents_and_pages_keep_their_arrows():
    assert arrows_pointing(document("fr")) == document("fr")
    assert localise.arrow("fr") == "→" and localise.arrow("ar") == f"{RLM}←{RLM}"
    # an arrow the translation already turned is held as the code's (once, however often)
    turned = localise.arrows_pointing(localise.arrows_pointing("أساسي ← متوسط", "ar"), "ar")
    assert turned == f"أساسي {RLM}←{RLM} متوسط"
