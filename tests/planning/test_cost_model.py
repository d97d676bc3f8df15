"""The cost model: country rate cards, budget lines by category, contingency, overrides."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.budget import travellers, venue_days
from govcap.planning.core.inputs import CostOverride
from govcap.planning.core.plan import PlanData
from govcap.planning.core.ratecard import (
    RATE_CARD_DIR,
    country_rate_card,
    load_rate_card,
    parse_rate_card,
)
from govcap.planning.core.stored import plan_from_dict
from govcap.planning.core.validation import CatalogueError
from govcap.scale import Level

from .helpers import CATALOGUE, org_rows

B = Level.BASIC
KE = country_rate_card("KE", "2026-12-04")


def _plan(**constraints: object) -> PlanData:
    rows = (org_rows("org-a", {"systems-design-thinking": B, "change-management": B})
            + org_rows("org-b", {"systems-design-thinking": B})
            + org_rows("org-c", {"systems-design-thinking": B, "change-management": B}))
    options: dict = {"start_month": "2027-01", "participants_per_org": 3, "rate_card": KE}
    options.update(constraints)
    return generate_plan(rows, CATALOGUE, Targets(), Constraints(**options))


def test_every_shipped_card_validates_and_states_its_basis() -> None:
    paths = sorted(RATE_CARD_DIR.glob("*.yaml"))
    assert {p.name.split("-")[0] for p in paths} >= {"KE", "DJ", "SO"}
    for path in paths:
        card = load_rate_card(path)
        assert path.name == f"{card.country}-{card.version}.yaml"
        assert card.indicative and "replace" in card.source
        assert card.currency == "USD" and card.effective_from


def test_the_current_card_is_picked_by_country_and_a_version_can_be_pinned() -> None:
    assert KE is not None and KE.label == "KE 2026.1"
    assert country_rate_card("ke", version="2026.1") == KE
    assert country_rate_card("XX") is None
    with pytest.raises(CatalogueError, match="version '1999.1' does not exist"):
        country_rate_card("KE", version="1999.1")


def test_the_cards_differ_by_country() -> None:
    cards = [country_rate_card(c) for c in ("KE", "DJ", "SO")]
    assert len({c.venue_day for c in cards if c}) == 3


def test_a_broken_card_names_the_field() -> None:
    document = {"rate_card": "KE", "version": "one", "country": "Kenya"}
    with pytest.raises(CatalogueError) as caught:
        parse_rate_card(document, "KE-bad.yaml")
    text = "\n".join(caught.value.errors)
    assert "version" in text and "country" in text and "rates" in text


def test_lines_are_quantity_times_unit_and_everything_adds_up() -> None:
    plan = _plan()
    b = plan.budget
    assert b.rate_card == "KE 2026.1"
    assert all(line.amount_cents == line.quantity * line.unit_cents for line in b.lines)
    assert b.subtotal_cents == sum(line.amount_cents for line in b.lines)
    assert b.total_cents == b.subtotal_cents + b.contingency_cents
    assert b.contingency_cents == round(Decimal(b.subtotal_cents) / 10)
    for table in (b.by_category, b.by_domain, b.by_module, b.by_org, b.by_month):
        assert sum(table.values()) == b.total_cents
    for org_id, cats in b.org_categories.items():
        assert sum(cats.values()) == b.by_org[org_id]
    assert set(b.by_category) >= {"trainers", "venue", "materials", "allowance", "travel",
                                  "coaching", "reassessment", "contingency"}


def test_each_cohort_line_counts_what_the_card_says() -> None:
    plan = _plan()
    b = plan.budget
    cohort = next(c for c in plan.cohorts if c.status == "scheduled")
    module = CATALOGUE.by_code[cohort.module_code]
    lines = {line.rate: line for line in b.lines if line.cohort_id == cohort.cohort_id}
    lead = lines[f"lead-trainer-{module.delivery}"]
    assert lead.quantity == module.days == lines[f"co-trainer-{module.delivery}"].quantity
    assert lead.unit_cents == {"online": 45000}.get(module.delivery, 60000)  # KE card
    assert lines["venue-day"].quantity == venue_days(module)
    assert lines["materials"].quantity == cohort.participants
    assert lines["allowance-day"].quantity == cohort.participants * venue_days(module)
    assert lines["travel"].quantity == sum(travellers(m.participants, 30)
                                           for m in cohort.members)
    assert lines["coaching"].quantity == len(cohort.members)  # the module's follow-up
    assert cohort.cost_cents == sum(line.amount_cents for line in lines.values())


def test_one_reassessment_session_per_organisation_the_chapter_names() -> None:
    """Every reassessment the monitoring chapter promises is paid, once: an organisation's
    indicators share one session, after all its training (issue 14's re-check: there
    had been one per month a section's training ended)."""
    plan = _plan()
    sessions = [(line.org_id, line.month) for line in plan.budget.lines
                if line.category == "reassessment"]
    promised = sorted({(i.org_id, i.reassess_month) for i in plan.indicators
                       if i.reassess_month})
    assert sessions == promised
    assert len(promised) == len({org for org, _ in promised})  # each reassessed once


def test_the_travelling_share_and_exchange_rate_change_the_lines() -> None:
    nobody = _plan(travelling_share_percent=0).budget
    assert "travel" not in nobody.by_category
    kes = _plan(currency="KES", exchange_rate=Decimal("129.5")).budget
    assert kes.unit_rates["venue-day"] == 45000 * 1295 // 10
    assert kes.currency == "KES"


def test_travellers_round_half_up_and_blended_venue_days_round_up() -> None:
    assert [travellers(n, 30) for n in (1, 2, 3, 5, 10)] == [0, 1, 1, 2, 3]
    blended = dataclasses.replace(CATALOGUE.modules[0], delivery="blended", days=3)
    online = dataclasses.replace(blended, delivery="online")
    assert (venue_days(blended), venue_days(online)) == (2, 0)


def test_an_override_replaces_trainers_venue_and_materials_but_not_allowances() -> None:
    code = "DST-101"
    plan = _plan(cost_overrides={code: CostOverride(Decimal("100"), Decimal("2000"))})
    rates = {line.rate for line in plan.budget.lines if line.module_code == code}
    assert "course-day" in rates and "course-cohort" in rates
    assert not {r for r in rates if "trainer" in r} | (rates & {"venue-day", "materials"})
    assert {"allowance-day", "coaching"} <= rates
    day = next(line for line in plan.budget.lines if line.rate == "course-day")
    assert day.unit_cents == 10000


def test_without_a_card_the_catalogue_prices_remain_and_nothing_is_added() -> None:
    plan = _plan(rate_card=None)
    assert set(plan.budget.by_category) == {"course"}
    assert plan.budget.contingency_cents == 0 and plan.budget.rate_card == ""
    assert plan.budget.total_cents == sum(c.cost_cents for c in plan.cohorts)


def test_a_plan_stored_before_the_cost_model_reads_back() -> None:
    data = _plan(rate_card=None).to_dict()
    for name in ("lines", "by_category", "org_categories", "subtotal_cents",
                 "contingency_percent", "contingency_cents", "rate_card", "rate_card_source",
                 "rate_card_source_translations",
                 "rate_card_currency", "rate_card_effective_from", "rate_card_city",
                 "travelling_share_percent", "unit_rates"):
        del data["budget"][name]
    old = plan_from_dict(data)
    assert old.budget.lines == () and old.budget.rate_card == ""
    fresh = _plan()
    assert plan_from_dict(fresh.to_dict()).to_json() == fresh.to_json()



def test_only_a_module_that_promises_follow_up_gets_coaching() -> None:
    from govcap.planning.core.budget import card_rates, cohort_lines

    constraints = Constraints(start_month="2027-01", rate_card=KE)
    plan = _plan()
    cohort = next(c for c in plan.cohorts if c.status == "scheduled")
    module = CATALOGUE.by_code[cohort.module_code]
    assert module.follow_up
    silent = dataclasses.replace(module, follow_up="")
    rates = card_rates(constraints)
    assert "coaching" in {r for r, *_ in cohort_lines(cohort, module, constraints, rates)}
    assert "coaching" not in {r for r, *_ in cohort_lines(cohort, silent, constraints, rates)}


@pytest.mark.parametrize(("kind", "at_work"), [("coaching", True), ("on-the-job", True),
                                               ("training-of-trainers", False)])
def test_coaching_and_on_the_job_work_are_costed_at_the_workplace(kind, at_work) -> None:
    from govcap.planning.core.budget import card_rates, cohort_lines

    constraints = Constraints(start_month="2027-01", rate_card=KE)
    cohort = next(c for c in _plan().cohorts if c.status == "scheduled")
    module = dataclasses.replace(CATALOGUE.by_code[cohort.module_code], kind=kind,
                                 delivery="in-person", follow_up="")
    rates = {r for r, *_ in cohort_lines(cohort, module, constraints, card_rates(constraints))}
    assert "lead-trainer-in-person" in rates and "materials" in rates
    workplace_free = {"co-trainer-in-person", "venue-day", "allowance-day", "travel"}
    assert (not rates & workplace_free) is at_work
