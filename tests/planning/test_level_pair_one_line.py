"""The gaps table keeps a level and its target on one line (issue 15, fresh eyes): the
"Level → target" column was so narrow in French and Arabic that the two badges stacked."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def test_the_level_and_its_target_do_not_wrap(client, planned):  # noqa: F811
    client.force_login(planned.viewer)
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("plan", args=[planned.engagement.slug])).content.decode()
    cells = re.findall(r'<td([^>]*)><span class="lv lv-[a-z-]+">[^<]+</span> \S+ <span', page)
    assert cells and all('class="nowrap' in attrs for attrs in cells), cells
    css = open("govcap/static/govcap/app.css", encoding="utf-8").read()
    assert ".nowrap{white-space:nowrap}" in css
