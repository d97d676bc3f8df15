"""The approve screen says what evidence changed since the version was generated, as the
plan page does (issue 14, fresh eyes 14): it still said only "Sessions were validated, or
settings or edits changed", so a coordinator about to approve could not tell whether
regenerating mattered."""

from __future__ import annotations

import datetime as dt
import html as entities

from django.urls import reverse

from govcap.assessments import sharing
from govcap.planning import services
from tests.planning.test_plan_models import validated
from tests.planning.test_plan_page_evidence_changed import _ministry_session as ministry_session


def test_the_approve_screen_lists_what_changed(client, world):
    session, quote = ministry_session(world)
    draft = services.generate(world.engagement, world.coordinator)
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    sharing.share(world.coordinator, session, f"quote:{quote.uuid}",
                  "Every directorate buys its own system.")
    client.force_login(world.coordinator)
    page = client.get(reverse("plan-approve", args=[world.engagement.slug, draft.version]))
    said = " ".join(entities.unescape(page.content.decode()).split())
    assert ("The evidence changed since this version was generated: 1 session validated, "
            "1 quote made shareable. Approving it leaves that out. Regenerate first to "
            "include it.") in said
    assert "Sessions were validated, or settings or edits changed" not in said
