"""The country page's round comparison counts an organisation's level as the plan does:
from validated sessions only (issue 14). Kenya's showed ODPC (session submitted) at +1 and
eCitizen (in progress) unmarked, and its section table summed to 16 improved where the plan,
its PDF and the brief said 14."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from govcap.assessments.models import Rating, Session
from govcap.orgs.models import Engagement

pytestmark = pytest.mark.django_db


def _session(engagement, org, instrument, status: str, level: str) -> None:
    session = Session.objects.create(engagement=engagement, organisation=org,
                                     instrument=instrument, status=status)
    Rating.objects.create(session=session, section_key="change-management", level=level)


def _block(page: str, title: str) -> str:
    return page.split(html.escape(title), 1)[1].split("</table>", 1)[0]


def _cells(row: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]


def test_a_session_not_yet_validated_is_not_counted_and_is_marked(world, client) -> None:
    w = world
    Session.objects.filter(pk=w.session.pk).delete()
    follow_up = Engagement.objects.create(country=w.engagement.country, name="Kenya follow-up",
                                          round_number=1, instrument=w.instrument)
    follow_up.organisations.add(w.ministry, w.agency)
    for org in (w.ministry, w.agency):
        _session(w.engagement, org, w.instrument, "validated", "basic")
    _session(follow_up, w.ministry, w.instrument, "validated", "moderate")  # +1, settled
    _session(follow_up, w.agency, w.instrument, "submitted", "high")  # +2, not validated

    client.force_login(w.admin)
    page = client.get(reverse("analysis-country", args=["KE"])).content.decode()
    paired = _block(page, "The same organisations")
    row = next(_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", paired, re.S)
               if "sustain change" in r)  # change-management
    assert row[1:4] == ["1", "0", "0"], row  # improved, declined, unchanged: the ministry only
    assert "not validated yet is not counted here" in html.unescape(page)
    per_org = _block(page, "Change per organisation")
    assert f"{w.agency.name} (provisional)" in html.unescape(per_org)
    assert f"{w.ministry.name} (provisional)" not in html.unescape(per_org)
