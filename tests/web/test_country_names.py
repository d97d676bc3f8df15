"""Country and sector names in the reader's language (govcap.orgs.names): "لدى Somalia" and
an English sector on a French page were the stored English names shown as they are."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from govcap.orgs.names import COUNTRIES, country_name, sector_name
from govcap.translations import pseudo


def test_a_country_stored_with_its_english_name_goes_through_gettext():
    # en-xa shows whatever gettext gives, accented and bracketed
    assert country_name("SO", "Somalia", "en-xa") == pseudo("Somalia")
    assert country_name("tz", "Tanzania, United Republic of", "en-xa") == pseudo("Tanzania")
    with translation.override("en-xa"):
        assert country_name("KE", "kenya") == pseudo("Kenya")


def test_a_name_the_administrator_chose_is_shown_as_stored():
    assert country_name("XA", "Portfolio country 01", "en-xa") == "Portfolio country 01"
    assert country_name("KE", "Jamhuri ya Kenya", "en-xa") == "Jamhuri ya Kenya"
    assert country_name("SO", "Kenya", "en-xa") == "Kenya"  # not the name of its code


def test_every_country_of_the_table_has_a_two_letter_code():
    assert all(len(code) == 2 and code.isupper() for code in COUNTRIES)
    assert {"DJ", "KE", "SO", "ET", "SS", "SD", "UG", "ER"} <= set(COUNTRIES)


def test_known_sectors_are_translated_whatever_their_case_others_shown_as_stored():
    assert sector_name("Health", "en-xa") == pseudo("Health")
    assert sector_name("health ", "en-xa") == pseudo("Health")
    assert sector_name("Fisheries and blue economy", "en-xa") == "Fisheries and blue economy"


@pytest.fixture
def pseudo_reader(client, world, settings):
    settings.GOVCAP_PSEUDO_LOCALES = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("en-xa", "Pseudo")]
    client.force_login(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-xa"
    return client


def test_the_engagement_page_and_home_name_the_country_in_the_readers_language(
        pseudo_reader, world):
    world.ministry.sector = "Health"
    world.ministry.save()
    page = pseudo_reader.get(reverse("engagement", args=[world.engagement.slug])).content.decode()
    assert f'<span class="sep" aria-hidden="true" dir="ltr">›</span>\u200e <bdi>{pseudo("Kenya")}</bdi></p>' in page
    assert f"<td>{pseudo('Health')}</td>" in page
    home = pseudo_reader.get("/").content.decode()
    assert f"<td>{pseudo('Kenya')}</td>" in home


def test_str_of_a_country_is_its_local_name(world):
    with translation.override("en-xa"):
        assert str(world.engagement.country) == pseudo("Kenya")
    assert world.engagement.country.name == "Kenya"  # what is stored does not change
    assert settings.LANGUAGE_CODE == "en"
