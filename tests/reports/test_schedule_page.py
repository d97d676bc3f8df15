"""The schedule chapter's opening is not left alone on a page: Djibouti's whole-plan PDF
had chapter 7's heading and three paragraphs on page 12, then a blank half page, because
its notes were glued to the Timeline heading and its figure (kept whole)."""

from __future__ import annotations

import subprocess

import pytest

from govcap.orgs.models import Engagement
from govcap.planning import services
from govcap.reports import documents
from govcap.reports.labels import Labels
from tests.demo.helpers import demo_data


def pages(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return text.split("\f")


@pytest.mark.django_db
def test_schedule_chapter_fills_its_first_page():
    demo_data()
    # re-generated after the demo's dates: its schedule starts later, said in two notes more
    plan = services.generate(Engagement.objects.get(slug="djibouti-baseline-2026"), None)
    for language, heading in (("en", "Cohort schedule"), ("fr", "Calendrier des cohortes")):
        timeline = " ".join(Labels(language)["gantt.note"].split()[:4])
        found = [p for p in pages(documents.render(plan, "pdf", language=language))
                 if f"7. {heading}" in p]
        assert found, language
        page = found[0]
        # the timeline starts on the chapter's first page, not after a blank half page
        assert timeline in page, (language, page[:2000])
