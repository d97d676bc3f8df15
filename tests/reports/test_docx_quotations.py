"""The Arabic DOCX quotes as the Arabic PDF does (issue 15): a note in French or English after
an Arabic label ("الملاحظات:") is a paragraph of its own, left to right, in its language's
marks — the same for every note, a quotation inside it between the other pair — where Word
ran it on in the Arabic line, its marks at the wrong ends once wrapped; a participant's
words with only their code read "P4 : « … »" with the bullet at the right as every other
item's. French and English documents keep their own marks."""

from __future__ import annotations

import io

from docx import Document as read_docx
from docx.oxml.ns import qn

from govcap.localise import inside_quotes
from govcap.reports.docx import render_docx
from govcap.reports.model import Bullets, Document, Para, Section

NOTE = "Propos : P3 : « le PMO figure sur l'organigramme » ; lecture : de base."
SIMPLE = "Les demandes arrivent par téléphone."
WORDS = "Le PMO n’existe que sur le papier."
NB, NNB = "\u00a0", "\u202f"
MARKS = "\u200e\u200f\u2066\u2067\u2068\u2069"


def paragraphs(language: str, *blocks) -> list[tuple[str, bool]]:
    """Each paragraph of the chapter as (its text, set right to left)."""
    doc = Document(language=language, title="t", subtitle="", cover=[], cover_note="",
                   sections=[Section("x", "x", list(blocks), number=1)], sheets=[], footer="f")
    body = read_docx(io.BytesIO(render_docx(doc))).element.body
    out = []
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        text = "".join(ch for ch in text if ch not in MARKS)
        bidi = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
        out.append((text, bidi is not None and bidi.get(qn("w:val"), "1") != "0"))
    return out


def test_an_arabic_note_is_its_own_left_to_right_paragraph_in_one_style_of_marks():
    said = paragraphs("ar", Bullets((f"الملاحظات: «{inside_quotes(NOTE, 'ar')}»",)),
                      Para(f"الأدلة المذكورة: «{inside_quotes(SIMPLE, 'ar')}»"))
    at = said.index(("الملاحظات:", True))
    assert said[at + 1] == (
        f"«{NB}Propos : P3 : “le PMO figure sur l'organigramme” ; lecture : de base.{NB}»",
        False)
    at = said.index(("الأدلة المذكورة:", True))
    assert said[at + 1] == (f"«{NB}{SIMPLE}{NB}»", False)


def test_an_arabic_docx_writes_a_participants_french_words_as_french_bullet_at_the_right():
    said = paragraphs("ar", Bullets((f"P4: «{inside_quotes(WORDS, 'ar')}»",
                                     "نص عربي")))
    assert (f"P4{NNB}: «{NB}{WORDS}{NB}»", True) in said  # a right-to-left item: bullet right
    assert ("نص عربي", True) in said


def test_french_and_english_documents_keep_their_own_marks():
    fr = paragraphs("fr", Bullets((f"Notes{NB}: «{NB}{SIMPLE}{NB}»",)))
    assert (f"Notes{NB}: «{NB}{SIMPLE}{NB}»", False) in fr
    en = paragraphs("en", Bullets(("Notes: “Requests come by phone.”",)))
    assert ("Notes: “Requests come by phone.”", False) in en
