"""A note written in English (a session held in English) is said to be English in another
language's DOCX on every part of it (issue 15): a note over several lines is written with
line breaks in one run (or, in an Arabic document, a paragraph of its own), and only a
one-line text was ever marked, so Word's spelling and a screen reader read the English
note's lines as French."""

from __future__ import annotations

import dataclasses
import io

from docx import Document as read_docx
from docx.oxml.ns import qn

from govcap.localise import inside_quotes
from govcap.reports.docx import render_docx
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Document, Section
from govcap.reports.plan import english_texts, render_plan
from tests.reports.helpers import catalogue, context, plan

NOTE = "The PMO has no defined role.\nProjects report to the PS directly."
LINES = NOTE.splitlines()
MARKS = "\u200e\u200f\u2066\u2067\u2068\u2069"


def runs(docx: bytes) -> list[tuple[str, str | None]]:
    """Each run's text (a line break as "\\n") and its w:lang, if any."""
    out = []
    for r in read_docx(io.BytesIO(docx)).element.body.iter(qn("w:r")):
        said = "".join("\n" if c.tag == qn("w:br") else (c.text or "")
                       for c in r if c.tag in (qn("w:t"), qn("w:br")))
        lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        out.append((said.strip(MARKS), None if lang is None else lang.get(qn("w:val"))))
    return out


def marked_english(docx: bytes) -> list[str]:
    return [said for said, lang in runs(docx) if lang == "en-GB"]


def test_every_line_of_an_english_note_is_marked_english():
    for language in ("fr", "ar"):
        words = Labels(language)
        line = words.t("evidence.notes", notes=inside_quotes(NOTE, language))
        doc = Document(language=language, title="t", subtitle="", cover=[], cover_note="",
                       sections=[Section("x", "x", [Bullets((line,))], number=1)], sheets=[],
                       footer="f", english=(NOTE,))
        docx = render_docx(doc)
        english = marked_english(docx)
        assert LINES[0] in english and LINES[1] in english, (language, runs(docx))
        # the document's own words around it stay in its language
        assert not any(words.t("evidence.notes", notes="").split(":")[0].strip() in said
                       for said in english), english


def test_a_plans_notes_from_an_english_session_are_marked_in_its_french_docx():
    made = plan()
    gaps = tuple(dataclasses.replace(g, shared_notes=NOTE) if g.org_id == "org-b" else g
                 for g in made.gaps)
    made = dataclasses.replace(made, gaps=gaps)
    assert NOTE in english_texts(made, context("fr"))  # its sessions were held in English
    assert english_texts(made, context("en")) == ()
    english = marked_english(render_plan(made, context("fr", "org-b"), "docx",
                                         catalogue("fr")))
    assert LINES[0] in english and LINES[1] in english
