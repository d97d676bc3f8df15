"""Arrows and breadcrumb separators point the way the page reads (issue 15): on Arabic pages
the analysis bar showed "›" after "البرنامج" and the breadcrumbs "›" too, the glyph "‹"
being turned back by Chromium's bidi and shaping, so the separator is drawn by CSS, its
direction the page's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# the drawn chevron (two borders of a square) turned to point right, or left
RIGHT = "matrix(0.707107, 0.707107, -0.707107, 0.707107, 0, 0)"  # rotate(45deg)
LEFT = "matrix(-0.707107, -0.707107, 0.707107, -0.707107, 0, 0)"  # rotate(-135deg)


def chevrons(page, selector: str) -> list[str]:
    return page.evaluate(
        "s => [...document.querySelectorAll(s)].map(e => { const b = getComputedStyle(e, "
        "'::before'); return b.content === 'none' ? 'none' : b.transform })", selector)


@pytest.mark.parametrize(("language", "way"), [("ar", LEFT), ("en", RIGHT), ("fr", RIGHT)])
def test_the_separators_point_the_way_the_page_reads(page, live_server, world, language,
                                                     way):
    base = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    log_in(page, base, "coordinator")
    page.goto(f"{base}/analysis/e/{world.engagement.slug}/")
    expect(page.locator(".subnav .sep")).to_have_count(1)
    assert chevrons(page, ".subnav .sep") == [way]
    page.goto(f"{base}/s/{world.session.uuid}/")
    assert chevrons(page, ".crumbs .sep") == [way]
    # the glyph stays in the text, unseen: the chevron alone shows
    assert page.evaluate("getComputedStyle(document.querySelector('.crumbs .sep')).fontSize") \
        == "0px"
