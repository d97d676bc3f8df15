"""The plan page says what evidence changed since a version was generated (issue 14, plan
freshness), not only that something did: a stored draft keeps the evidence it was made
from, and a coordinator reading "Sessions were validated, or settings or edits changed"
could not tell whether regenerating mattered. A draft now says "The evidence changed since
this draft was generated on …: 1 session validated, 1 quote made shareable. Regenerate to
include it."; an approved version says it is the approved snapshot, what changed since, and
stays as it was approved."""

from __future__ import annotations

import datetime as dt
import html as entities
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govcap.assessments import sharing
from govcap.assessments.models import Quote, Rating
from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from tests.planning.test_plan_models import validated


def _said(client, world) -> str:
    client.force_login(world.coordinator)
    html = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    found = re.search(r'<p class="stale">(.*?)</p>', html, re.S)
    return " ".join(entities.unescape(found.group(1)).split()) if found else ""


def _ministry_session(world):
    ensure_default_catalogue()
    session = validated(world, world.ministry, dt.date(2026, 3, 1),
                        {"enterprise-architecture": "basic", "change-management": "basic"},
                        notes="Systems are bought one by one.")
    quote = Quote.objects.create(session=session, section_key="enterprise-architecture",
                                 text="Every directorate buys its own system.")
    return session, quote


def test_a_draft_says_which_evidence_changed_and_offers_to_regenerate(client, world):
    session, quote = _ministry_session(world)
    draft = services.generate(world.engagement, world.coordinator)
    assert _said(client, world) == ""  # fresh
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    sharing.share(world.coordinator, session, f"quote:{quote.uuid}",
                  "Every directorate buys its own system.")
    said = _said(client, world)
    assert said.startswith("The evidence changed since this draft was generated on ")
    assert said.endswith(": 1 session validated, 1 quote made shareable. Regenerate to "
                         "include it.")
    client.force_login(world.coordinator)
    html = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    assert ">Regenerate</button>" in html
    # regenerating includes it: the page says nothing more
    assert services.generate(world.engagement, world.coordinator).version == draft.version + 1
    assert _said(client, world) == ""


def test_a_level_and_a_note_marked_shareable_are_counted(client, world):
    session, _ = _ministry_session(world)
    services.generate(world.engagement, world.coordinator)
    rating = Rating.objects.get(session=session, rater=None, section_key="change-management")
    rating.level = "moderate"
    rating.save()
    notes = Rating.objects.get(session=session, rater=None,
                               section_key="enterprise-architecture")
    sharing.share(world.coordinator, session, f"notes:{notes.uuid}", "Systems are bought.")
    assert _said(client, world).endswith(
        ": 1 level or confidence changed, 1 section's shareable notes changed. Regenerate "
        "to include it.")


def test_an_approved_version_is_the_snapshot_and_says_what_changed_since(client, world):
    session, quote = _ministry_session(world)
    plan = services.approve(services.generate(world.engagement, world.coordinator),
                            world.coordinator)
    stored = plan.data_json
    assert _said(client, world) == ""
    sharing.share(world.coordinator, session, f"quote:{quote.uuid}",
                  "Every directorate buys its own system.")
    said = _said(client, world)
    assert said.startswith("This is the approved snapshot of ")
    assert said.endswith("; it stays as it was approved. Since then: 1 quote made shareable. "
                         "Make a new draft from it to include them.")
    plan.refresh_from_db()
    assert plan.data_json == stored  # left as approved


def test_saying_what_changed_costs_the_page_no_query(client, world):
    """The inputs were already read to tell whether the version is out of date: comparing
    them item by item reads nothing more."""
    session, quote = _ministry_session(world)
    services.generate(world.engagement, world.coordinator)
    sharing.share(world.coordinator, session, f"quote:{quote.uuid}", "Every directorate.")
    plan = services.latest_plan(world.engagement)
    services.freshness(plan)  # (caches warm, as on a second page load)
    with CaptureQueriesContext(connection) as changed:
        services.freshness(plan)
    with CaptureQueriesContext(connection) as flag:
        services.inputs_changed(plan)
    assert len(changed) == len(flag)
