"""The interface language is kept with the account (issue 15): a facilitator who chose
French got English again at the next login, the choice living only in a cookie that ended
with the browser session."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from govcap.accounts.models import Preferences

PASSWORD = "pw-for-tests-1"  # tests/conftest.py make_user


def logged_in(username: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def test_french_chosen_once_opens_the_next_login_in_french_in_a_fresh_browser(world):
    first = logged_in("facilitator")
    chosen = first.post("/i18n/setlang/", {"language": "fr", "next": "/account/"})
    assert chosen.status_code == 302
    cookie = chosen.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr" and int(cookie["max-age"]) >= 365 * 24 * 3600 - 1  # not a session cookie
    first.post("/logout/")

    fresh = Client()  # another browser: no language cookie, an English Accept-Language
    login = fresh.post("/login/", {"username": "facilitator", "password": PASSWORD},
                       HTTP_ACCEPT_LANGUAGE="en")
    assert login.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    page = fresh.get("/account/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr"' in page and "Votre compte" in page
    assert '<option value="fr" lang="fr" selected>' in page  # the account page shows it


def test_the_account_page_changes_the_language_and_someone_elses_stays_theirs(world):
    client = logged_in("coordinator")
    client.post("/i18n/setlang/", {"language": "fr", "next": "/account/"})
    client.post("/i18n/setlang/", {"language": "sw", "next": "/account/"})
    assert Preferences.objects.get(user=world.coordinator).language == "sw"
    assert not Preferences.objects.filter(user=world.facilitator).exists()
    # a language the interface does not offer is not kept
    client.post("/i18n/setlang/", {"language": "xx", "next": "/account/"})
    assert Preferences.objects.get(user=world.coordinator).language == "sw"


def test_choosing_while_logged_out_keeps_nothing(world):
    Client().post("/i18n/setlang/", {"language": "fr", "next": "/login/"})
    assert not Preferences.objects.exists()


def test_a_language_no_longer_offered_falls_back_to_the_browsers(world, settings):
    Preferences.objects.create(user=world.facilitator, language="sw")
    # Swahili's catalogue fell below GOVCAP_LANGUAGE_MIN_TRANSLATED: no longer offered
    settings.LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "sw"]
    client = Client()
    login = client.post("/login/", {"username": "facilitator", "password": PASSWORD},
                        HTTP_ACCEPT_LANGUAGE="fr")
    assert login.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in login.cookies
    page = client.get("/account/", HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="fr"' in html
    assert "Kiswahili" in html  # the account page says the choice is no longer offered
    assert Preferences.objects.get(user=world.facilitator).language == "sw"  # back if offered again
