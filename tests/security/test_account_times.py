"""The account's pages name the zone of every time they print (a login "since 14:00" read
from Mogadishu or Paris is no time at all): "8 February 2027 14:00 EAT", as the delivery
pages print theirs."""

from __future__ import annotations

import datetime as dt

from django.test import Client, override_settings
from django.urls import reverse

from govcap.accounts import tokens
from govcap.accounts.models import ApiToken, LoginSession
from tests.security.helpers import client_for

NOON_UTC = dt.datetime(2027, 2, 8, 11, 0, tzinfo=dt.UTC)  # 14:00 in Nairobi


@override_settings(TIME_ZONE="Africa/Nairobi")
def test_where_you_are_logged_in_says_since_when_in_which_zone(world):
    client = Client()
    assert client.post("/login/", {"username": "viewer",
                                   "password": "pw-for-tests-1"}).status_code == 302
    LoginSession.objects.filter(user=world.viewer).update(created_at=NOON_UTC)
    page = client.get(reverse("account")).content.decode()
    assert "8 February 2027 14:00 EAT" in page


@override_settings(TIME_ZONE="UTC")
def test_a_tokens_last_use_names_its_zone_in_the_readers_language(world):
    new = tokens.create_token(world.facilitator, "Kobo sync")
    ApiToken.objects.filter(pk=new.token.pk).update(last_used_at=NOON_UTC)
    client = client_for(world.facilitator)
    assert "8 February 2027 11:00 UTC" in client.get(reverse("api-tokens")).content.decode()
    french = client.get(reverse("api-tokens"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "8 février 2027 11:00 UTC" in french


@override_settings(TIME_ZONE="Africa/Nairobi")
def test_when_consent_was_recorded_names_its_zone(consented):
    from govcap.assessments.models import Session

    Session.objects.filter(pk=consented.session.pk).update(consent_recorded_at=NOON_UTC)
    page = client_for(consented.facilitator).get(
        reverse("session-consent", kwargs={"uuid": consented.session.uuid})).content.decode()
    assert "Consent recorded on 8 February 2027 14:00 EAT." in page
