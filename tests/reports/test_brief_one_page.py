"""The minister's brief fits one page (fresh eyes): Kenya's follow-up brief, version 2 and 3,
in English and in Swahili, ran to a second page holding only its closing line "From training
plan version 2 (approved)…". Its page margins and spacing are its own, tighter than the
plan's: a brief with that much text (the fixture's, padded to it) stays on one page."""

from __future__ import annotations

import dataclasses

import pytest
from weasyprint import HTML

from govcap.reports.brief import build_brief
from govcap.reports.model import Bullets
from govcap.reports.pdf import TEMPLATES, render_html
from tests.reports.helpers import catalogue, context, plan

LINE = ("Une ligne de texte du résumé pour le ministre, assez longue pour occuper presque "
        "toute la largeur de la page A4, deux lignes.")


@pytest.mark.parametrize("language", ["fr"])
def test_a_long_brief_stays_on_one_page(language):
    document = build_brief(plan(), context(language), catalogue(language))
    section = document.sections[0]
    blocks = list(section.blocks)
    # as long as the longest demo brief (Kenya's follow-up, French, after the coordinator's
    # edits): two pages with the plan's page margins and spacing
    blocks.insert(len(blocks) - 1, Bullets((LINE,) * 15))
    padded = dataclasses.replace(document, sections=[dataclasses.replace(section,
                                                                         blocks=blocks)])
    pages = HTML(string=render_html(padded), base_url=TEMPLATES.as_uri() + "/").render().pages
    assert len(pages) == 1
