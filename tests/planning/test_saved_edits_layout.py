"""The plan page's saved edits in Arabic: the edit's column was a few words wide beside a
huge outcome column, and "(AGL-101)" broke at its hyphen into "(-AGL" and "101)". Module
codes are kept on one line in their order wherever the edits are said, and the columns are
balanced."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

import govcap

STATIC = Path(govcap.__file__).parent
SENTENCE = "نقل أساسيات منهجية العمل المرن (Agile) لفرق القطاع العام (AGL-101) إلى مايو 2027"
MOVED = ("هذا نقل أيضًا: اتخاذ القرار في ظل عدم اليقين (AGL-102) لـ Ministry of Communications "
         "and Technology؛ Ministry of Finance من أبريل 2027 إلى يونيو 2027؛ " * 6)


def edits_part(language: str) -> str:
    edit = SimpleNamespace(seq=1, withdrawn=False, last_status="applied",
                           author=SimpleNamespace(username="demo-coordinator-so"))
    with translation.override(language):
        return render_to_string("planning/_plan_edits.html", {
            "edits": [(edit, SENTENCE, "تم", MOVED, "")], "operations": [],
            "plan": SimpleNamespace(is_read_only=True), "engagement": None})


def test_each_module_code_of_a_saved_edit_is_held_on_one_line():
    table = edits_part("ar").split('<table class="saved-edits">')[1]
    for code in ("AGL-101", "AGL-102"):
        assert f'<span class="code">{code}</span>' in table
    assert not re.search(r"(?<!>)AGL-10", table)  # never a bare code
    css = (STATIC / "static/govcap/app.css").read_text()
    assert re.search(r"\.code\{[^}]*white-space:nowrap[^}]*unicode-bidi:isolate", css)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_edit_and_its_outcome_share_the_width(browser, language):
    css = "".join((STATIC / path).read_text() for path in (
        "static/govcap/app.css", "planning/static/planning/plan.css"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.set_content(f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">'
                         f"<style>{css}</style><body><main>{edits_part(language)}</main>"
                         "</body></html>")
        widths = page.evaluate("""() => [...document.querySelectorAll(
            '#edits table thead th')].map(th => th.getBoundingClientRect().width)""")
        # each code's text on one line: the top of its first and last letter alike
        lines = page.evaluate("""() => [...document.querySelectorAll('#edits table td')]
            .flatMap(td => {
              const found = [], walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
              while (walk.nextNode()) {
                const text = walk.currentNode.data, re = /[A-Z]{2,5}-\\d{2,4}/g;
                let m;
                while ((m = re.exec(text))) {
                  const r = document.createRange();
                  r.setStart(walk.currentNode, m.index);
                  r.setEnd(walk.currentNode, m.index + m[0].length);
                  found.push(r.getClientRects().length);
                }
              }
              return found;
            })""")
    finally:
        page.close()
    edit, outcome = widths[1], widths[3]
    assert edit > 0.6 * outcome, widths  # was 134 px beside 781
    assert lines and set(lines) == {1}  # each code one box: on one line
