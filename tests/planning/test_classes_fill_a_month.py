"""Only classes fill a month (issue 14, plan reviewer): the Kenya follow-up plan put six
cohorts in February 2027, its cap, three of them coaching (AGL-901, CHG-901 twice) and one
POL-901, and its load table counted their participants as staff away. A coaching comes to
the organisation's own team at its desks, e-learning is studied at one's own pace: neither
holds a class a trainer teaches, so neither takes one of the month's cohorts nor anybody
away from the office (the catalogue: coaching at the workplace, e-learning ``online``
self-paced). Their days still count in the organisation's training days."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule, DropModule
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, org_rows


def _plan(**limits: object):
    rows = (org_rows("coached", {"change-management": Level.BASIC})
            + org_rows("online", {"change-management": Level.BASIC})
            + org_rows("a", {"project-execution": Level.BASIC})
            + org_rows("b", {"project-execution": Level.BASIC})
            + org_rows("c", {"project-execution": Level.BASIC}))
    edits = (AddModule("a1", "coached", "CHG-901"), DropModule("d1", "coached", "CHG-101"),
             DropModule("d2", "coached", "CHG-102"),
             AddModule("a2", "online", "CHG-904"), DropModule("d3", "online", "CHG-101"),
             DropModule("d4", "online", "CHG-102"))
    constraints = Constraints("2027-02", max_parallel=1, max_parallel_per_domain=None,
                              **ROOMY, **limits)  # type: ignore[arg-type]
    return generate_plan(rows, CATALOGUE, Targets(), constraints, edits)


def _month(plan, code: str) -> str | None:
    (cohort,) = [c for c in plan.cohorts if c.module_code == code]
    return cohort.month


def test_coaching_and_e_learning_leave_the_months_course_its_place():
    """One course a month at most: the coaching and the e-learning run in February beside
    PRJ-101, which is not pushed to March by them."""
    plan = _plan()
    assert _month(plan, "CHG-901") == "2027-02"
    assert _month(plan, "CHG-904") == "2027-02"
    assert _month(plan, "PRJ-101") == "2027-02"
    assert _month(plan, "PRJ-102") == "2027-03"  # the cap still holds for the classes


def test_nobody_is_away_for_coaching_or_e_learning():
    plan = _plan()
    away = {row.org_id: row.away for row in plan.load}
    assert away["coached"][0] == 0 and away["online"][0] == 0
    assert away["a"][0] == 3  # PRJ-101's participants are away in February
    days = {row.org_id: row.days for row in plan.load}
    assert days["coached"][:3] == (2, 1, 1) and days["online"][0] == 2  # days still count
