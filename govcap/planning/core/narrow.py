"""A plan narrowed to one organisation: its own lines, and the cohorts it attends (whole,
with every member, so a shared cohort's size and cost stay visible).

The one rule behind one organisation's JSON download, its plan documents and its plan page;
it reads either shape of a plan, ``PlanData`` or its stored dict (``PlanData.to_dict()``).
Budget, actions and the load table are not narrowed here: whoever shows them decides what
one organisation's share of them is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

from govcap.planning.core.plan import PlanData

# The plan's lists whose rows each belong to one organisation (``org_id``).
ORG_LISTS = ("organisations", "sections", "gaps", "unknowns", "needs", "unfit", "indicators")

Row = TypeVar("Row")


def _get(row: Any, name: str) -> Any:
    return row[name] if isinstance(row, Mapping) else getattr(row, name)


def concerns(row_org_id: str, org_id: str | None) -> bool:
    """Whether a line of organisation `row_org_id` is in scope (None: the whole plan)."""
    return org_id is None or row_org_id == org_id


def own_rows(rows: Iterable[Row], org_id: str | None) -> list[Row]:
    """The rows (dicts or dataclasses with an ``org_id``) of the organisation in scope."""
    return [row for row in rows if concerns(_get(row, "org_id"), org_id)]


def attended(cohorts: Iterable[Row], org_id: str | None) -> list[Row]:
    """The cohorts one of whose members is the organisation in scope."""
    return [c for c in cohorts
            if any(concerns(_get(m, "org_id"), org_id) for m in _get(c, "members"))]


@overload
def narrow(plan: PlanData, org_id: str) -> PlanData: ...
@overload
def narrow(plan: Mapping[str, Any], org_id: str) -> dict[str, Any]: ...
def narrow(plan: PlanData | Mapping[str, Any], org_id: str) -> PlanData | dict[str, Any]:
    """The plan with only `org_id`'s lines and the cohorts it attends; the stored dict
    also says whose it is (``organisation_id``)."""
    lists: dict[str, Any] = {key: own_rows(_get(plan, key), org_id) for key in ORG_LISTS}
    lists["cohorts"] = attended(_get(plan, "cohorts"), org_id)
    if isinstance(plan, PlanData):
        changes: dict[str, Any] = {key: tuple(rows) for key, rows in lists.items()}
        return dataclasses.replace(plan, **changes)
    return {**plan, **lists, "organisation_id": org_id}
