"""What the trainees wrote (level-1 comments, level-3 examples) on the results page and in
the documents, for those who may read it, without a code or a name; and level 2 said to be
a self-assessment."""

from __future__ import annotations

import datetime as dt
import html
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
    today = timezone.localdate()  # answered within the window: counted
    for who, text in (("participant", "We now publish our API catalogue"),
                      ("supervisor", "The unit drafted its first service standard")):
        FollowUp.objects.create(trainee=programme.trainee, respondent=who,
                                due_date=today - dt.timedelta(days=30),
                                close_date=today + dt.timedelta(days=60),
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


def test_an_example_given_after_the_window_is_reported_apart_not_counted(written):
    """One rule with the level-3 figure and the evaluation page's "Answered": a follow-up
    answered after its window closed is not among the answered that give an example."""
    today = timezone.localdate()
    FollowUp.objects.create(trainee=written.t2, respondent="participant",
                            due_date=today - dt.timedelta(days=300),
                            close_date=today - dt.timedelta(days=200), applied="yes",
                            example="Late but useful", answered_at=timezone.now())
    text = client_of(written.manager).get("/indicators/").content.decode()
    assert "2 of 2 answered follow-ups give an example" in text
    assert ("1 follow-up answered before 3 months or after 6 is reported apart, not counted "
            "here.") in text
    assert "Late but useful" not in text


def test_a_viewer_is_told_the_texts_are_for_coordinators(written):
    text = client_of(written.viewer).get("/indicators/").content.decode()
    assert "Useful session number" not in text
    assert "shown to the engagement&#x27;s coordinators" in text


def test_the_donors_documents_quote_a_few_and_the_others_in_an_annex(written, monkeypatch):
    """A donor reading the PDF cannot open the results page: the document says, per level,
    what it leaves out and where the rest is (its annex), never "on the results page"."""
    monkeypatch.setattr(document, "QUOTES", 1)
    Reaction.objects.update(quotable=True)
    results = build(written.manager, written.engagement)
    doc = document.document(results)
    words = next(s for s in doc.sections if s.key == "words")
    quoted = [item for b in words.blocks if hasattr(b, "items") for item in b.items]
    assert len([q for q in quoted if q.startswith("Level 1")]) == document.QUOTES
    notes = " ".join(getattr(b, "text", "") for b in words.blocks)
    assert ("Level 1: 1 more comment marked for quoting is in the annex (section 7)."
            in notes)
    assert "Level 3: 2 examples not marked for quoting are not in this document." in notes
    assert "The others marked for quoting are in the annex (section 7)." in notes
    annex = doc.sections[-1]
    assert (annex.number, annex.key) == (7, "annex-words")
    annexed = [item for b in annex.blocks if hasattr(b, "items") for item in b.items]
    assert len(annexed) == 1 and "Useful session number" in annexed[0]
    assert annexed[0] not in quoted
    from docx import Document

    body = document.render(results, "docx")
    paragraphs = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    assert "Useful session number 0" in paragraphs and "Useful session number 2" in paragraphs
    assert "Annex: the participants' words marked for quoting" in paragraphs
    assert "results page" not in paragraphs
    assert "Amina" not in paragraphs


def test_the_page_says_how_many_are_marked_and_where_the_documents_quote_them(written,
                                                                             monkeypatch):
    """Ticking 5 texts read "The documents for the donor quote 2 of 22 texts" where the PDF
    quoted 2 in its section and 3 in its annex, and the workbook all 5."""
    monkeypatch.setattr(document, "QUOTES", 1)
    Reaction.objects.update(quotable=True)
    FollowUp.objects.update(quotable=True)
    page = html.unescape(client_of(written.manager).get("/indicators/").content.decode())
    said = "4 marked for quoting: 2 in the report's section 4, 2 in its annex (section 7)."
    assert said in page and "quote 2 of" not in page
    assert ("the report at most 1 per course and level in its section 4 and the others in "
            "its annex, the workbook all of them.") in page
    doc = document.document(build(written.manager, written.engagement))
    annex = next(s for s in doc.sections if s.key == "annex-words")
    assert len([item for b in annex.blocks if hasattr(b, "items") for item in b.items]) == 2
    FollowUp.objects.update(quotable=False)
    Reaction.objects.update(quotable=False)
    page = html.unescape(client_of(written.manager).get("/indicators/").content.decode())
    assert ("None marked for quoting: the documents for the donor quote none of these "
            "texts.") in page


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


# --- which texts a donor's document may quote: marked on the results page -----------------

PERSONAL = "Very practical. Jane Wanjiru was excellent; call me on 0712 345 678."


@pytest.fixture
def personal(written):
    Reaction.objects.filter(trainee=written.t3).update(comment=PERSONAL)
    return written


def _document_texts(user, engagement=None) -> dict[str, str]:
    """What the XLSX, DOCX and PDF of the reader's results say, as text."""
    import shutil
    import subprocess

    from docx import Document
    from openpyxl import load_workbook

    results = build(user, engagement)
    book = load_workbook(io.BytesIO(document.render(results, "xlsx")))
    word = Document(io.BytesIO(document.render(results, "docx")))
    pdf = document.render(results, "pdf")
    if shutil.which("pdftotext"):  # the PDF's own text
        pdf_text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                  check=True).stdout.decode()
    else:  # what the PDF is drawn from
        from govcap.reports.pdf import render_html

        pdf_text = render_html(document.document(results))
    return {
        "xlsx": "\n".join(str(c) for ws in book.worksheets for row in ws.values
                          for c in row if c is not None),
        "docx": "\n".join(p.text for p in word.paragraphs),
        "pdf": " ".join(pdf_text.split()),
    }


