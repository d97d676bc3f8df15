"""What the trainees wrote (level-1 comments, level-3 examples) on the results page and in
the documents, for those who may read it, without a code or a name; and level 2 said to be
a self-assessment."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone

from govcap.delivery.models import FollowUp, Reaction, TraineeIdentity
from govcap.results import document
from govcap.results.build import build

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def written(programme):
    now = timezone.now()
    TraineeIdentity.objects.update_or_create(trainee=programme.trainee,
                                             defaults={"name": "Amina Wanjiru"})
    for n, trainee in enumerate((programme.trainee, programme.t2, programme.t3)):
        Reaction.objects.create(trainee=trainee, relevance=5, source="paper", answered_at=now,
                                comment=f"Useful session number {n}" if n != 1 else "")
    for who, text in (("participant", "We now publish our API catalogue"),
                      ("supervisor", "The unit drafted its first service standard")):
        FollowUp.objects.create(trainee=programme.trainee, respondent=who,
                                due_date=dt.date(2026, 9, 1), close_date=dt.date(2026, 12, 1),
                                applied="yes", example=text, answered_at=now)
    return programme


def test_the_page_shows_every_comment_and_example_by_course_with_counts(written):
    text = client_of(written.manager).get("/indicators/").content.decode()
    assert "In the participants" in text
    for n in (0, 2):
        assert f"Useful session number {n}" in text
    assert "2 of 3 answers have a comment" in text
    assert "“We now publish our API catalogue”" in text
    assert "a supervisor: “The unit drafted its first service standard”" in text
    assert "2 of 2 answered follow-ups give an example" in text
    assert "Amina" not in text  # the trainee's name is never beside their words


def test_a_viewer_is_told_the_texts_are_for_coordinators(written):
    text = client_of(written.viewer).get("/indicators/").content.decode()
    assert "Useful session number" not in text
    assert "shown to the engagement&#x27;s coordinators" in text


def test_the_donors_documents_quote_a_few_and_say_how_many_more(written, monkeypatch):
    monkeypatch.setattr(document, "QUOTES", 1)
    results = build(written.manager, written.engagement)
    blocks = document.texts_blocks(results, full=False)
    quoted = [item for b in blocks if hasattr(b, "items") for item in b.items]
    assert len([q for q in quoted if q.startswith("Level 1")]) == document.QUOTES
    assert any("2 more on the results page" in getattr(b, "text", "") for b in blocks)
    from docx import Document

    body = document.render(results, "docx")
    paragraphs = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    assert "Useful session number 0" in paragraphs
    assert "Amina" not in paragraphs


def test_an_erased_trainees_words_are_gone(written):
    from govcap.delivery.privacy import erase_trainee

    erase_trainee(written.delivery, written.trainee.code)
    text = client_of(written.manager).get("/indicators/").content.decode()
    assert "Useful session number 0" not in text
    assert "We now publish" not in text


def test_level_2_is_called_a_self_assessment_on_the_page_and_in_the_documents(programme):
    text = client_of(programme.manager).get("/indicators/").content.decode()
    assert "Self-assessed learning gain (level 2)" in text
    assert "Self-assessed, not tested" in text
    from openpyxl import load_workbook

    response = client_of(programme.manager).get("/indicators/download/xlsx/")
    book = load_workbook(io.BytesIO(response.content))
    cells = [c for ws in book.worksheets for row in ws.values for c in row if c]
    assert "Self-assessed learning gain (level 2)" in cells
