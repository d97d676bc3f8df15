"""The save-status line of a session's page is told when the page reports a form refused
(issue 15), so it does not say "All changes saved." beside "Nothing recorded…"."""

from __future__ import annotations

import uuid

from django.urls import reverse

from tests.security.helpers import client_for


def status_bar(html: str) -> str:
    return html.split('id="status-bar"', 1)[1].split(">", 1)[0]


def test_the_consent_form_sent_unticked_marks_the_page_refused(world):
    client = client_for(world.facilitator)
    client.cookies["django_language"] = "en"
    url = reverse("session-consent", args=[world.session.uuid])
    assert 'data-refused' not in status_bar(client.get(url).content.decode())
    refused = client.post(url, {"form": "consent", "consent_note": ""}, follow=True)
    html = refused.content.decode()
    assert "Nothing recorded" in html
    assert 'data-refused="1"' in status_bar(html)
    recorded = client.post(url, {"form": "consent", "consent_given": "on", "consent_note": ""},
                           follow=True).content.decode()
    assert "Consent recorded." in recorded and "data-refused" not in status_bar(recorded)


def test_an_empty_quote_refused_without_javascript_marks_the_page_refused(consented):
    from govcap.scale import SECTION_KEYS

    client = client_for(consented.facilitator)
    client.cookies["django_language"] = "en"
    url = reverse("section", args=[consented.session.uuid, SECTION_KEYS[0]])
    page = client.post(url, {"page_op": str(uuid.uuid4()), "add_quote": "", "quote_text": ""},
                       follow=True)
    html = page.content.decode()
    assert "Type the quote before adding it." in html
    assert 'data-refused="1"' in status_bar(html)
