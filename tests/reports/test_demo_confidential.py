"""The demo's four plans, in every format a reader gets, quote nothing that was kept internal
(issue 14, blocker 1): not the remarks on the room, not the unshared quotes, not evidence or
dissent nobody marked shareable."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from govcap.assessments.models import Quote, Rating, SharedText
from govcap.instruments.services import localised
from govcap.orgs.models import Engagement
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import generate
from govcap.reports import documents
from govcap.scale import LEVEL_KEYS
from tests.demo.helpers import demo_data
from tests.planning.test_demo_schedule import DEMO_PLANS

SENTENCE = re.compile(r"[^.!?…\n]+[.!?]")


def sentences(text: str) -> set[str]:
    """Sentences long enough that finding one in a document cannot be chance."""
    return {s.strip() for s in SENTENCE.findall(text) if len(s.split()) >= 5}


def internal_sentences(engagement: Engagement) -> set[str]:
    """Sentences captured in the engagement that no shared text and no benchmark of the
    instrument (public wording a note may repeat) contains."""
    shared = SharedText.objects.filter(session__engagement=engagement)
    public = " ".join(t.text for t in shared)
    for language in ("en", "fr"):
        for section in localised(engagement.instrument, language).sections:
            public += " ".join(str(s.text) for level in LEVEL_KEYS
                               for s in section.statements(level))
    public = " ".join(public.split())
    captured: set[str] = set()
    for rating in Rating.objects.filter(session__engagement=engagement):
        for field in ("notes", "evidence", "dissent"):
            captured |= sentences(getattr(rating, field))
    for quote in Quote.objects.filter(session__engagement=engagement):
        captured |= sentences(quote.text)
    return {s for s in captured if " ".join(s.split()) not in public}


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    return re.sub(r"<[^>]+>", "", xml)


def xlsx_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data))
    return "\n".join(str(cell) for sheet in book.worksheets
                     for row in sheet.iter_rows(values_only=True) for cell in row if cell)


@pytest.mark.django_db
def test_no_internal_sentence_reaches_any_demo_plan_document() -> None:
    demo_data()
    ensure_default_catalogue()
    checked = 0
    for slug in DEMO_PLANS:
        engagement = Engagement.objects.get(slug=slug)
        internal = internal_sentences(engagement)
        assert len(internal) > 10, slug  # the demo does keep remarks on the room internal
        plan = generate(engagement, None)
        texts = {"json": documents.render(plan, "json").decode(),
                 "docx": docx_text(documents.render(plan, "docx")),
                 "brief-docx": docx_text(documents.render(plan, "brief-docx")),
                 "xlsx": xlsx_text(documents.render(plan, "xlsx"))}
        for fmt, text in texts.items():
            flat = " ".join(text.split())
            leaked = sorted(s for s in internal if " ".join(s.split()) in flat)
            assert not leaked, (slug, fmt, leaked[:3])
        checked += len(internal)
    assert checked > 60
