"""The plan page gives the plan's period as its documents do (core.period.plan_period): from
the first to the last month a course starts, not the months the schedule searched."""

from __future__ import annotations

from django.urls import reverse

from govcap.planning import wording
from govcap.planning.core.period import plan_period

from .test_plan_page_path import text_of
from .test_plan_views import planned  # noqa: F401  (the fixture)


def test_the_page_says_the_documents_period(client, planned) -> None:  # noqa: F811
    data = planned.plan.plan_data()
    months = sorted(c.month for c in data.cohorts if c.month and c.status == "scheduled")
    period = plan_period(data)
    assert (period.first, period.last) == (months[0], months[-1])
    assert data.months[-1] != months[-1]  # the horizon runs on past the last course
    client.force_login(planned.coordinator)
    shown = " ".join(text_of(client.get(reverse("plan", args=[planned.engagement.slug]))
                             .content.decode()).split())
    said = (f"From {wording.month_label(months[0])} to {wording.month_label(months[-1])}.")
    assert said in shown, shown[:1500]
    if period.reassess_last:
        assert "Reassessment: " in shown
    org = data.organisations[0]
    own = plan_period(data, org.org_id)
    shown = " ".join(text_of(client.get(reverse(
        "plan-organisation", args=[planned.engagement.slug, org.org_id])).content.decode()).split())
    assert (f"From {wording.month_label(own.first)} to {wording.month_label(own.last)}."
            in shown)
