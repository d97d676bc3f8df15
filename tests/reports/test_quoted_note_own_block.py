"""A note quoted in another script is a block of its own in the Arabic PDF (issue 15, fresh
eyes): "الملاحظات: «Propos : P3 : « le PMO … » … De base.»" ran on in the Arabic line, and
once wrapped its marks came out at the wrong ends of the lines, a « » nested inside."""

from __future__ import annotations

import re

from govcap.localise import inside_quotes
from govcap.reports.model import Bullets, Para, Section
from govcap.reports.pdf import _blocks, esc, rtl_text

NOTE = "Propos : P3 : « le PMO figure sur l'organigramme » ; lecture : de base."
SIMPLE = "Les demandes arrivent par téléphone."


def html(*blocks) -> str:
    return _blocks(Section("x", "x", list(blocks)), rtl_text)


def test_the_quoted_note_is_its_own_left_to_right_block_with_other_marks():
    line = f"الملاحظات: «{inside_quotes(NOTE, 'ar')}»"
    out = html(Bullets((line,)))
    block = re.search(r'<span class="quoted" dir="ltr"[^>]*>(.*?)</span>', out)
    assert block, out
    assert block.group(1) == esc(f"“{NOTE}”")  # « » inside: the other pair around it
    assert out.index("الملاحظات") < out.index('<span class="quoted"')


def test_a_note_without_marks_of_its_own_keeps_the_guillemets():
    out = html(Para(f"الأدلة المذكورة: «{inside_quotes(SIMPLE, 'ar')}»"))
    assert f'dir="ltr" style="display: block">«{esc(SIMPLE)}»</span>' in out


def test_a_participants_words_alone_and_english_documents_are_as_before():
    quote = f"P4: «{inside_quotes('Le PMO n’existe que sur le papier.', 'ar')}»"
    assert 'class="quoted"' not in html(Bullets((quote,)))
    assert 'class="quoted"' not in _blocks(Section("x", "x", [Bullets((f"Notes: “{NOTE}”",))]), esc)
