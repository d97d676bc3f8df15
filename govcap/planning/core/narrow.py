"""A plan narrowed to one organisation: its own lines, and the cohorts it attends (whole,
with every member, so a shared cohort's size and cost stay visible).

The one rule behind one organisation's JSON download, its plan documents and its plan page;
it reads either shape of a plan, ``PlanData`` or its stored dict (``PlanData.to_dict()``).
:func:`narrow` leaves budget, actions and the load table whole: whoever shows them decides
what one organisation's share of them is. :func:`organisation_share` is that share for the
organisation's own data download: nothing in it names or counts another organisation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

from govcap.planning.core.plan import SCHEDULED, PlanData

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


# Budget fields that describe how it was computed, not whose money it is.
_BUDGET_TERMS = ("currency", "contingency_percent", "rate_card", "rate_card_source",
                 "rate_card_source_translations", "rate_card_currency",
                 "rate_card_effective_from", "rate_card_city", "travelling_share_percent",
                 "unit_rates")
# Plan-wide words of ``extra`` that name no organisation.
_EXTRA_TERMS = ("previous_round", "later_round", "women_target_percent")


def organisation_share(plan: Mapping[str, Any], org_id: str) -> dict[str, Any]:
    """One organisation's plan as data (its "Data (JSON)" download): what its PDF and XLSX
    show and nothing of another organisation — its own lines, the cohorts it attends with
    its own place in them and the others counted (``others``: how many organisations and
    participants, as its documents say "with 1 other organisation"), its share of the
    budget, its load, its earlier courses and the moves of its own courses. Built field by
    field, so a field added to plans later stays out until someone decides it is its own."""
    own = narrow(plan, org_id)
    cohorts = [_own_cohort(c, org_id) for c in own["cohorts"]]
    mine = {c["cohort_id"]: c for c in cohorts}
    budget = plan.get("budget") or {}
    out: dict[str, Any] = {
        key: own[key] for key in (*ORG_LISTS, "organisation_id") if key in own}
    for key in ("catalogue_key", "catalogue_version", "currency", "months", "blackout_months",
                "month_blocks", "schema_version"):
        if key in plan:
            out[key] = plan[key]
    out["cohorts"] = cohorts
    out["settings"] = _own_settings(plan.get("settings") or {}, org_id)
    out["budget"] = _own_budget(budget, mine, org_id)
    out["load"] = own_rows(plan.get("load") or (), org_id)
    out["previous_courses"] = own_rows(plan.get("previous_courses") or (), org_id)
    out["evaluations"] = [{**e, "cohorts": [c for c in e["cohorts"] if c in mine]}
                          for e in plan.get("evaluations") or ()
                          if any(c in mine for c in e["cohorts"])]
    out["actions"] = [_own_action(a, mine, org_id) for a in plan.get("actions") or ()
                      if org_id in a.get("organisations", ())]
    # the coordinator's edits: only where its own courses were moved (they name nobody)
    out["operations"] = [op for op in plan.get("operations") or ()
                         if op.get("kind") == "move-cohort" and op.get("status") == "applied"
                         and (op.get("facts") or {}).get("cohort") in mine]
    out["unfit"] = [_own_unfit(u, org_id) for u in own["unfit"]]
    extra = plan.get("extra") or {}
    out["extra"] = {key: extra[key] for key in _EXTRA_TERMS if key in extra}
    if org_id in (extra.get("gender_mix") or {}):
        out["extra"]["gender_mix"] = {org_id: extra["gender_mix"][org_id]}
    return out


def _own_cohort(cohort: Mapping[str, Any], org_id: str) -> dict[str, Any]:
    members = [m for m in cohort["members"] if m["org_id"] == org_id]
    others = [m for m in cohort["members"] if m["org_id"] != org_id]
    return {**cohort, "members": members,
            "others": {"organisations": len(others),
                       "participants": sum(m["participants"] for m in others)}}


def _own_settings(settings: Mapping[str, Any], org_id: str) -> dict[str, Any]:
    """The settings, with the per-organisation overrides of this organisation only."""
    out: dict[str, Any] = {}
    for part, values in settings.items():
        if not isinstance(values, Mapping):
            out[part] = values
            continue
        out[part] = {key: ({o: v for o, v in value.items() if o == org_id}
                           if key in ("capacity_overrides", "participants_overrides",
                                      "overrides") and isinstance(value, Mapping) else value)
                     for key, value in values.items()}
    return out


def _own_budget(budget: Mapping[str, Any], cohorts: Mapping[str, Mapping[str, Any]],
                org_id: str) -> dict[str, Any]:
    """Its share: its members' costs in the cohorts it attends, its reassessment sessions
    and its part of the contingency, broken down as the whole budget is (as its documents
    add it up, reports.scope)."""
    out: dict[str, Any] = {key: budget[key] for key in _BUDGET_TERMS if key in budget}
    by: dict[str, dict[str, int]] = {"by_domain": {}, "by_module": {}, "by_month": {}}

    def add(domain: str, module: str, month: str, cents: int) -> None:
        for key, k in (("by_domain", domain), ("by_module", module), ("by_month", month)):
            by[key][k] = by[key].get(k, 0) + cents

    for cohort in cohorts.values():
        if cohort.get("status") == "scheduled" and cohort.get("month"):
            cents = sum(m["cost_cents"] for m in cohort["members"])
            add(cohort["domain"], cohort["module_code"], cohort["month"], cents)
    lines = [line for line in budget.get("lines") or () if line.get("org_id") == org_id]
    for line in lines:
        if line.get("category") == "reassessment":
            add("reassessment", "reassessment", line.get("month") or "", line["amount_cents"])
    categories = dict((budget.get("org_categories") or {}).get(org_id) or {})
    contingency = categories.get("contingency", 0)
    if contingency:
        add("contingency", "contingency", "contingency", contingency)
    total = (budget.get("by_org") or {}).get(org_id, 0)
    out.update(by, lines=lines, by_category=categories, total_cents=total,
               by_org={org_id: total}, org_categories={org_id: categories},
               contingency_cents=contingency, subtotal_cents=total - contingency)
    return out


def _own_action(action: Mapping[str, Any], cohorts: Mapping[str, Mapping[str, Any]],
                org_id: str) -> dict[str, Any]:
    """An action line of its modules: its own funding, itself as the organisation."""
    share = sum(m["cost_cents"] for c in cohorts.values()
                if c["module_code"] == action["module_code"] for m in c["members"])
    return {**action, "organisations": [org_id], "total_funding_cents": share}


def _own_unfit(line: Mapping[str, Any], org_id: str) -> dict[str, Any]:
    """A course left out, without the limits of another organisation that kept a shared
    course out (its words name that organisation: they stay with the whole plan)."""
    blocked = [b for b in line.get("blocked") or ()
               if (b.get("facts") or {}).get("org", org_id) == org_id]
    if len(blocked) == len(line.get("blocked") or ()):
        return dict(line)
    return {**line, "blocked": blocked, "message": ""}


@dataclasses.dataclass(frozen=True)
class ActionShare:
    """What an action line gives the organisation in scope (None: the whole plan): the
    placed courses of its module that the organisation attends, its cost to it, their
    months and the organisations that take part in them."""

    runs: tuple[Any, ...]
    cents: int
    first: str | None
    last: str | None
    organisations: tuple[str, ...]


def action_share(plan: PlanData, module_code: str, org_id: str | None) -> ActionShare:
    """An action line's figures for one organisation, the one rule of its plan page and its
    documents: only the courses it attends (its own coaching, not another organisation's
    months before), its members' cost in them, and their months."""
    runs = tuple(c for c in attended(plan.cohorts, org_id)
                 if c.module_code == module_code and c.status == SCHEDULED and c.month)
    cents = sum(m.cost_cents for c in runs for m in c.members if concerns(m.org_id, org_id))
    months = sorted(c.month for c in runs if c.month)
    orgs = tuple(dict.fromkeys(o for c in runs for o in c.org_ids))
    return ActionShare(runs, cents, months[0] if months else None,
                       months[-1] if months else None, orgs)
