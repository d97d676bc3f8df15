"""The plan page's notice of evidence changed since the draft was generated (issue 14,
freshness), seen in a browser: visible above the plan beside Regenerate, and axe-clean."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from govcap.assessments import sharing
from govcap.assessments.models import Quote
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import generate
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import violations
from tests.planning.test_plan_models import validated


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_notice_says_what_changed_beside_regenerate(page, live_server, world):
    ensure_default_catalogue()
    session = validated(world, world.ministry, dt.date(2026, 3, 1),
                        {"enterprise-architecture": "basic"})
    quote = Quote.objects.create(session=session, section_key="enterprise-architecture",
                                 text="Every directorate buys its own system.")
    generate(world.engagement, world.coordinator)
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    sharing.share(world.coordinator, session, f"quote:{quote.uuid}", quote.text)
    base = live_server.url
    log_in(page, base, world.coordinator.username)
    page.goto(f"{base}/plans/e/{world.engagement.slug}/")
    notice = page.locator("p.stale")
    assert notice.is_visible()
    assert "1 session validated, 1 quote made shareable. Regenerate to include it." in (
        notice.inner_text())
    assert page.get_by_role("button", name="Regenerate").is_visible()
    if os.environ.get("GOVCAP_SCREENSHOTS"):
        page.screenshot(path=os.environ["GOVCAP_SCREENSHOTS"] + "/plan-evidence-notice.png")
    assert violations(page, base) == []
