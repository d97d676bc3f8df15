"""A cohort's number as its reader counts it: the first, second … cohort of its module in the
plan, in the order they run. The documents' Cohort column said 1 on every row (the ID's last
part, 01 for each module's one cohort): a column with nothing to tell. It is left out when no
module of the plan runs more than one cohort."""

from __future__ import annotations

from govcap.planning.core.plan import SCHEDULED, PlanData


def numbers(plan: PlanData) -> dict[str, int] | None:
    """Cohort ID → its number among its module's scheduled cohorts (1, 2, … by month, then
    ID); None when every module runs one cohort."""
    by_module: dict[str, list[tuple[str, str]]] = {}
    for c in plan.cohorts:
        if c.status == SCHEDULED and c.month:
            by_module.setdefault(c.module_code, []).append((c.month, c.cohort_id))
    if all(len(runs) < 2 for runs in by_module.values()):
        return None
    return {cohort_id: n for runs in by_module.values()
            for n, (_, cohort_id) in enumerate(sorted(runs), start=1)}
