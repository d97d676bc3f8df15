"""A cohort's number as its reader counts it: the first, second … cohort of its module in the
plan, in the order they run. The documents' Cohort column said 1 on every row (the ID's last
part, 01 for each module's one cohort): a column with nothing to tell. It is left out when no
module of the plan runs more than one cohort.

Here, below both, so the documents (``govcap.reports``) and the delivery pages
(``govcap.delivery``, which may not import reports) number a cohort the same way: a delivery
recorded against "POL-901 cohort 1" is the cohort the plan's PDF calls so."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govcap.planning.core.plan import SCHEDULED, PlanData


def numbered(runs: Iterable[tuple[str, str, str]]) -> dict[str, int] | None:
    """(module code, month, cohort ID) of each scheduled cohort → cohort ID → its number
    among its module's (1, 2, … by month, then ID); None when every module runs one."""
    by_module: dict[str, list[tuple[str, str]]] = {}
    for module_code, month, cohort_id in runs:
        by_module.setdefault(module_code, []).append((month, cohort_id))
    if all(len(found) < 2 for found in by_module.values()):
        return None
    return {cohort_id: n for found in by_module.values()
            for n, (_, cohort_id) in enumerate(sorted(found), start=1)}


def numbers(plan: PlanData) -> dict[str, int] | None:
    """Cohort ID → its number among its module's scheduled cohorts (1, 2, … by month, then
    ID); None when every module runs one cohort."""
    return numbered((c.module_code, c.month, c.cohort_id) for c in plan.cohorts
                    if c.status == SCHEDULED and c.month)


def stored_numbers(cohorts: Iterable[Mapping[str, Any]]) -> dict[str, int] | None:
    """``numbers`` of a stored plan's cohorts (``Plan.data["cohorts"]``), without reading the
    whole plan back."""
    return numbered((c["module_code"], c["month"], c["cohort_id"]) for c in cohorts
                    if c.get("status") == SCHEDULED and c.get("month"))
