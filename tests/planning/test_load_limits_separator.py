"""The plan page's training-load table gives each organisation's limits with the list
separator of the page's language (issue 15): an Arabic page read "5 / 12, 4"."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def limits(client, world, language: str) -> list[str]:
    client.force_login(world.viewer)
    client.cookies["django_language"] = language
    page = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    table = re.search(r'<table class="load">(.*?)</table>', page, re.S)
    assert table
    cells = re.findall(r'<td class="nowrap">(.*?)</td>', table.group(1))
    return [re.sub(r"<[^>]+>", "", cell) for cell in cells]


def test_an_arabic_page_separates_the_limits_with_the_arabic_comma(client, planned):  # noqa: F811
    arabic = limits(client, planned, "ar")
    assert arabic and all(re.fullmatch(r"\d+ / \d+، \d+", cell) for cell in arabic), arabic
    english = limits(client, planned, "en")
    assert english and all(re.fullmatch(r"\d+ / \d+, \d+", cell) for cell in english), english
