"""The protocol's text on a session's pages in the reader's language where the instrument
has it (issue 15): an Arabic summary of a French session showed "1. Recourir à la pensée
systémique…" under Arabic headings, the capture page's instructions in French, a Swahili
overview "1. Using systems thinking… | Fikra Bunifu… | Wastani", and the facilitator's guide
in English. The participants' words stay as written."""
from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.assessments.models import Session
from govcap.assessments.texts import instrument_in
from tests.security.helpers import client_for


@pytest.mark.parametrize("reader", ["ar", "sw", "fr"])
@pytest.mark.parametrize("page", ["session", "session-summary", "session-guide"])
def test_a_session_page_gives_the_protocol_in_the_readers_language(consented, reader, page):
    session = consented.session
    spoken = "fr" if reader != "fr" else "en"  # the session's language: not the reader's
    Session.objects.filter(pk=session.pk).update(language=spoken)
    session.refresh_from_db()
    theirs = instrument_in(session.instrument, reader).sections[0].title
    others = instrument_in(session.instrument, spoken).sections[0].title
    assert theirs != others
    client = client_for(consented.coordinator)
    client.cookies["django_language"] = reader
    html = client.get(reverse(page, args=[session.uuid])).content.decode()
    assert str(theirs) in html and str(others) not in html


def test_the_capture_page_instructs_in_the_readers_language(consented):
    session = consented.session
    Session.objects.filter(pk=session.pk).update(language="fr")
    session.refresh_from_db()
    key = instrument_in(session.instrument, "ar").sections[3].key
    arabic = instrument_in(session.instrument, "ar").section(key)
    french = instrument_in(session.instrument, "fr").section(key)
    client = client_for(consented.facilitator)
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("section", args=[session.uuid, key])).content.decode()
    heading = html[html.index("<h2>"):html.index("</h2>")]
    assert str(arabic.title) in heading and str(french.title) not in heading
    # the instruction box is the reader's; what is read aloud stays the session's
    assert str(arabic.notes_prompt) in html and str(french.notes_prompt) not in html
    questions = html[html.index('<ul class="questions"'):]
    assert questions.startswith('<ul class="questions" lang="fr"')
    assert str(french.questions[0].text) in questions[:questions.index("</ul>")]
