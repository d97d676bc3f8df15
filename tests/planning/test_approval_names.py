"""The approval page names the needs an edit left out as the plan page does: the
organisation and the course by its title, never a bare module code."""

from __future__ import annotations

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
