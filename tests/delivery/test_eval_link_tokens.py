"""An evaluation link's token is never stored: only its SHA-256, by which the link is found.
The trainer can still show the QR code while the link is open (the server recomputes the
token), also after the server's key is rotated; a copy of the database opens no form."""

from __future__ import annotations

import hashlib

from django.db import connection
from django.test import Client
from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery.models import EvaluationLink, Reaction
from tests.security.helpers import client_for


def _stored_rows() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {EvaluationLink._meta.db_table}")
        return repr(cursor.fetchall())


def test_only_the_tokens_hash_is_stored_and_the_link_is_found_by_it(course):
    link = ev.open_link(course.coordinator, course.delivery, 1)
    token = link.token
    assert len(token) >= 22
    assert token not in _stored_rows()
    assert hashlib.sha256(token.encode()).hexdigest() in _stored_rows()
    assert ev.link_for(token) == link
    assert ev.link_for(hashlib.sha256(token.encode()).hexdigest()) is None  # the hash opens nothing
    phone = Client()
    assert phone.post(reverse("evaluation-answer", args=[token]),
                      {"code": "T1", "relevance": "4"}).status_code == 302
    assert Reaction.objects.get().link == link


def test_the_trainer_shows_the_qr_code_again_while_the_link_is_open(course, settings):
    opened = client_for(course.coordinator).post(
        reverse("evaluation-link-open", args=[course.delivery.uuid]),
        {"form": "reaction", "hours": "2"})
    link = EvaluationLink.objects.get()
    token = link.token
    # the provider's trainer, on the projector's computer: another user, another session
    again = client_for(course.provider).get(opened["Location"]).content.decode()
    assert f"/q/{token}/" in again and "<svg" in again
    # the server's key rotated, the old one kept as a fallback: the same address
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-key-" * 5, [old_key]
    assert f"/q/{token}/" in client_for(course.provider).get(opened["Location"]).content.decode()
    # the old key retired: phones still answer, the page says to open a new link
    settings.SECRET_KEY_FALLBACKS = []
    page = client_for(course.provider).get(opened["Location"]).content.decode()
    assert token not in page and "open a new link" in page
    assert Client().get(reverse("evaluation-answer", args=[token])).status_code == 200
    # closed (the old key back): nothing to show
    settings.SECRET_KEY_FALLBACKS = [old_key]
    ev.close_link(course.coordinator, link)
    page = client_for(course.provider).get(opened["Location"]).content.decode()
    assert token not in page and "closed" in page
