"""Issue 14, re-check: coaching is counted as the catalogue describes it — four coaching
days over three months at the organisation's own workplace — not as four classroom days in
one month; and an alternative is offered only when it can be scheduled."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule, DropModule
from govcap.scale import Level

from .helpers import CATALOGUE, org_rows

B = Level.BASIC


def test_coaching_taken_instead_is_scheduled_within_a_tight_monthly_limit() -> None:
    # Three training days a month: the ministry cannot take CHG-901 as four days in one
    # month, but its coach's days are two, one and one over three months.
    rows = org_rows("moh", {"change-management": B})
    constraints = Constraints("2027-01", days_per_month=3, days_per_quarter=12, staff_away=3)
    plan = generate_plan(rows, CATALOGUE, Targets(), constraints, (
        AddModule("a1", "moh", "CHG-901"), DropModule("d1", "moh", "CHG-101"),
        DropModule("d2", "moh", "CHG-102")))
    coaching = next(n for n in plan.needs if n.module_code == "CHG-901")
    assert coaching.status == "scheduled", [u.message for u in plan.unfit]
    (load,) = plan.load
    start = plan.months.index(coaching.month)
    assert load.days[start:start + 3] == (2, 1, 1)
    assert all(d <= limit for d, limit in zip(load.days, load.limits, strict=True))
    assert load.away[start] == 0  # coached at its own desks


def test_no_alternative_is_offered_that_the_months_cannot_hold() -> None:
    # Two training days a month: CHG-101 (three days) cannot run for the ministry alone,
    # so "in-house" is not offered; coaching (2, 1, 1) and e-learning (two days) can.
    rows = org_rows("moh", {"change-management": B})
    constraints = Constraints("2027-01", days_per_month=2, days_per_quarter=12, staff_away=3)
    plan = generate_plan(rows, CATALOGUE, Targets(), constraints)
    line = next(u for u in plan.unfit if u.module_code == "CHG-101")
    kinds = {a.kind: a.module_code for a in line.alternatives}
    assert "in-house" not in kinds
    assert kinds.get("coaching") == "CHG-901"
    for kind, code in kinds.items():  # each one taken is scheduled
        taken = generate_plan(rows, CATALOGUE, Targets(), constraints, (
            AddModule("a1", "moh", code), DropModule("d1", "moh", "CHG-101"),
            DropModule("d2", "moh", "CHG-102")))
        need = next(n for n in taken.needs if n.module_code == code)
        assert need.status == "scheduled", (kind, code)
