"""Names inside the account pages' translated sentences are set apart (<bdi>, issue 15): on
an Arabic page "حساب admin-user" or a role's "— Kenya — baseline 2026 (Ministry of ICT)"
let the Latin name take the brackets and the punctuation beside it into its own direction."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from govcap.accounts.models import Role, RoleAssignment
from tests.security.helpers import client_for
from tests.security.test_accounts import invite


def test_the_account_page_sets_the_name_the_engagement_and_the_organisation_apart(world):
    RoleAssignment.objects.create(user=world.viewer, role=Role.VIEWER,
                                  engagement=world.other_engagement,
                                  organisation=world.somali_ministry)
    client = client_for(world.viewer)
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("account")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<bdi>viewer</bdi>" in html.split("</h1>")[0]
    assert "<bdi>Somalia — baseline 2026</bdi>" in html
    assert "(<bdi>Ministry of Communications</bdi>)" in html


def test_the_invitation_sets_the_invited_name_and_the_engagement_apart(world):
    raw = invite(world)
    url = reverse("invitation-accept", args=[raw])
    client = Client()
    client.cookies["django_language"] = "ar"
    html = client.get(url).content.decode()
    assert "<bdi>amina</bdi>" in html and "<bdi>Kenya — baseline 2026</bdi>" in html
    signed_in = client_for(world.viewer)
    signed_in.cookies["django_language"] = "ar"
    assert "<bdi>viewer</bdi>" in signed_in.get(url).content.decode()
