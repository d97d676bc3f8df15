"""An assessment round named one way, grammatical in each language
(govcap.orgs.names.round_name): French read "Suivi 1 2026", one number run into another."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from govcap.analysis.labels import round_label
from govcap.orgs.models import Engagement
from govcap.orgs.names import round_name


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Follow-up 1 (2026)"), ("fr", "Suivi 1 (2026)"), ("sw", "Ufuatiliaji 1 (2026)"),
])
def test_a_round_and_its_year_are_kept_apart(language, expected):
    later = Engagement(round_number=1, start_date=dt.date(2026, 1, 26))
    with translation.override(language):
        assert round_label(later) == expected
        assert round_name(1, 2026) == expected
        assert later.round_label == expected.split(" (")[0]  # without a year, the round


def test_the_baseline_with_and_without_its_year():
    with translation.override("fr"):
        assert round_name(0) == "État initial"
        assert round_label(Engagement(round_number=0, start_date=dt.date(2025, 2, 10))) == (
            "État initial (2025)")
        assert round_label(Engagement(round_number=0)) == "État initial"


def test_the_programme_filter_names_rounds_as_the_pages_do(client, world):
    from django.urls import reverse

    Engagement.objects.filter(pk=world.other_engagement.pk).update(round_number=1)
    client.force_login(world.admin)
    client.cookies["django_language"] = "fr"
    html = client.get(reverse("analysis-programme")).content.decode()
    assert ">État initial</option>" in html and ">Suivi 1</option>" in html
