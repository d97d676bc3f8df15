"""The plan page's Action table gives each course's technical assistance in the reader's
language, as the documents do (issue 14): a Swahili reader of Kenya's plan read the
catalogue's English follow-up there while the PDF had it in Swahili."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from govcap.planning.catalogues import ensure_default_catalogue
from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def assistance_cells(client, world, language: str) -> list[str]:
    client.force_login(world.viewer)
    client.cookies["django_language"] = language
    page = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    rows = re.findall(r"<tr><td>.*?</tr>", page.split(
        '<th>' + {"en": "Technical assistance", "sw": "Msaada wa kiufundi"}[language]
        + "</th>", 1)[1].split("</table>", 1)[0])
    assert rows
    return [html.unescape(re.findall(r"<td><bdi>(.*?)</bdi></td>", row)[-1]) for row in rows]


def test_the_action_table_gives_technical_assistance_in_the_readers_language(
    client,
    planned,  # noqa: F811
):
    code = planned.plan.data["actions"][0]["module_code"]
    english = ensure_default_catalogue().parsed("en").by_code[code].follow_up
    swahili = ensure_default_catalogue().parsed("sw").by_code[code].follow_up
    assert english and swahili and english != swahili
    assert english in assistance_cells(client, planned, "en")
    cells = assistance_cells(client, planned, "sw")
    assert swahili in cells and english not in cells
