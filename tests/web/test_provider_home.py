"""A training provider's staff (no engagement role) lands on a home page that names their
provider and leads to its deliveries, with no links to the assessment pages they cannot
use; everyone else's navigation is unchanged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.accounts.models import Role, RoleAssignment

pytestmark = pytest.mark.django_db

NO_ENGAGEMENTS = "You have no engagements yet"


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_providers_staff_sees_their_provider_and_a_link_to_its_deliveries(client, world):
    page = home(client, world.provider)
    assert ("You work for <bdi>Kenya School of Government</bdi>, a training provider in "
            "<bdi>Kenya</bdi>.") in page
    assert f'href="{reverse("deliveries")}"' in page
    assert "Your deliveries (0)" in page
    assert NO_ENGAGEMENTS not in page
    for name in ("analysis-programme", "jobs"):  # nothing for them there
        assert f'href="{reverse(name)}"' not in page
    assert ">Engagements</a>" not in page


def test_the_home_page_of_a_provider_in_french(client, world):
    client.force_login(world.provider)
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Kenya School of Government" in page and f'href="{reverse("deliveries")}"' in page


def test_a_provider_with_an_engagement_role_keeps_every_link(client, world):
    RoleAssignment.objects.create(user=world.provider, role=Role.VIEWER,
                                  engagement=world.engagement)
    page = home(client, world.provider)
    assert "Kenya School of Government" in page and "Kenya — baseline 2026" in page
    for name in ("home", "analysis-programme", "deliveries", "jobs"):
        assert f'href="{reverse(name)}"' in page


def test_others_see_no_provider_card_and_every_link(client, world, make_user):
    page = home(client, world.coordinator)
    assert 'id="provider"' not in page
    for name in ("analysis-programme", "deliveries", "jobs"):
        assert f'href="{reverse(name)}"' in page
    newcomer = make_user("newcomer")  # no role at all: told how roles are given, as before
    page = home(client, newcomer)
    assert NO_ENGAGEMENTS in page and 'id="provider"' not in page
    assert f'href="{reverse("analysis-programme")}"' in page


def test_the_demo_providers_home_counts_its_deliveries(client):
    from django.contrib.auth import get_user_model

    from govcap.delivery import access
    from tests.demo.helpers import demo_data

    demo_data()
    provider = get_user_model().objects.get(username="demo-provider-ke")
    [name] = [p.name for p in access.own_providers(provider)]
    page = home(client, provider)
    assert f"You work for <bdi>{name}</bdi>, a training provider in <bdi>Kenya</bdi>." in page
    assert f"Your deliveries ({access.deliveries(provider).count()})" in page
    assert "Your deliveries (0)" not in page and NO_ENGAGEMENTS not in page
