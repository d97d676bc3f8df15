"""One list separator for the organisations named on a plan page (issue 15, fresh eyes):
"Courses by month" and the action table joined one course's names with ", " and another's
with "; " (Arabic "،" beside "؛"), as each list's own names held a comma or not. Names hold
commas, so a page whose plan names one with a comma uses the semicolon everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from govcap.orgs.models import Organisation
from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from tests.planning.test_plan_models import validated

pytestmark = pytest.mark.django_db


def test_every_list_of_names_on_the_page_has_the_same_separator(client, world):
    ensure_default_catalogue()
    office = Organisation.objects.create(
        country=world.ministry.country, name="Office des Impôts, Djibouti", code="OI"
    )
    world.engagement.organisations.add(office)
    both = {"enterprise-architecture": "basic", "change-management": "basic"}
    validated(world, world.ministry, dt.date(2026, 3, 1), both)
    validated(world, world.agency, dt.date(2026, 3, 2), both)
    validated(world, office, dt.date(2026, 3, 3), {"policy-influence": "basic"})
    services.generate(world.engagement, world.coordinator)
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    names = "(?:ICT Authority|Ministry of ICT)"
    pair = re.findall(rf"<bdi>{names}</bdi>(.{{1,4}})<bdi>{names}</bdi>", page)
    assert pair, "no course shared by the two"
    assert set(pair) == {"; "}
