"""The "my independent rating" and "participants' votes" pages speak their reader's
language as the session's capture pages do (issue 15): a French reader of an English (Kenya)
session read "1. Using systems thinking…", an Arabic reader of a French (Djibouti) one read
the French titles, and the confidence read "Élevé" / "مرتفع" where the capture page and the
XLSForm say "Élevée" / "مرتفعة"."""

from __future__ import annotations

import html
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from govcap import labels
from govcap.assessments.texts import instrument_in
from govcap.scale import SECTION_KEYS

FIRST = SECTION_KEYS[0]


@pytest.fixture
def french_session(consented):
    w = consented
    w.session.language = "fr"
    w.session.save(update_fields=["language"])
    return w


def read(client, user, url: str, language: str) -> str:
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def title_in(session, language: str) -> str:
    section = instrument_in(session.instrument, language).section(FIRST)
    return f"{section.number}. {section.title}"


@pytest.mark.parametrize("page", ["analysis-my-rating", "analysis-votes"])
@pytest.mark.parametrize("reader", ["ar", "en"])
def test_the_section_titles_are_the_readers(client, french_session, page, reader) -> None:
    w = french_session
    shown = read(client, w.facilitator, reverse(page, args=[w.session.uuid]), reader)
    expected = title_in(w.session, reader)
    assert expected != title_in(w.session, "fr")  # the instrument has the reader's layer
    direction = "rtl" if reader == "ar" else "ltr"
    # isolated whole in its language, the number in front ("1. …", not "… .1")
    assert f'<bdi lang="{reader}" dir="{direction}">{html.escape(expected)}</bdi>' in shown, \
        re.findall(r"<bdi[^>]*>1\. [^<]*</bdi>", shown)
    assert html.escape(title_in(w.session, "fr")) not in shown


@pytest.mark.parametrize("reader", ["ar", "fr"])
def test_my_confidence_is_said_as_the_capture_page_says_it(client, french_session,
                                                          reader) -> None:
    w = french_session
    mine = read(client, w.facilitator, reverse("analysis-my-rating", args=[w.session.uuid]),
                reader)
    select = mine.split(f'id="{FIRST}-confidence"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]*)</option>', select)
    with translation.override(reader):
        words = [(key, str(label)) for key, label in labels.confidence_choices()]
    assert options == words
    capture = read(client, w.facilitator, reverse("section", args=[w.session.uuid, FIRST]),
                   reader)
    for key, word in words:  # the section page's radio buttons, word for word
        assert re.search(rf'name="confidence" value="{key}"[^>]*> {re.escape(word)}</label>',
                         capture), word
    high = dict(options)["high"]
    assert high == {"ar": "مرتفعة", "fr": "Élevée"}[reader]  # agreeing with "confidence"


def test_the_level_saved_meanwhile_is_said_in_the_readers_words(client, french_session) -> None:
    """"Saved meanwhile:" named the level by its key ("high") where the radio buttons above
    it say "Élevé"."""
    w = french_session
    client.force_login(w.facilitator)
    client.cookies["django_language"] = "fr"
    url = reverse("analysis-my-rating", args=[w.session.uuid])
    for level in ("moderate", "high"):  # the second from a page loaded before the first
        stale = client.post(url, {"page_op": str(uuid.uuid4()), f"{FIRST}-level": level,
                                  f"{FIRST}-level-rev": "0"})
    shown = stale.content.decode()
    assert stale.status_code == 409
    with translation.override("fr"):
        moderate = labels.level_label("moderate")
    said = re.search(r'<p class="conflict">([^<]*)</p>', shown).group(1)
    assert said.endswith(f" {html.escape(moderate)}") and "moderate" not in said, said
