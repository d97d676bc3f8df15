"""The results DOCX pages as the PDF does: a short section goes on below the one before
(Section.run_on) instead of a page of its own; a landscape section and the others still
start their own page."""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from docx import Document as read_docx
from docx.oxml.ns import qn

from govcap.results import document
from govcap.results.build import build

pytestmark = pytest.mark.django_db


def chapters_on_a_new_page(data: bytes) -> dict[str, bool]:
    """Each chapter heading (Heading 1) and whether a page begins with it: after a section
    break that starts a new page, a page break, or with its own page break before."""
    body = read_docx(io.BytesIO(data)).element.body
    out: dict[str, bool] = {}
    new_page = False
    for p in body.iter(qn("w:p")):
        p_pr = p.pPr
        style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if any(b.get(qn("w:type")) == "page" for b in p.iter(qn("w:br"))):
            new_page = True
        if p_pr is not None and p_pr.find(qn("w:pageBreakBefore")) is not None:
            new_page = True
        if style is not None and style.get(qn("w:val")) == "Heading1" and text:
            out[text] = new_page
        if text:
            new_page = False
        if p_pr is not None and (sect := p_pr.find(qn("w:sectPr"))) is not None:
            kind = sect.find(qn("w:type"))
            new_page = kind is None or kind.get(qn("w:val")) in ("nextPage", "evenPage",
                                                                  "oddPage")
    return out


def test_short_sections_of_the_docx_go_on_below_the_one_before(programme):
    with translation.override("en"):
        data = document.render(build(None, programme.later), "docx")
    found = chapters_on_a_new_page(data)
    assert found["2. Officials trained"] is True
    assert found["3. Evaluation: levels 1 to 3"] is False  # run on, as in the PDF
    assert found["4. In the participants' words"] is False
    assert found["5. Level 4: change in the organisations"] is True  # landscape
    assert found["6. Definitions"] is True
