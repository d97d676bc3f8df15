"""What changed between two plan datas (e.g. before and after a regeneration).

Works on the plain dicts of ``PlanData.to_dict()`` (what the database stores) or on
``PlanData`` objects. Lines are matched by their natural keys: a need by (organisation,
module), a cohort by id, a gap by (organisation, section), an unfit line by
(organisation, module or section and step).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.edits import APPLIED
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    Need,
    OperationResult,
    PlanData,
    Unfit,
    plain,
)


@dataclass(frozen=True)
class Change:
    key: str
    before: Any
    after: Any


@dataclass(frozen=True)
class PlanDiff:
    gaps_added: tuple[str, ...] = ()
    gaps_closed: tuple[str, ...] = ()
    gaps_changed: tuple[Change, ...] = ()
    needs_added: tuple[str, ...] = ()
    needs_removed: tuple[str, ...] = ()
    needs_changed: tuple[Change, ...] = ()
    cohorts_added: tuple[str, ...] = ()
    cohorts_removed: tuple[str, ...] = ()
    cohorts_moved: tuple[Change, ...] = ()
    cohorts_regrouped: tuple[Change, ...] = ()
    unfit_added: tuple[str, ...] = ()
    unfit_resolved: tuple[str, ...] = ()
    operations_changed: tuple[Change, ...] = ()
    total_before_cents: int = 0
    total_after_cents: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    # each total's currency: a plan regenerated in another currency has its budget before
    # in the old one ("" in diffs stored before they were kept: the plans' own then)
    currency_before: str = ""
    currency_after: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in (
            "gaps_added", "gaps_closed", "gaps_changed", "needs_added", "needs_removed",
            "needs_changed", "cohorts_added", "cohorts_removed", "cohorts_moved",
            "cohorts_regrouped", "unfit_added", "unfit_resolved", "operations_changed",
        )) and self.total_before_cents == self.total_after_cents

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = plain(self)
        data["is_empty"] = self.is_empty
        return data


def _as_dict(plan: PlanData | Mapping[str, Any]) -> Mapping[str, Any]:
    return plan.to_dict() if isinstance(plan, PlanData) else plan


def _index(rows: list[Mapping[str, Any]], *keys: str) -> dict[str, Mapping[str, Any]]:
    return {" ".join(str(row.get(k) or "-") for k in keys): row for row in rows}


def _split(old: dict[str, Any], new: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(sorted(set(new) - set(old))), tuple(sorted(set(old) - set(new))))


def _changes(old: dict[str, Mapping[str, Any]], new: dict[str, Mapping[str, Any]],
             *fields_: str) -> tuple[Change, ...]:
    out = []
    for key in sorted(set(old) & set(new)):
        before = {f: old[key].get(f) for f in fields_}
        after = {f: new[key].get(f) for f in fields_}
        if before != after:
            out.append(Change(key, before, after))
    return tuple(out)


def diff_plans(old: PlanData | Mapping[str, Any], new: PlanData | Mapping[str, Any]) -> PlanDiff:
    a, b = _as_dict(old), _as_dict(new)
    gaps_a, gaps_b = _index(a["gaps"], "org_id", "section_key"), \
        _index(b["gaps"], "org_id", "section_key")
    needs_a, needs_b = _index(a["needs"], "org_id", "module_code"), \
        _index(b["needs"], "org_id", "module_code")
    cohorts_a, cohorts_b = _index(a["cohorts"], "cohort_id"), _index(b["cohorts"], "cohort_id")
    unfit_keys = ("org_id", "module_code", "section_key", "step", "reason")
    unfit_a, unfit_b = _index(a["unfit"], *unfit_keys), _index(b["unfit"], *unfit_keys)
    ops_a, ops_b = _index(a["operations"], "op_id"), _index(b["operations"], "op_id")
    gaps_added, gaps_closed = _split(gaps_a, gaps_b)
    needs_added, needs_removed = _split(needs_a, needs_b)
    cohorts_added, cohorts_removed = _split(cohorts_a, cohorts_b)
    unfit_added, unfit_resolved = _split(unfit_a, unfit_b)
    return PlanDiff(
        gaps_added=gaps_added, gaps_closed=gaps_closed,
        gaps_changed=_changes(gaps_a, gaps_b, "current", "target"),
        needs_added=needs_added, needs_removed=needs_removed,
        needs_changed=_changes(needs_a, needs_b, "status", "cohort_id", "month", "origin"),
        cohorts_added=cohorts_added, cohorts_removed=cohorts_removed,
        cohorts_moved=_changes(cohorts_a, cohorts_b, "month", "status"),
        cohorts_regrouped=_changes(cohorts_a, cohorts_b, "members"),
        unfit_added=unfit_added, unfit_resolved=unfit_resolved,
        operations_changed=_changes(ops_a, ops_b, "status", "message")
        + tuple(Change(k, None, ops_b[k].get("status")) for k in _split(ops_a, ops_b)[0]),
        total_before_cents=a["budget"]["total_cents"],
        total_after_cents=b["budget"]["total_cents"],
        currency_before=a["budget"].get("currency") or a.get("currency", ""),
        currency_after=b["budget"].get("currency") or b.get("currency", ""),
    )


# What became of one organisation's need for a module between two versions (NeedChange.kind)
ADDED, ADDED_UNPLACED, REMOVED = "added", "added-unplaced", "removed"
LEFT_OUT, UNPLACED, PLACED, RESTORED, MOVED = (
    "left-out", "unplaced", "placed", "restored", "moved")
NEED_CHANGE_KINDS = (ADDED, ADDED_UNPLACED, REMOVED, LEFT_OUT, UNPLACED, PLACED, RESTORED,
                     MOVED)


@dataclass(frozen=True)
class NeedChange:
    """One organisation's need for a module, as it changed between two versions:

    * ``added``: new in the plan, placed in a course (``after``: its month);
    * ``added-unplaced``: new, and no course could hold it (``unfit``: why);
    * ``removed``: no longer in the plan (its gap closed, or a course it prepared went);
    * ``left-out``: left out by an edit (it was placed, or waiting for a place, before);
    * ``unplaced``: placed before, no course can hold it now (``unfit``: why);
    * ``placed``: waiting for a place (or left out) before, placed now (``after``);
    * ``restored``: left out before, back in the plan and still waiting for a place;
    * ``moved``: placed in both, in another month (``before`` → ``after``).
    """

    kind: str
    org_id: str
    module_code: str
    before: str | None = None  # its month in the older version
    after: str | None = None  # its month in the newer
    unfit: Unfit | None = None


def need_changes(old: PlanData, new: PlanData) -> list[NeedChange]:
    """What happened to each need between ``old`` and ``new``, said by what it became — the
    stored diff's sets (unfit lines added and resolved) cannot tell a need left out by an
    edit from one placed at last, nor a course added unplaced from one that lost its place.
    In the order of ``NEED_CHANGE_KINDS``, then organisation and module."""
    before = {(n.org_id, n.module_code): n for n in old.needs}
    after = {(n.org_id, n.module_code): n for n in new.needs}
    unfit = {(u.org_id, u.module_code): u for u in new.unfit if u.module_code}
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        placed_a = a is not None and a.status == SCHEDULED and bool(a.month)
        placed_b = b is not None and b.status == SCHEDULED and bool(b.month)
        change: tuple[str, str | None, str | None] | None = None
        if a is None and b is not None and b.status != DROPPED:
            change = (ADDED, None, b.month) if placed_b else (ADDED_UNPLACED, None, None)
        elif b is None and a is not None and a.status != DROPPED:
            change = (REMOVED, a.month if placed_a else None, None)
        elif a is None or b is None:
            continue
        elif b.status == DROPPED and a.status != DROPPED:
            change = (LEFT_OUT, a.month if placed_a else None, None)
        elif placed_a and placed_b and a.month != b.month:
            change = (MOVED, a.month, b.month)
        elif placed_a and not placed_b:
            change = (UNPLACED, a.month, None)
        elif placed_b and not placed_a:
            change = (PLACED, None, b.month)
        elif a.status == DROPPED and b.status != DROPPED:
            change = (RESTORED, None, None)
        if change is not None:
            kind, month_a, month_b = change
            out.append(NeedChange(kind, key[0], key[1], month_a, month_b,
                                  unfit.get(key) if kind in (ADDED_UNPLACED, UNPLACED,
                                                             RESTORED) else None))
    return sorted(out, key=lambda c: (NEED_CHANGE_KINDS.index(c.kind), c.org_id, c.module_code))


@dataclass(frozen=True)
class OutOfOrder:
    """An organisation's course scheduled before, or in the same month as, a course it
    should take first (the catalogue's order: a 101 before its 102, a prerequisite)."""

    org_id: str
    module_code: str
    month: str
    first_code: str
    first_month: str


def out_of_order(plan: PlanData, catalogue: Catalogue | None = None) -> list[OutOfOrder]:
    """The courses ``plan`` schedules no later than a course the same organisation takes
    first (``Need.after``, and with ``catalogue`` its order of modules, for a version
    stored before that order was kept) — what moving a course by hand can do: the move may
    stand, the coordinator is told."""
    months = {(n.org_id, n.module_code): n.month for n in plan.needs
              if n.status == SCHEDULED and n.month}
    out = []
    for need in plan.needs:
        month = months.get((need.org_id, need.module_code))
        if month is None:
            continue
        firsts = set(need.after) | set(catalogue.ancestors.get(need.module_code, ())
                                       if catalogue is not None else ())
        for first in sorted(firsts):
            first_month = months.get((need.org_id, first))
            if first_month is not None and first_month >= month:
                out.append(OutOfOrder(need.org_id, need.module_code, month, first,
                                      first_month))
    return sorted(out, key=lambda o: (o.month, o.module_code, o.first_code, o.org_id))


def reversed_order(plan: PlanData, catalogue: Catalogue) -> list[OutOfOrder]:
    """The courses ``plan`` schedules in an earlier month than a lower-numbered course of
    their step and section the same organisation takes (``Catalogue.numbered_first``: a
    102 before its 101) — not a prerequisite, so not :func:`out_of_order`, but the reverse
    of the order providers teach them in, which a coordinator's move is told it makes."""
    months = {(n.org_id, n.module_code): n.month for n in plan.needs
              if n.status == SCHEDULED and n.month}
    out = []
    for (org_id, code), month in months.items():
        for first in catalogue.numbered_first.get(code, ()):
            first_month = months.get((org_id, first))
            if first_month is not None and first_month > month:
                out.append(OutOfOrder(org_id, code, month, first, first_month))
    return sorted(out, key=lambda o: (o.month, o.module_code, o.first_code, o.org_id))


def without_companion(plan: PlanData, need: Need, catalogue: Catalogue) -> tuple[str, ...]:
    """The lower-numbered modules of ``need``'s step and section (``Catalogue.
    numbered_first``), or a coaching's courses (``Catalogue.coached_after``), its
    organisation needs in ``plan`` but that found no month: the course runs without them,
    out of the order providers teach them in, and says so."""
    return tuple(code for code, month in _companions(plan, need, catalogue) if month is None)


def before_companion(plan: PlanData, need: Need, catalogue: Catalogue,
                     moves: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Those that have a month, but not an earlier one, where no month after them had room
    for this course (the schedule placed it out of order rather than leave it out) — not
    those the coordinator's move put after it (:func:`moved_before_companion`)."""
    moved = {code for code, _, _ in moved_before_companion(plan, need, catalogue, moves)}
    return tuple(code for code, month in _companions(plan, need, catalogue)
                 if month is not None and need.month is not None and month >= need.month
                 and code not in moved)


def coordinator_moves(plan: PlanData) -> dict[str, str]:
    """Cohort ID → the month a coordinator's move that applied put it in (the replay's
    ``OperationResult.facts``)."""
    out: dict[str, str] = {}
    for op in plan.operations:
        if op.kind == "move-cohort" and op.status == APPLIED:
            cohort, month = op.facts.get("cohort"), op.facts.get("month")
            if cohort and month:
                out[str(cohort)] = str(month)
    return out


def moved_before_companion(plan: PlanData, need: Need, catalogue: Catalogue,
                           moves: Mapping[str, str] | None = None
                           ) -> tuple[tuple[str, str, str], ...]:
    """The companions (as :func:`before_companion`'s) ``need`` comes before, or in the
    month of, because the coordinator moved one of the two there: (companion, the module
    moved, its month) — ``need``'s own course first. ``moves``: :func:`coordinator_moves`,
    or a reader's own (a stored plan's from its words)."""
    if need.status != SCHEDULED or need.month is None:
        return ()
    moves = coordinator_moves(plan) if moves is None else moves
    cohorts = {(n.org_id, n.module_code): n.cohort_id for n in plan.needs}
    out = []
    for code, month in _companions(plan, need, catalogue):
        if month is None or month < need.month:
            continue
        if need.cohort_id is not None and moves.get(need.cohort_id) == need.month:
            out.append((code, need.module_code, need.month))
        elif (first := cohorts.get((need.org_id, code))) and moves.get(first) == month:
            out.append((code, code, month))
    return tuple(out)


def after_courses(plan: PlanData, need: Need, catalogue: Catalogue) -> tuple[str, ...]:
    """A coaching's or on-the-job project's courses of its domain (``Catalogue.
    coached_after``) its organisation has in an earlier month of ``plan``: it starts after
    them, and says so."""
    if need.status != SCHEDULED or need.month is None:
        return ()
    firsts = catalogue.coached_after.get(need.module_code, ())
    return tuple(sorted(n.module_code for n in plan.needs
                        if n.org_id == need.org_id and n.module_code in firsts
                        and n.status == SCHEDULED and n.month and n.month < need.month))


def _companions(plan: PlanData, need: Need, catalogue: Catalogue
                ) -> list[tuple[str, str | None]]:
    if need.status != SCHEDULED:
        return []
    firsts = (*catalogue.numbered_first.get(need.module_code, ()),
              *catalogue.coached_after.get(need.module_code, ()))
    return [(n.module_code, n.month if n.status == SCHEDULED else None) for n in plan.needs
            if n.org_id == need.org_id and n.module_code in firsts and n.status != DROPPED]


@dataclass(frozen=True)
class LeftWithout:
    """Organisations that had a place in a shared cohort and, after a change, have no
    scheduled course for that module any more."""

    cohort_id: str
    module_code: str
    org_names: tuple[str, ...]


def left_without_cohort(before: PlanData, after: PlanData) -> list[LeftWithout]:
    """The shared cohorts (two organisations or more) of ``before`` that a change broke up:
    per cohort, the member organisations whose need for its module is no longer scheduled
    in ``after`` — what an edit of one organisation's course can do to the others."""
    scheduled_after = {(n.org_id, n.module_code) for n in after.needs if n.status == SCHEDULED}
    names = {o.org_id: o.org_name for o in before.organisations}
    out = []
    for cohort in before.cohorts:
        if cohort.status != SCHEDULED or len({m.org_id for m in cohort.members}) < 2:
            continue
        lost = sorted(names.get(m.org_id, m.org_id) for m in cohort.members
                      if (m.org_id, cohort.module_code) not in scheduled_after)
        if lost:
            out.append(LeftWithout(cohort.cohort_id, cohort.module_code, tuple(lost)))
    return out


@dataclass(frozen=True)
class Moved:
    """A course that changed month as a side effect of a change: its module and months,
    and the organisations whose course it is (a plan may hold several courses of one
    module: "the Treasury's coaching", not the Ministry of Health's)."""

    module_code: str
    before: str
    after: str
    org_ids: tuple[str, ...] = ()


def moved_by_change(before: PlanData, after: PlanData, *, except_cohort: str | None = None
                    ) -> list[Moved]:
    """The courses whose month a change moved, other than ``except_cohort`` (the course the
    change itself moved). Read from the organisations' places, so a course renumbered or
    regrouped by the recomputed schedule is still followed: each organisation scheduled for
    a module in both plans, in a different month, is a course that moved."""
    months_after = {(n.org_id, n.module_code): n.month for n in after.needs
                    if n.status == SCHEDULED and n.month}
    out: dict[tuple[str, str, str], set[str]] = {}
    for need in before.needs:
        if need.status != SCHEDULED or not need.month or (
                except_cohort and need.cohort_id == except_cohort):
            continue
        month = months_after.get((need.org_id, need.module_code))
        if month and month != need.month:
            out.setdefault((need.module_code, need.month, month), set()).add(need.org_id)
    return [Moved(code, was, now, tuple(sorted(orgs)))
            for (code, was, now), orgs in sorted(out.items(), key=lambda kv: (
                kv[0][1], kv[0][0], kv[0][2]))]


def edits_turned(before: PlanData, after: PlanData) -> list[OperationResult]:
    """The edits that applied in ``before`` and do not in ``after`` — what a change (a new
    edit, a withdrawn one, new data) did to the edits made before it: each one's result in
    ``after``, with the reason it no longer holds, in the order the edits were made."""
    held = {r.op_id for r in before.operations if r.status == APPLIED}
    return [r for r in after.operations if r.op_id in held and r.status != APPLIED]
