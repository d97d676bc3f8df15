"""The API's import errors are said in the request's language (Accept-Language), as the page
import says them (issue 15): a French client read "1 problem; nothing was imported." above
reasons in French, and "Not found" in English whatever it asked for."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from govcap.translations import pseudo


def post(client: Client, slug: str, data: bytes, language: str):
    return client.post(f"/api/engagements/{slug}/submissions",
                       {"file": SimpleUploadedFile("kobo.csv", data)},
                       HTTP_ACCEPT_LANGUAGE=language)


def test_a_refused_import_says_why_in_the_requests_language(world, bearer):
    client = bearer("coordinator")
    french = post(client, world.engagement.slug, b"a,b\n1,2\n", "fr")
    assert french.status_code == 422
    body = french.json()
    assert body["message"] == "1 problème\u00a0; rien n’a été importé\u00a0:"
    assert body["problems"][0]["message"].startswith("ce fichier n’est pas un export")
    english = post(client, world.engagement.slug, b"a,b\n1,2\n", "en").json()
    assert english["message"] == "1 problem; nothing was imported:"


def test_the_apis_refusals_go_through_the_translations(world, bearer, settings):
    """The pseudo-locale accents every message that went through gettext: none is left in
    English, however the import is refused (not found, not signed in)."""
    settings.GOVCAP_PSEUDO_LOCALES = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("en-xa", "Pseudo")]
    missing = post(bearer("coordinator"), "no-such-engagement", b"a\n", "en-xa")
    assert missing.status_code == 404
    assert missing.json()["message"] == pseudo("Not found (or not in your scope).")
    anonymous = post(Client(), world.engagement.slug, b"a\n", "en-xa")
    assert anonymous.status_code == 401
    assert anonymous.json()["message"] == pseudo(
        "Authentication required: send `Authorization: Bearer <token>`.")
    refused = post(bearer("facilitator"), world.engagement.slug, b"a\n", "fr")
    assert refused.status_code == 403
    assert refused.json()["message"] == (
        "Seuls les coordinateurs de la mission importent des soumissions.")
