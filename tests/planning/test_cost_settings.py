"""An engagement's plan is costed with its country's rate card; the settings pin an edition
and the share of participants who travel."""

from __future__ import annotations

import pytest

from govcap.planning.models import PlanSettings
from govcap.planning.services import generate
from tests.planning.test_plan_views import planned, url  # noqa: F401 - the fixture


def test_the_plan_uses_the_country_card_and_cites_it(planned):  # noqa: F811
    budget = planned.plan.data["budget"]
    assert planned.engagement.country.code == "KE"
    assert budget["rate_card"] == "KE 2026.1" and budget["rate_card_city"] == "Nairobi"
    assert budget["total_cents"] == budget["subtotal_cents"] + budget["contingency_cents"]
    assert {"trainers", "coaching", "reassessment", "contingency"} <= set(budget["by_category"])


@pytest.mark.parametrize(("share", "travel"), [(0, False), (100, True)])
def test_the_travelling_share_is_a_setting(planned, share, travel):  # noqa: F811
    PlanSettings.objects.filter(engagement=planned.engagement).update(
        travelling_share_percent=share, rate_card_version="2026.1")
    plan = generate(planned.engagement, planned.coordinator)
    assert plan.version == 2  # a new setting makes a new version
    budget = plan.data["budget"]
    assert ("travel" in budget["by_category"]) is travel
    assert plan.data["settings"]["constraints"]["travelling_share_percent"] == share


def test_the_settings_page_refuses_an_edition_that_does_not_exist(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    page = client.get(url("plan-settings", planned)).content.decode()
    assert "Rate card edition" in page and "Participants travelling to the venue" in page
    settings = PlanSettings.objects.get(engagement=planned.engagement)
    form = {k: v for k, v in settings.as_dict().items()
            if v is not None and not isinstance(v, (dict, list))}
    form.update({"default_level": "moderate", "strategic_level": "high",
                 "catalogue": "", "rate_card_version": "1999.1",
                 "travelling_share_percent": 20})
    response = client.post(url("plan-settings", planned), form)
    assert response.status_code == 200
    assert "Kenya has no rate card edition 1999.1." in response.content.decode()


def test_the_plan_page_shows_the_cost_by_category(client, planned):  # noqa: F811
    client.force_login(planned.viewer)
    page = client.get(url("plan", planned)).content.decode()
    assert "By cost category" in page and "Costed with the rate card KE 2026.1" in page
    for words in ("Trainers", "Follow-up coaching", "Reassessment sessions", "Contingency"):
        assert words in page
    assert ">contingency<" not in page and ">reassessment<" not in page  # never the raw key


def test_refused_settings_say_so_at_the_top_with_a_link_to_each_field(client,
                                                                     planned):  # noqa: F811
    # a bad start month reloaded the page at its top with the error far down by the field:
    # nothing there said the settings were not saved
    import re

    client.force_login(planned.coordinator)
    settings = PlanSettings.objects.get(engagement=planned.engagement)
    form = {k: v for k, v in settings.as_dict().items()
            if v is not None and not isinstance(v, (dict, list))}
    form.update({"default_level": "moderate", "strategic_level": "high", "catalogue": "",
                 "start_month": "abc", "days_per_month": 0})
    page = client.post(url("plan-settings", planned), form).content.decode()
    summary = page.index('id="error-summary"')
    assert summary < page.index('<section class="card">')  # before the first field
    assert "Not saved: 2 fields need attention" in page
    links = re.findall(r'<li><a href="#([^"]+)">', page[summary:page.index("</div>", summary)])
    assert sorted(links) == ["id_days_per_month", "id_start_month"]
    for target in links:  # each link lands on its field
        assert f'id="{target}"' in page
    assert PlanSettings.objects.get(engagement=planned.engagement).start_month != "abc"
