"""Issue 14, re-check: a reassessment is one focus group per organisation after all its
training, and it keeps out of closed months past the plan's horizon too (Ramadan in
February 2028 was unknown to a plan ending in 2027)."""

from __future__ import annotations

import datetime as dt

from govcap.orgs.models import Country, Engagement
from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.blackouts import month_blocks
from govcap.planning.core.monitoring import reassess_month
from govcap.planning.core.ratecard import country_rate_card
from govcap.planning.inputs_db import constraints_of
from govcap.planning.models import PlanSettings
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, everyone

B = Level.BASIC


def _somalia_settings() -> PlanSettings:
    """Somalia's plan settings (Ramadan and December closed), unsaved: no database."""
    engagement = Engagement(country=Country(code="so", name="Somalia"), name="Somalia")
    return PlanSettings(engagement=engagement, start_month="2026-09", horizon_months=12,
                        fiscal_year_end_month=12, block_ramadan=True, block_holidays=True)


def test_a_reassessment_past_the_horizon_keeps_out_of_ramadan() -> None:
    # Dated 1 Jul 2026: the plan runs September 2026 to August 2027. A course in August
    # 2027 is reassessed six months on, February 2028: Ramadan 1449 then (28 Jan–26 Feb).
    constraints = constraints_of(_somalia_settings(), dt.date(2026, 7, 1))
    assert constraints.months[-1] == "2027-08"
    ramadan = {b.month: b for b in month_blocks("SO", ["2028-02"], ramadan=True)}
    assert ramadan["2028-02"].closed
    assert "2028-02" in constraints.closed_months
    assert reassess_month("2027-08", constraints) == "2028-03"
    # Closed months past the horizon keep the reassessments out, but are not listed as
    # the plan's own closed months.
    plan = generate_plan(everyone(2, {"change-management": B}), CATALOGUE, Targets(),
                         constraints)
    assert all(m <= constraints.months[-1] or m == "2027-12" for m in plan.blackout_months)


def _spread_constraints() -> Constraints:
    return Constraints("2026-07", rate_card=country_rate_card("KE", "2026-12-04"),
                       max_parallel_per_domain=1, max_parallel=1, **ROOMY)


def test_one_reassessment_session_per_organisation_after_all_its_training() -> None:
    # Gaps in four sections, taught over several months (one course a month): one focus
    # group per organisation rates every section again, after its last course.
    rows = everyone(3, {"enterprise-architecture": B, "change-management": B,
                        "distributed-leadership": B, "project-execution": B})
    plan = generate_plan(rows, CATALOGUE, Targets(), _spread_constraints())
    trained = {}
    for need in plan.needs:
        if need.month:
            trained[need.org_id] = max(trained.get(need.org_id, need.month), need.month)
    assert len({n.month for n in plan.needs if n.month}) > 3  # spread over many months
    sessions: dict[str, set[str]] = {}
    for indicator in plan.indicators:
        if indicator.reassess_month:
            sessions.setdefault(indicator.org_id, set()).add(indicator.reassess_month)
    assert sessions and all(len(months) == 1 for months in sessions.values()), sessions
    for org, (month,) in sessions.items():
        assert month > trained[org]
    paid = [line.org_id for line in plan.budget.lines if line.category == "reassessment"]
    assert sorted(paid) == sorted(sessions)
