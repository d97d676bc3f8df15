"""The plan page's budget part shows the cost model: categories in words, one organisation's
share adding up to its total."""

from __future__ import annotations

import json

from govcap.planning import wording
from govcap.planning.core.stored import plan_from_dict
from govcap.planning.pages import overview
from govcap.scale import DOMAINS

from .helpers import CATALOGUE
from .test_cost_model import _plan


def test_the_page_names_each_category_and_the_reassessment_and_contingency() -> None:
    plan = plan_from_dict(json.loads(_plan().to_json()))  # as stored: keys sorted
    view = overview(plan, CATALOGUE)
    assert view.rate_card == "KE 2026.1"
    names = [name for name, _ in view.by_category]
    assert names[0] == "Trainers" and "Follow-up coaching" in names
    assert names[-1] == "Contingency"
    domains = [name for name, _ in view.by_domain]
    assert "Reassessment sessions" in domains and "contingency" not in domains
    # the domains first, in the protocol's order, then the lines outside courses
    assert domains[-2:] == ["Reassessment sessions", "Contingency"]
    order = [wording.domain_title(k) for k in DOMAINS]
    assert domains[:-2] == [d for d in order if d in domains[:-2]]


def test_an_organisation_page_adds_up_to_its_share() -> None:
    plan = _plan()
    view = overview(plan, CATALOGUE, "org-a")
    assert view.domain_total == view.org_total
    assert "Contingency" in [name for name, _ in view.by_category]
