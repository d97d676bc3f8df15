"""A move the plan refuses is no move at all (issue 14). Kenya's follow-up: SVC-101 moved
to April pushed SVC-102 to May; moving SVC-102 to April too was refused (the ministry's
training days), and the next replay put SVC-102 in February, before its SVC-101, with
"no later month had room for it" while May was free: the refused move still released
SVC-102 from the order by number."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import CONFLICT, MoveCohort
from govcap.scale import Level

from .helpers import CATALOGUE, everyone

ROWS = everyone(8, {"enterprise-architecture": Level.BASIC})  # EA-101 (4 days), EA-102 (3)
LIMITS = Constraints("2027-02", days_per_month=5)  # never both in one month


def _months(plan):
    return {c.module_code: c.month for c in plan.cohorts}


def test_a_refused_move_leaves_the_schedule_as_without_it():
    first = generate_plan(ROWS, CATALOGUE, Targets(), LIMITS)
    ea101, ea102 = (next(c for c in first.cohorts if c.module_code == code)
                    for code in ("EA-101", "EA-102"))
    later = MoveCohort("op1", ea101.cohort_id, "2027-04", ea101.org_ids)
    moved = generate_plan(ROWS, CATALOGUE, Targets(), LIMITS, [later])
    assert _months(moved) == {"EA-101": "2027-04", "EA-102": "2027-05"}

    refused = MoveCohort("op2", ea102.cohort_id, "2027-04", ea102.org_ids)
    plan = generate_plan(ROWS, CATALOGUE, Targets(), LIMITS, [later, refused])
    outcome = {r.op_id: r.status for r in plan.operations}
    assert outcome["op2"] == CONFLICT
    assert _months(plan) == _months(moved)  # not EA-102 in February, before EA-101
