"""The plan page gives each organisation of a course, and each organisation's plan link,
on a line of its own (issue 15, fresh eyes): on the Arabic page French names joined by
"؛" wrapped mid-name and the halves landed at opposite ends of the cell, and the links
were joined by "·"."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def page(client, world, language: str) -> str:
    client.force_login(world.viewer)
    client.cookies["django_language"] = language
    return client.get(reverse("plan", args=[world.engagement.slug])).content.decode()


def test_each_organisation_of_a_course_is_an_item_of_its_own(client, planned):  # noqa: F811
    body = page(client, planned, "ar")
    table = re.search(r'<table class="cohorts">(.*?)</table>', body, re.S)
    assert table
    rows = re.findall(r'<tr id="course-\d+">(.*?)</tr>', table.group(1), re.S)
    assert rows
    shared = 0
    for row in rows:
        cell = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[3]
        assert "؛" not in cell and "," not in cell, cell
        items = re.findall(r"<li><bdi>[^<]+</bdi></li>", cell)
        assert items and len(items) == cell.count("<bdi>"), cell
        shared += len(items) > 1
    assert shared  # a course with two organisations shows two lines


def test_each_organisations_plan_link_is_an_item_of_its_own(client, planned):  # noqa: F811
    body = page(client, planned, "ar")
    links = re.search(r"لكل جهة:(.*?)</ul>", body, re.S)
    assert links, "the line of links"
    assert "·" not in links.group(1)
    items = re.findall(r"<li><a href=\"[^\"]+\"><bdi>[^<]+</bdi></a></li>", links.group(1))
    assert len(items) == len(planned.plan.data["organisations"]) == 2
