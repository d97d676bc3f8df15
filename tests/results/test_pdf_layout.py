"""The results PDF as a donor pages through it: short sections go on below the one before
(the evaluation's four lines had a page of their own), and a table with no rows says why
instead of showing its header alone."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.utils import translation

from govcap.results import document
from govcap.results.build import build

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(shutil.which("pdftotext") is None,
                                 reason="pdftotext (poppler-utils) is not installed")]


def pages(results) -> list[str]:
    with translation.override("en"):
        pdf = document.render(results, "pdf")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def page_of(found: list[str], heading: str) -> int:
    [number] = [n for n, page in enumerate(found, start=1) if heading in page]
    return number


def test_short_sections_go_on_below_the_one_before(programme):
    found = pages(build(None, programme.later))
    trained = page_of(found, "2. Officials trained")
    assert page_of(found, "3. Evaluation: levels 1 to 3") == trained
    assert page_of(found, "4. In the participants' words") == trained
    # the follow-up trained nobody yet: said, not a table header with nothing under it
    assert "Nobody has completed a course yet." in found[trained - 1]
    # level 4 (landscape) and the definitions still start their own pages
    assert page_of(found, "5. Level 4: change in the organisations") == trained + 1
    assert page_of(found, "6. Definitions") > trained + 1


def test_the_arabic_pdf_holds_every_signed_figure_left_to_right(programme):
    """"+20.0 نقطة" read "20.0+ نقطة" in the Arabic PDF (#15). WeasyPrint ignores
    ``unicode-bidi: isolate``, so a signed figure must reach it between left-to-right marks
    inside its ``<bdi dir="ltr">`` (localise.signed's LRI … PDI, turned into them by
    reports.pdf), in the indicators and in level 4's changes alike."""
    import re

    from govcap.reports.direction import LRM
    from govcap.reports.pdf import render_html

    with translation.override("ar"):
        html = render_html(document.document(build(None, programme.engagement)))
    signed = re.findall(r"(.{0,20})([+−]\d[\d.,]*)(.?)", html)
    assert any(s[1] == "+20.0" for s in signed)  # the learning gain's target
    assert len(signed) >= 3  # level 4's mean changes too
    for before, figure, after in signed:
        assert before.endswith(f'<bdi dir="ltr">{LRM}') and after == LRM, (before, figure)
