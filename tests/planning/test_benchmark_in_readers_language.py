"""The benchmark a gap quotes reads in the page's or the document's language (issue 15): an
Arabic reader of Djibouti's plan read the French benchmark «Le ministère est capable…», a
Swahili reader of Kenya's the English one. The plan keeps the text it was made with (its
checksum); a participant's own words stay as said."""

from __future__ import annotations

import html
import io
import re

from django.urls import reverse
from docx import Document as read_docx

from govcap.instruments.services import localised
from govcap.planning.services import current_checksum
from govcap.reports import documents
from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)

SECTION = "enterprise-architecture"


def statement(world, language: str) -> str:
    section = localised(world.instrument, language).section(SECTION)
    return str(section.statements("basic")[0].text)


def page_quotes(client, world, language: str) -> list[str]:
    client.force_login(world.viewer)
    client.cookies["django_language"] = language
    page = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    return [
        html.unescape(q)
        for q in re.findall(r'<span class="quote">.*?<bdi[^>]*>([^<]*)</bdi>', page)
    ]


def test_the_plan_page_quotes_the_benchmark_in_its_readers_language(
    client,
    planned,  # noqa: F811
):
    english, arabic, swahili = (statement(planned, lang) for lang in ("en", "ar", "sw"))
    assert len({english, arabic, swahili}) == 3  # the layers translate it
    stored = {g.benchmark_text for g in planned.plan.plan_data().gaps if g.section_key == SECTION}
    assert stored == {english}  # made in the engagement's language, and kept so
    before = current_checksum(planned.engagement)
    assert arabic in page_quotes(client, planned, "ar")
    assert english not in page_quotes(client, planned, "ar")
    assert swahili in page_quotes(client, planned, "sw")
    assert english in page_quotes(client, planned, "en")
    assert current_checksum(planned.engagement) == before


def test_a_document_quotes_it_in_the_documents_language_and_the_notes_as_said(
    planned,  # noqa: F811
):
    docx = documents.render(planned.plan, "docx", language="fr")
    text = "\n".join(p.text for p in read_docx(io.BytesIO(docx)).paragraphs)
    assert statement(planned, "fr") in text
    assert statement(planned, "en") not in text
    assert "No shared standards." in text  # the session's shared note, as it was written
