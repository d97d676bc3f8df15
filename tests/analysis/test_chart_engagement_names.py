"""Charts name an engagement in the reader's language, as the crumbs do (issue 15): the
Arabic profile chart read "Djibouti — état initial 2026" under the crumb "جيبوتي — خط الأساس
2026"."""
from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.orgs.models import Engagement

ARABIC = "كينيا — خط الأساس 2026"
SWAHILI = "Kenya — tathmini ya msingi 2026"


@pytest.fixture
def named(analysed):
    Engagement.objects.filter(pk=analysed.engagement.pk).update(
        names={"ar": ARABIC, "sw": SWAHILI})
    analysed.engagement.refresh_from_db()
    return analysed


@pytest.mark.parametrize(("language", "name"), [("ar", ARABIC), ("sw", SWAHILI)])
def test_the_profile_chart_names_the_round_in_the_readers_language(named, client, language,
                                                                   name):
    client.force_login(named.coordinator)
    client.cookies["django_language"] = language
    url = reverse("analysis-organisation", args=[named.ministry.uuid])
    svg = client.get(url + f"download/profile.svg?round={named.engagement.id}").content.decode()
    assert name in svg and "Kenya — baseline 2026" not in svg

