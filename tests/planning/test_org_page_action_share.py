"""One organisation's plan page says what it gets, as its documents do (fresh eyes, Kenya's
follow-up): its Action table gave the coaching line as the whole plan's ("coaching at the
workplace for 3 organisations … with 2 other organisations, February 2027 – May 2027,
USD 7,425.00") where the organisation's coaching is its own, in its own month, at a third
of that; and a shared course at its whole cost where its documents give its share."""

from __future__ import annotations

from django.utils import translation

from govcap.planning import pages
from govcap.planning.core.narrow import action_share
from govcap.reports.build_parts import actions
from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from tests.planning.helpers import CATALOGUE
from tests.planning.test_coaching_per_organisation import coached, coaching


def test_the_page_gives_one_organisations_coaching_and_its_cost_as_its_documents(db):
    plan = coached({"org00": 2})
    own = next(c for c in coaching(plan) if c.org_ids == ("org00",))
    whole = next(a for a in plan.actions if a.module_code == "CHG-901")
    assert whole.total_funding_cents > own.cost_cents
    with translation.override("en"):
        view = pages.overview(plan, CATALOGUE, "org00")
        (line,) = [a for a in view.actions if a.action.module_code == "CHG-901"]
    share = action_share(plan, "CHG-901", "org00")
    assert share.cents == own.cost_cents and share.organisations == ("org00",)
    assert line.funding.replace("\u00a0", " ").endswith(f"{own.cost_cents // 100:,}.00")
    assert "for 1 organisation" in line.measure and "3 organisations" not in line.measure
    assert "other organisation" not in " ".join(line.org_names)
    assert line.source == "To be agreed with funders"
    # the document's row: the same figures
    from tests.reports.helpers import context
    ctx = context("en", "org00")
    scope = Scope(plan, ctx, CATALOGUE, Labels("en"))
    rows = actions(scope).blocks[0].rows
    row = next(r for r in rows if "CHG-901" in str(r[0]))
    assert row[3] == scope.money(share.cents)


def test_the_page_counts_a_courses_cohorts_as_the_documents_do(db):
    from tests.reports.helpers import catalogue, plan

    data = plan()
    with translation.override("en"):
        view = pages.overview(data, catalogue("en"), None)
    said = [a.measure for a in view.actions if catalogue("en").by_code[
        a.action.module_code].is_course]
    assert said and all(" cohort of " in m or " cohorts of " in m for m in said), said
    assert not any(" course of " in m or " courses of " in m for m in said)
