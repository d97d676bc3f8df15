"""The plan page punctuates as its language does: a French colon after a narrow no-break
space ("février 2027 : pas de formation"); on an Arabic page a course's organisations one
a line (joined by "، " they wrapped mid-name)."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from govcap.planning import services
from govcap.planning.models import PlanSettings
from tests.planning.test_plan_models import validated

from .test_plan_views import planned  # noqa: F401  (the fixture)

NNBSP = "\u202f"


def page_in(client, world, language: str) -> str:
    client.force_login(world.coordinator)
    client.cookies["django_language"] = language
    return client.get(reverse("plan", args=[world.engagement.slug])).content.decode()


def test_french_colons_and_arabic_lists_on_the_plan_page(client, planned) -> None:  # noqa: F811
    # months closed or shortened (the fiscal year-end), and a section nobody could rate
    PlanSettings.objects.filter(engagement=planned.engagement).update(
        fiscal_year_end_month=6, block_holidays=True)
    validated(planned, planned.agency, dt.date(2026, 3, 3),
              {"enterprise-architecture": "basic", "change-management": "not_assessed"})
    services.generate(planned.engagement, planned.coordinator)
    french = page_in(client, planned, "fr")
    blocked = re.findall(r'<ul class="notes"><li>([^<]+)', french)
    assert blocked and all(f"{NNBSP}: " in b for b in blocked), blocked
    unknown = re.search(r"<h4>[^<]+</h4>\s*<ul><li>(.+?)</li>", french)
    assert unknown and f"</bdi>{NNBSP}: <bdi>" in unknown.group(1), unknown
    arabic = page_in(client, planned, "ar")
    # a course's organisations: one isolated name a line, no comma of either script between
    members = re.findall(r'<td><ul class="names">(.*?)</ul></td>', arabic)
    shared = [m for m in members if m.count("<li><bdi>") > 1]
    assert shared and all(re.fullmatch(r"(<li><bdi>[^<]+</bdi></li>)+", m) for m in shared), \
        shared
