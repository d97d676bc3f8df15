"""A note quoted in another script is a block of its own in the Arabic PDF (issue 15, fresh
eyes): "الملاحظات: «Propos : P3 : « le PMO … » … De base.»" ran on in the Arabic line, and
once wrapped its marks came out at the wrong ends of its lines, a « » nested inside. The
quotation is in its own language's marks, the same for every note (they alternated “ ” and
« » with what the note held), a quotation inside it between the other pair; a participant's
words with their code read as their language writes them ("P4 : « … »"), their bullet at
the right as every other item's."""

from __future__ import annotations

import re

from govcap.localise import inside_quotes
from govcap.reports.model import Bullets, Para, Section
from govcap.reports.pdf import _blocks, esc, rtl_text

NOTE = "Propos : P3 : « le PMO figure sur l'organigramme » ; lecture : de base."
SIMPLE = "Les demandes arrivent par téléphone."
ENGLISH = "Requests come by phone, the “PMO” exists on paper."
NB, NNB = "\u00a0", "\u202f"


def html(*blocks) -> str:
    return _blocks(Section("x", "x", list(blocks)), rtl_text)


def quoted_blocks(out: str) -> list[str]:
    return re.findall(r'<span class="quoted" dir="ltr"[^>]*>(.*?)</span>', out)


def test_the_quoted_note_is_its_own_left_to_right_block_the_quote_inside_in_other_marks():
    line = f"الملاحظات: «{inside_quotes(NOTE, 'ar')}»"
    out = html(Bullets((line,)))
    assert quoted_blocks(out) == [esc(
        f"«{NB}Propos : P3 : “le PMO figure sur l'organigramme” ; lecture : de base.{NB}»")]
    assert out.index("الملاحظات") < out.index('<span class="quoted"')


def test_every_french_note_has_the_same_outer_marks_whatever_it_holds():
    out = html(Bullets((f"الملاحظات: «{inside_quotes(NOTE, 'ar')}»",)),
               Para(f"الأدلة المذكورة: «{inside_quotes(SIMPLE, 'ar')}»"))
    blocks = quoted_blocks(out)
    assert [(b[:2], b[-2:]) for b in blocks] == [(f"«{NB}", f"{NB}»")] * 2, blocks


def test_an_english_note_is_in_english_marks_its_inner_quote_in_single_ones():
    out = html(Para(f"الملاحظات: «{inside_quotes(ENGLISH, 'ar')}»"))
    assert quoted_blocks(out) == [esc("“Requests come by phone, the ‘PMO’ exists on paper.”")]


def test_a_participants_french_words_read_as_french_with_the_bullet_at_the_right():
    quote = f"P4: «{inside_quotes('Le PMO n’existe que sur le papier.', 'ar')}»"
    out = html(Bullets((quote,)))
    assert 'class="quoted"' not in out
    assert f'<bdi dir="ltr">P4{NNB}: «{NB}Le PMO n’existe que sur le papier.{NB}»</bdi>' in out
    # the item keeps the document's direction: its bullet at the right, as the others'
    assert "<li>" in out and 'dir="ltr">P4' not in out.replace("<bdi dir=\"ltr\">P4", "")


def test_english_documents_are_as_before():
    assert 'class="quoted"' not in _blocks(Section("x", "x", [Bullets((f"Notes: “{NOTE}”",))]), esc)
