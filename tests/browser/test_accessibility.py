"""axe-core (vendored, served by govcap itself so the strict CSP holds) on every main page,
in English and in Arabic (right to left): no serious or critical violation. And the colour
pairs of app.css, including states axe does not meet on these pages, pass WCAG AA."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from govcap.assessments.models import Quote
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

AXE = "/static/vendor/axe-core/axe.min.js"
BLOCKING = ("serious", "critical")


def violations(page: Page, base: str) -> list[str]:
    page.add_script_tag(url=base + AXE)
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    return [f"{v['impact']} {v['id']}: {v['help']} — {v['nodes']}" for v in found
            if v["impact"] in BLOCKING]


def main_pages(world) -> dict[str, str]:
    s = world.session.uuid
    return {
        "home": "/",
        "engagement": f"/e/{world.engagement.slug}/",
        "session overview": f"/s/{s}/",
        "guide": f"/s/{s}/guide/",
        "consent": f"/s/{s}/consent/",
        "section": f"/s/{s}/section/{SECTION_KEYS[0]}/",
        "summary": f"/s/{s}/summary/",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_main_page_passes_axe(page, live_server, consented, language):
    base = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page.goto(base + "/login/")
    problems = {"login": violations(page, base)}
    log_in(page, base, "coordinator")
    Quote.objects.create(session=consented.session, section_key=SECTION_KEYS[0],
                         text="We see our own system, never the whole ecosystem.")
    for name, path in main_pages(consented).items():
        page.goto(base + path)
        assert page.locator("html").get_attribute("lang") == language
        problems[name] = violations(page, base)
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_main_page_fits_a_360_px_phone(browser, live_server, consented, language):
    """Reflow (WCAG 1.4.10): no sideways scrolling of the page; a wide data table scrolls
    inside its card. And axe again at this width."""
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    try:
        log_in(page, base, "coordinator")
        wide, problems = {}, {}
        for name, path in main_pages(consented).items():
            page.goto(base + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                wide[name] = width
            problems[name] = violations(page, base)  # e.g. a scrolling card must be reachable
        assert wide == {}
        assert {name: found for name, found in problems.items() if found} == {}
    finally:
        context.close()


APP_CSS = Path(__file__).resolve().parents[2] / "govcap" / "static" / "govcap" / "app.css"
# (text, background, minimum ratio): text 4.5:1; borders that show a control 3:1 (WCAG 1.4.11)
PAIRS = [
    ("--ink", "--bg", 4.5), ("--ink", "#fff", 4.5), ("--muted", "#fff", 4.5),
    ("--muted", "--bg", 4.5), ("--muted", "#eef1f5", 4.5), ("--brand", "#fff", 4.5),
    ("--brand", "--bg", 4.5), ("--brand", "#e6f2ea", 4.5), ("--brand", "#e8eef6", 4.5),
    ("--brand-ink", "--brand", 4.5), ("--ok", "#fff", 4.5), ("--warn", "#fff", 4.5),
    ("--warn", "#fff8e8", 4.5), ("--err", "#fff", 4.5), ("--err", "#fff7f7", 4.5),
    ("--ink", "#fbf0dc", 4.5), ("--ink", "#f9e6e8", 4.5), ("--ink", "#e6f2ea", 4.5),
    ("#000", "--basic", 4.5), ("#000", "--moderate", 4.5), ("#fff", "--high", 4.5),
    ("--focus", "--brand", 3), ("--ink", "--focus", 3), ("#8a8f98", "#fff", 3),
]


def luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_colours_of_the_stylesheet_pass_wcag_aa_contrast():
    variables = dict(re.findall(r"(--[a-z-]+):(#[0-9a-fA-F]{3,6})", APP_CSS.read_text()))
    failing = []
    for text, background, minimum in PAIRS:
        a, b = variables.get(text, text), variables.get(background, background)
        if contrast(a, b) < minimum:
            failing.append(f"{text} on {background}: {contrast(a, b):.2f} < {minimum}")
    assert failing == []
