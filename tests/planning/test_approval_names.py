"""The approval page names the needs an edit left out as the plan page does: the
organisation and the course by its title, never a bare module code."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.edits import DropModule

from .test_plan_views import planned  # noqa: F401  (the fixture)


def test_the_needs_left_out_are_named_by_course_title(client, planned):  # noqa: F811
    need = next(n for n in planned.plan.data["needs"] if n["module_code"] == "EA-101")
    services.add_edit(planned.engagement, planned.coordinator,
                      DropModule("drop", need["org_id"], "EA-101"))
    client.force_login(planned.coordinator)
    plan = services.latest_plan(planned.engagement)
    page = client.get(reverse("plan-approve", args=[planned.engagement.slug, plan.version]))
    text = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    title = ensure_default_catalogue().parsed().by_code["EA-101"].title
    said = re.search(r"1 need was left out by an edit: ([^.]+)\.", text)
    assert said is not None, text
    assert said.group(1).endswith(f"— {title} (EA-101)"), said.group(1)


def test_every_engaged_organisation_left_out_is_named_with_how_far_it_got(
        client, planned):  # noqa: F811
    """Kenya's follow-up named ODPC (awaiting validation) and not the eCitizen Directorate,
    whose session was still in progress; an organisation with no session was not named
    either."""
    import datetime as dt

    from govcap.assessments.models import Session
    from govcap.orgs.models import Organisation

    kenya = planned.ministry.country
    waiting, running, none = (Organisation.objects.create(country=kenya, name=name)
                              for name in ("Data Office", "eCitizen Directorate", "Treasury"))
    planned.engagement.organisations.add(waiting, running, none)
    for org, status in ((waiting, Session.Status.SUBMITTED), (running, Session.Status.IN_PROGRESS)):
        Session.objects.create(engagement=planned.engagement, organisation=org,
                               instrument=planned.instrument, scheduled_date=dt.date(2026, 4, 1),
                               status=status)
    client.force_login(planned.coordinator)
    page = client.get(reverse("plan-approve", args=[planned.engagement.slug, 1]))
    text = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split()))
    assert ("1 organisation's session is awaiting your validation and is not in this plan: "
            "Data Office.") in text
    assert ("1 organisation's session is not finished yet and is not in this plan: "
            "eCitizen Directorate.") in text
    assert ("1 organisation of the engagement has no session yet and is not in this plan: "
            "Treasury.") in text
