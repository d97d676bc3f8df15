"""Menus of names lay each name out in its own direction (issue 15, fresh eyes): on the
Arabic consent page the organisation menu cut a Latin name at its start ("…mation
Professionnelle"), laid out right to left. The menu and each of its names say dir="auto"."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.orgs.models import Organisation
from tests.security.helpers import client_for


def test_the_consent_pages_organisation_menu_lets_each_name_take_its_direction(consented):
    w = consented
    Organisation.objects.create(
        country=w.ministry.country, name="Institut de Formation Professionnelle"
    )
    client = client_for(w.facilitator)
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("session-consent", args=[w.session.uuid])).content.decode()
    menu = re.search(r'<select name="organisation"[^>]*>(.*?)</select>', page, re.S)
    assert menu and 'dir="auto"' in menu.group(0).split(">", 1)[0]
    option = re.search(
        r"<option[^>]*>Institut de Formation Professionnelle</option>", menu.group(1)
    )
    assert option and 'dir="auto"' in option.group(0)
