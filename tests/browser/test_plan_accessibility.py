"""axe-core on the plan page in its four parts (findings, courses, budget, edits) with every
course's edit forms open, and on one organisation's plan, in English and Arabic: no serious
or critical violation. The local nav's links reach each part without JavaScript's help."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import generate
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import violations
from tests.planning.test_plan_models import validated


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_plan_page_passes_axe_with_its_edit_forms_open(page, live_server, world, language):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    plan = generate(world.engagement, world.coordinator)
    base = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    log_in(page, base, world.coordinator.username)
    page.goto(f"{base}/plans/e/{world.engagement.slug}/")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    problems = {"plan": violations(page, base)}
    for part in ("findings", "cohorts", "budget", "edits"):
        page.click(f"nav.plan-parts a[href='#{part}']")
        assert page.evaluate("location.hash") == f"#{part}"
        assert page.locator(f"section#{part} h2").is_visible()
    org = plan.data["organisations"][0]["org_id"]
    page.goto(f"{base}/plans/e/{world.engagement.slug}/org/{org}/")
    problems["organisation"] = violations(page, base)
    assert {name: found for name, found in problems.items() if found} == {}
