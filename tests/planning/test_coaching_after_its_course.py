"""A coaching starts after the course it follows up (issue 14, plan reviewer): Kenya's
follow-up plan gave the National Treasury POL-102 (planned again: none of its people
completed it in 2025) and POL-901, the coaching on the same gap, both in February 2027. The
catalogue's coaching has the team apply "what the course taught to a live task": it comes
the month after the organisation's courses of its domain in the plan, at the earliest,
and its reasons say so. When the course finds no month, the coaching still runs (it also
follows up the earlier round's course) and says it comes without it."""

from __future__ import annotations

from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, everyone


def _plan(horizon: int = 12):
    rows = everyone(3, {"policy-influence": Level.BASIC})
    constraints = Constraints("2027-02", horizon_months=horizon, **ROOMY)  # type: ignore[arg-type]
    return generate_plan(rows, CATALOGUE, Targets(), constraints,
                         (AddModule("a1", "org00", "POL-901"),))


def _months(plan, org: str) -> dict[str, str | None]:
    return {n.module_code: n.month for n in plan.needs if n.org_id == org}


def test_the_coaching_comes_the_month_after_its_domains_courses():
    plan = _plan()
    months = _months(plan, "org00")
    courses = [months[c] for c in ("POL-102", "POL-103")]
    assert all(courses) and months["POL-901"] is not None
    assert months["POL-901"] > max(courses)  # type: ignore[operator, type-var]


def test_its_reasons_say_it_follows_the_course():
    from govcap.planning.wording import Namer, need_reasons

    plan = _plan()
    (need,) = [n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-901"]
    with translation.override("en"):
        lines = need_reasons(need, plan, Namer(CATALOGUE, plan))
    assert any(line.startswith("Starts after ") and "(POL-102)" in line and "(POL-103)" in line
               and "what the course taught" in line for line in lines), lines


def test_a_coaching_whose_course_finds_no_month_still_runs():
    """A one-month horizon: the courses take February; the coaching, with no month after
    them, is not left out for them."""
    plan = _plan(horizon=1)
    months = _months(plan, "org00")
    assert months["POL-901"] == "2027-02"


def test_the_documents_say_it_too():
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope
    from tests.reports.helpers import catalogue, context

    plan = _plan()
    (need,) = [n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-901"]
    lines = Scope(plan, context("en"), catalogue("en"), Labels("en")).evidence(need)
    assert any(line.startswith("Starts after POL-102") and "POL-103" in line
               for line in lines), lines