def _form(page: str) -> tuple[list[str], dict[str, bool]]:
    import re

    shown = re.findall(r'name="shown" value="([^"]+)"', page)
    ticked = {key: bool(re.search(rf'name="quotable" value="{key}" checked', page))
              for key in shown}
    return shown, ticked


def test_no_text_is_quoted_in_the_documents_until_marked(personal):
    texts = _document_texts(personal.manager)
    for fmt, text in texts.items():
        assert "Jane Wanjiru" not in text, fmt
        assert "0712" not in text, fmt
        assert "Useful session number" not in text, fmt
    for said in ("Level 1: 2 comments not marked for quoting are not in this document.",
                 "Level 3: 2 examples not marked for quoting are not in this document."):
        for fmt in ("docx", "pdf", "xlsx"):
            assert texts[fmt].count(said) == 1, (fmt, said)


def test_a_coordinator_marks_texts_on_the_page_and_only_those_are_quoted_masked(personal):
    from govcap.accounts.models import AuditEvent

    client = client_of(personal.coordinator)
    page = client.get(f"/indicators/e/{personal.engagement.slug}/").content.decode()
    shown, ticked = _form(page)
    assert len(shown) == 4 and not any(ticked.values())  # 2 comments, 2 examples
    personal_key = f"l1-{Reaction.objects.get(trainee=personal.t3).pk}"
    example_key = f"l3-{FollowUp.objects.get(respondent='supervisor').pk}"
    response = client.post("/indicators/words/", {
        "slug": personal.engagement.slug, "shown": shown,
        "quotable": [personal_key, example_key]})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "2 texts changed" in page
    assert _form(page)[1] == {key: key in (personal_key, example_key) for key in shown}
    assert "2 marked for quoting, all in the report&#x27;s section 4." in page
    assert PERSONAL in page  # the page shows the coordinator the text as written
    assert AuditEvent.objects.filter(action="quotable").count() == 2
    for fmt, text in _document_texts(personal.manager).items():
        assert "Jane Wanjiru was excellent; call me on [phone]." in text, fmt
        assert "0712" not in text, fmt
        assert "first service standard" in text, fmt  # the supervisor's example
        assert "Useful session number" not in text, fmt  # not marked
        assert "We now publish" not in text, fmt
    # unticking takes it out again
    client.post("/indicators/words/", {"slug": personal.engagement.slug, "shown": shown,
                                       "quotable": [example_key]})
    assert "Jane Wanjiru" not in _document_texts(personal.manager)["docx"]


def test_an_e_mail_address_is_masked_even_when_marked(written):
    Reaction.objects.filter(trainee=written.t3).update(
        comment="Write to amina.w@ict.go.ke or +254 (0)20 123 4567", quotable=True)
    text = _document_texts(written.manager)["docx"]
    assert "Write to [e-mail] or [phone]" in text
    assert "ict.go.ke" not in text


def test_a_viewer_cannot_mark_texts(written):
    key = f"l1-{Reaction.objects.get(trainee=written.t3).pk}"
    response = client_of(written.viewer).post("/indicators/words/", {
        "shown": [key], "quotable": [key]})
    assert response.status_code == 403
    assert not Reaction.objects.get(trainee=written.t3).quotable


def test_a_corrected_answer_is_unmarked(written):
    from govcap.delivery.evaluation import ReactionAnswer, record_answers

    Reaction.objects.update(quotable=True)
    record_answers(written.coordinator, written.delivery,
                   [ReactionAnswer(written.t3.code, relevance=4, comment="Changed text")],
                   source="paper", replace=True)
    assert not Reaction.objects.get(trainee=written.t3).quotable
    assert Reaction.objects.get(trainee=written.trainee).quotable


def test_the_documents_speak_of_an_annex_only_when_there_is_one(written):
    Reaction.objects.update(quotable=True)  # 2 comments: both quoted, no annex
    doc = document.document(build(written.manager, written.engagement))
    assert [s.key for s in doc.sections][-1] == "definitions"
    words = next(s for s in doc.sections if s.key == "words")
    assert "annex" not in " ".join(getattr(b, "text", "") for b in words.blocks)
