"""Section titles the instrument has no translation for are said to be English in the
documents (issue 15), as the pages' |t says it: the PDF's HTML marks them lang="en", the
DOCX gives their runs w:lang en-GB, so a screen reader (and Word's spelling) reads "Managing
change" as English in a Swahili, French or Arabic plan."""

from __future__ import annotations

import dataclasses
import io

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn

from govcap.reports.docx import render_docx
from govcap.reports.model import Bullets, Column, Document, Para, Section, Table
from govcap.reports.pdf import render_html
from tests.reports.test_arabic_documents import planned  # noqa: F401, F811 (a fixture)

TITLE = "Managing change"


def document(language: str, english: tuple[str, ...] = (TITLE,)) -> Document:
    arabic = language == "ar"
    lines = [Para(("المستوى «أساسي» في 4. " if arabic else "Kiwango cha msingi katika 4. ")
                  + TITLE), Bullets((f"4. {TITLE}",)),
             Table([Column("Sehemu")], [[f"4. {TITLE}"], ["1. Kufikiri kimfumo"]])]
    return Document(language=language, title="t", subtitle="", cover=[], cover_note="",
                    sections=[Section("x", "Matokeo", lines, number=1)], sheets=[],
                    footer="f", english=english)


def test_the_pdf_marks_the_english_title_english_wherever_it_is_read():
    for language in ("sw", "ar"):
        html = render_html(document(language))
        chapters = html[html.index("<section"):]
        assert chapters.count(f'<span lang="en">{TITLE}</span>') == 3, chapters
        assert chapters.count(TITLE) == 3
    assert 'lang="en"' not in render_html(document("sw", ()))[
        render_html(document("sw", ())).index("<section"):]


def english_runs(language: str, english: tuple[str, ...] = (TITLE,)) -> list[str]:
    body = read_docx(io.BytesIO(render_docx(document(language, english)))).element.body
    return ["".join(t.text or "" for t in r.iter(qn("w:t"))).strip("\u200e")
            for r in body.iter(qn("w:r"))
            if r.find(f"{qn('w:rPr')}/{qn('w:lang')}") is not None
            and r.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"]


def test_the_docx_gives_the_english_title_runs_of_its_own_in_english():
    assert english_runs("sw") == [TITLE] * 3
    assert english_runs("ar") == [TITLE] * 3
    assert english_runs("sw", ()) == []


@pytest.mark.django_db
def test_a_plans_docx_marks_the_instruments_untranslated_title(planned, monkeypatch):  # noqa: F811
    """From the plan to the file: a section title the instrument's French layer lacks is
    English in the French DOCX, and said to be."""
    from govcap.instruments.document import Text
    from govcap.reports import documents

    real = documents.localised

    def lacking(instrument, language):
        parsed = real(instrument, language)
        first = parsed.sections[0]
        title = Text("Untranslated systems thinking", first.title.id, "en", fallback=True)
        return dataclasses.replace(parsed, sections=(dataclasses.replace(first, title=title),
                                                     *parsed.sections[1:]))

    monkeypatch.setattr(documents, "localised", lacking)
    data = documents.render(planned.plan, "docx", language="fr")
    body = read_docx(io.BytesIO(data)).element.body
    marked = {"".join(t.text or "" for t in r.iter(qn("w:t"))) for r in body.iter(qn("w:r"))
              if (lang := r.find(f"{qn('w:rPr')}/{qn('w:lang')}")) is not None
              and lang.get(qn("w:val")) == "en-GB"}
    assert marked == {"Untranslated systems thinking"}
