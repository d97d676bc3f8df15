"""axe-core on every analysis page, in English and in Arabic (right to left): no serious or
critical violation; and at 360 px the page itself does not scroll sideways (charts and wide
tables scroll inside their card)."""

from __future__ import annotations

import uuid

import pytest

from govcap.analysis import coding
from govcap.analysis.models import Code, VoteTally
from govcap.assessments.models import Rating, Session
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def analysis_pages(world) -> dict[str, str]:
    Session.objects.filter(pk=world.session.pk).update(consent_given=True, status="in_progress")
    rating = Rating.objects.create(session=world.session, section_key="change-management",
                                   level="basic", notes="The budget was cut; vendors decide.")
    for rater, level in ((world.facilitator, "basic"), (world.coordinator, "moderate")):
        Rating.objects.create(session=world.session, section_key="change-management",
                              rater=rater, level=level)
    VoteTally.objects.create(session=world.session, section_key="change-management", basic=3,
                             moderate=1, high=2, revision=1)
    coding.ensure_codebook(world.engagement)
    funding = Code.objects.get(codebook__engagement=world.engagement, name="Funding")
    coding.code_span(world.coordinator, world.session, coding.SpanInput(
        uuid.uuid4(), "notes", str(rating.uuid), "budget was cut", [str(funding.uuid)]))
    coding.suggest(world.coordinator, [world.session])
    e, s = world.engagement.slug, world.session.uuid
    return {
        "programme": "/analysis/",
        "country": "/analysis/country/KE/",
        "engagement": f"/analysis/e/{e}/",
        "organisation": f"/analysis/o/{world.ministry.uuid}/",
        "agreement": f"/analysis/e/{e}/agreement/",
        "votes": f"/analysis/e/{e}/votes/",
        "my rating": f"/analysis/s/{s}/my-rating/",
        "vote entry": f"/analysis/s/{s}/votes/",
        "coding": f"/analysis/s/{s}/coding/",
        "codebook": f"/analysis/e/{e}/codebook/",
        "themes": f"/analysis/themes/?engagement={e}",
        "code": f"/analysis/codes/{funding.uuid}/",
        "search": "/analysis/search/?q=budget",
    }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_analysis_page_passes_axe(page, live_server, world, language):
    base = live_server.url
    pages = analysis_pages(world)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    log_in(page, base, "coordinator")
    problems = {}
    for name, path in pages.items():
        page.goto(base + path)
        problems[name] = violations(page, base)
    assert {name: found for name, found in problems.items() if found} == {}


def test_analysis_pages_fit_a_360_px_phone(browser, live_server, world):
    base = live_server.url
    pages = analysis_pages(world)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        log_in(page, base, "coordinator")
        wide = {}
        for name, path in pages.items():
            page.goto(base + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                wide[name] = width
        assert wide == {}
    finally:
        context.close()
