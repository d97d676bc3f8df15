"""A plan is costed with its country's rate card in effect on the plan's date (issue 14):
Kenya's baseline plan, dated 30 April 2025, was costed with "rate card KE 2026.1
(effective 1 January 2026)", an edition not in effect until eight months later."""

from __future__ import annotations

import pytest

from govcap.planning.core.ratecard import country_rate_card
from govcap.planning.models import Plan
from tests.demo.helpers import demo_data


def test_each_date_takes_the_edition_in_effect_then() -> None:
    spring_2025, winter_2026 = (country_rate_card("KE", "2025-04-30"),
                                country_rate_card("KE", "2026-12-05"))
    assert spring_2025 is not None and winter_2026 is not None
    assert (spring_2025.version, spring_2025.effective_from) == ("2025.1", "2025-01-01")
    assert (winter_2026.version, winter_2026.effective_from) == ("2026.1", "2026-01-01")


@pytest.mark.django_db
def test_the_demos_kenya_baseline_is_costed_with_the_2025_edition() -> None:
    demo_data()
    plans = {p.engagement.slug: p for p in Plan.objects.filter(
        status=Plan.Status.APPROVED).select_related("engagement")}
    baseline = plans["kenya-baseline-2025"].data
    assert baseline["settings"]["constraints"]["plan_date"] == "2025-04-30"
    assert baseline["budget"]["rate_card"] == "KE 2025.1"
    for slug in ("somalia-baseline-2026", "djibouti-baseline-2026"):
        assert plans[slug].data["budget"]["rate_card"].endswith(" 2026.1")
