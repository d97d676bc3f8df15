"""The programme page's rows name the country in the reader's language (issue 15): the
Arabic rows read "Djibouti — خط الأساس (2026)", the country untranslated, at the wrong end."""
from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from govcap.orgs.names import country_name
from tests.analysis.test_chart_engagement_names import named  # noqa: F401, F811 (a fixture)


def test_the_arabic_programme_rows_name_the_country_in_arabic(named, client):  # noqa: F811
    client.force_login(named.coordinator)
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("analysis-programme")).content.decode()
    with translation.override("ar"):
        kenya = country_name("KE", "Kenya")
    assert kenya != "Kenya"
    assert f"\u2068{kenya}\u2069 — " in html
    assert "Kenya — " not in html
