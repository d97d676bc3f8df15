"""Coordinator edits, stored as operations and replayed on every regeneration.

An edit is never applied to a plan's output; it is kept as an operation (a small frozen
record with an ``op_id``) and replayed in order each time the plan is generated, so new
assessments and manual decisions combine. Replaying reports, per operation, one of:

* ``applied`` — it took effect;
* ``noop`` — nothing to do (e.g. the module is already planned);
* ``missing`` — its target no longer exists (a cohort id that is gone, an organisation
  that no longer needs the module): reported, never silently dropped;
* ``conflict`` — it would break a rule (capacity, prerequisites, cohort size, blackout);
  the plan keeps the rule and says why.

Whatever did not apply carries its reason as data (``core.reasons``: the rule and its
numbers), so a page says it in the reader's words; the English message is for the command
line.

Operations: move a cohort to another month, drop or add a module for an organisation,
move an organisation to another cohort of the same module, and lock a cohort (its
members and month are kept as they were when locked).

A cohort's id (``CHG-101/en/02``) is its position among the cohorts of its module and
language, which another edit or new data renumbers. So an edit that names a cohort also
records who was in it when the edit was made (``members``, ``to_members``), and is
replayed on the cohort of the same module and language that has most of those
organisations now (:func:`find_cohort`); when none has any, the edit no longer finds its
course and says so (``missing``). Edits stored before members were recorded name the
cohort by id, as they always did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import MISSING as NO_DEFAULT
from dataclasses import dataclass, fields
from typing import Any

from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.inputs import Constraints, PlanInputError, month_number
from govcap.planning.core.needs import NeedKey, Positions, gap_line, make_need
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    Cohort,
    CohortMember,
    Need,
    OperationResult,
    PlanData,
)
from govcap.planning.core.reasons import English, Reason, outcome_words

APPLIED, NOOP, MISSING, CONFLICT = "applied", "noop", "missing", "conflict"


@dataclass(frozen=True)
class MoveCohort:
    op_id: str
    cohort_id: str
    month: str
    # the cohort's organisations when the edit was made: what names it (see find_cohort)
    members: tuple[str, ...] = ()
    # the month it was in when the edit was made ("": not known), what the edit says it
    # moved from; the replay never reads it
    from_month: str = ""


@dataclass(frozen=True)
class DropModule:
    op_id: str
    org_id: str
    module_code: str


@dataclass(frozen=True)
class AddModule:
    op_id: str
    org_id: str
    module_code: str


@dataclass(frozen=True)
class MoveMember:
    op_id: str
    org_id: str
    module_code: str
    to_cohort_id: str
    # the target cohort's organisations when the edit was made (see find_cohort)
    to_members: tuple[str, ...] = ()


@dataclass(frozen=True)
class LockCohort:
    op_id: str
    cohort_id: str
    module_code: str
    language: str
    members: tuple[str, ...]
    month: str | None = None


Operation = MoveCohort | DropModule | AddModule | MoveMember | LockCohort

KINDS: dict[str, type] = {
    "move-cohort": MoveCohort, "drop-module": DropModule, "add-module": AddModule,
    "move-member": MoveMember, "lock-cohort": LockCohort,
}
_KIND_OF = {cls: kind for kind, cls in KINDS.items()}


def kind_of(op: Operation) -> str:
    return _KIND_OF[type(op)]


_TUPLES = frozenset({"members", "to_members"})
_UNKNOWN_EMPTY = frozenset({"from_month"})  # not stored when not known, as before it was kept


def operation_to_dict(op: Operation) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind_of(op)}
    for f in fields(op):
        value = getattr(op, f.name)
        if (f.name in _TUPLES and f.default == () and not value) or (
                f.name in _UNKNOWN_EMPTY and not value):
            continue  # an edit that names its course by id alone reads as it was stored
        data[f.name] = list(value) if isinstance(value, tuple) else value
    return data


def operation_from_dict(data: Mapping[str, Any]) -> Operation:
    """Rebuild a stored operation; a malformed record raises :class:`PlanInputError`."""
    kind = data.get("kind")
    cls = KINDS.get(str(kind))
    if cls is None:
        raise PlanInputError(f"operation {data.get('op_id', '?')}: unknown kind {kind!r}")
    values = {}
    for f in fields(cls):
        if f.name in data:
            value = data[f.name]
            values[f.name] = tuple(value) if f.name in _TUPLES else value
        elif f.default is NO_DEFAULT:
            raise PlanInputError(f"operation {data.get('op_id', '?')} ({kind}): "
                                 f"{f.name} missing")
    op: Operation = cls(**values)
    return op


def lock_cohort(plan: PlanData, cohort_id: str, op_id: str) -> LockCohort:
    """The operation that freezes a cohort of ``plan`` as it is now."""
    for cohort in plan.cohorts:
        if cohort.cohort_id == cohort_id:
            return LockCohort(op_id, cohort_id, cohort.module_code, cohort.language,
                              cohort.org_ids, cohort.month)
    raise KeyError(f"the plan has no cohort {cohort_id!r}")


def move_cohort(plan: PlanData, cohort_id: str, month: str, op_id: str) -> MoveCohort:
    """The operation that moves the cohort ``cohort_id`` of ``plan`` (the plan the
    coordinator sees) to ``month``, naming it by its organisations."""
    cohort = _cohort_of(plan, cohort_id)
    return MoveCohort(op_id, cohort_id, month, cohort.org_ids, cohort.month or "")


def move_member(plan: PlanData, org_id: str, module_code: str, to_cohort_id: str,
                op_id: str) -> MoveMember:
    """The operation that moves ``org_id`` into the cohort ``to_cohort_id`` of ``plan``,
    naming that cohort by its organisations."""
    target = _cohort_of(plan, to_cohort_id)
    return MoveMember(op_id, org_id, module_code, to_cohort_id,
                      tuple(o for o in target.org_ids if o != org_id))


def _cohort_of(plan: PlanData, cohort_id: str) -> Cohort:
    for cohort in plan.cohorts:
        if cohort.cohort_id == cohort_id:
            return cohort
    raise KeyError(f"the plan has no cohort {cohort_id!r}")


def cohort_parts(cohort_id: str) -> tuple[str, str]:
    """(module code, language) of a cohort id ``CODE/language/NN``."""
    parts = cohort_id.rsplit("/", 2)
    return (parts[0], parts[1]) if len(parts) == 3 else (cohort_id, "")


def find_cohort(cohorts: Mapping[str, Cohort], cohort_id: str, members: Sequence[str],
                ) -> Cohort | None:
    """The cohort an edit names: of the module and language of ``cohort_id``, the one
    holding most of ``members`` (the organisations it had when the edit was made); on a
    tie, the one that differs least from them, then the one still numbered ``cohort_id``.
    None when no cohort of that module and language holds any of them. Without
    ``members`` (an edit stored before they were recorded), the cohort ``cohort_id``."""
    if not members:
        return cohorts.get(cohort_id)
    code, language = cohort_parts(cohort_id)
    wanted = set(members)
    best: tuple[int, int, bool, str] | None = None
    found = None
    for cohort in cohorts.values():
        if cohort.module_code != code or cohort.language != language:
            continue
        orgs = set(cohort.org_ids)
        shared = len(wanted & orgs)
        if not shared:
            continue
        key = (-shared, len(wanted ^ orgs), cohort.cohort_id != cohort_id, cohort.cohort_id)
        if best is None or key < best:
            best, found = key, cohort
    return found


def check_operations(operations: Sequence[Operation]) -> None:
    seen: set[str] = set()
    for op in operations:
        if type(op) not in _KIND_OF:
            raise PlanInputError(f"not an operation: {op!r}")
        if not op.op_id or op.op_id in seen:
            raise PlanInputError(f"operation ids must be unique and non-empty: {op.op_id!r}")
        seen.add(op.op_id)


Results = dict[str, OperationResult]


def _result(results: Results, op: Operation, status: str, why: str | Reason,
            names: Mapping[str, str] | None = None) -> None:
    """What replaying ``op`` did: a message when it applied, else the reason it did not
    (organisations named from ``names`` in the English message)."""
    kind = kind_of(op)
    if isinstance(why, str):
        results[op.op_id] = OperationResult(op.op_id, kind, status, why)
        return
    message = outcome_words(kind, why.rule, why.facts, English(names))
    results[op.op_id] = OperationResult(op.op_id, kind, status, message, why.rule,
                                        dict(why.facts))


def apply_additions(operations: Sequence[Operation], needs: dict[NeedKey, Need],
                    pos: Positions, catalogue: Catalogue, results: Results) -> None:
    for op in operations:
        if not isinstance(op, AddModule):
            continue
        org = pos.organisations.get(op.org_id)
        if org is None:
            _result(results, op, MISSING, Reason("org-not-in-plan", {"org": op.org_id}))
        elif op.module_code not in catalogue.by_code:
            _result(results, op, MISSING, Reason("module-not-in-catalogue",
                                                 {"module": op.module_code}))
        elif (op.org_id, op.module_code) in needs:
            _result(results, op, NOOP, Reason("already-has", {
                "org": op.org_id, "module": op.module_code}), {op.org_id: org.org_name})
        else:
            need = make_need(org, op.module_code, catalogue, "added")
            module = catalogue.by_code[op.module_code]
            need.sections = tuple(s for s in module.sections if (op.org_id, s) in pos.gaps)
            # the gaps it serves, as a need the ratings call for carries them: a "Plan
            # coaching instead" keeps the evidence of the course it replaces
            served = [pos.gaps[(op.org_id, s)] for s in need.sections]
            need.rating_ids = tuple(g.rating_id for g in served)
            need.op_id = op.op_id
            need.rationale = (f"Added for {org.org_name} by the coordinator "
                              f"(operation {op.op_id}).", *(gap_line(g) for g in served))
            needs[(op.org_id, op.module_code)] = need
            _result(results, op, APPLIED, f"{op.module_code} added for {org.org_name}")


def refuse_new_training(operations: Sequence[Operation], results: Results) -> None:
    """An earlier round's plan once the next round of its country exists plans nothing new:
    every edit but leaving a need out (which adds nothing) does not apply, and says why."""
    for op in operations:
        if not isinstance(op, DropModule):
            _result(results, op, CONFLICT, Reason("later-round"))


def drop_targets(operations: Sequence[Operation]) -> set[NeedKey]:
    return {(op.org_id, op.module_code) for op in operations if isinstance(op, DropModule)}


def apply_drops(operations: Sequence[Operation], needs: dict[NeedKey, Need],
                results: Results) -> None:
    """Mark the needs the coordinator dropped (before prerequisites are pulled in)."""
    for op in operations:
        if isinstance(op, DropModule) and (op.org_id, op.module_code) in needs:
            need = needs[(op.org_id, op.module_code)]
            need.status, need.op_id = DROPPED, op.op_id
            _result(results, op, APPLIED, f"{op.module_code} dropped for {need.org_name}")


def report_unmatched_drops(operations: Sequence[Operation], needs: dict[NeedKey, Need],
                           skipped: set[NeedKey], results: Results) -> None:
    for op in operations:
        if not isinstance(op, DropModule) or op.op_id in results:
            continue
        if (op.org_id, op.module_code) in skipped:
            _result(results, op, APPLIED, f"{op.module_code} kept out as a prerequisite "
                                          f"for {op.org_id}")
        else:
            _result(results, op, MISSING, Reason("no-longer-needs", {
                "org": op.org_id, "module": op.module_code}))


def apply_member_moves(operations: Sequence[Operation], cohorts: dict[str, Cohort],
                       needs: dict[NeedKey, Need], catalogue: Catalogue,
                       results: Results) -> None:
    """Move organisations between cohorts of one module, keeping size limits."""
    for op in operations:
        if not isinstance(op, MoveMember):
            continue
        need = needs.get((op.org_id, op.module_code))
        target = find_cohort(cohorts, op.to_cohort_id, op.to_members)
        source = cohorts.get(need.cohort_id) if need is not None and need.cohort_id else None
        names = {op.org_id: need.org_name} if need is not None else {}
        if need is None or need.status == DROPPED or source is None:
            _result(results, op, MISSING, Reason("in-no-cohort", {
                "org": op.org_id, "module": op.module_code}), names)
            continue
        if target is None or target.module_code != op.module_code:
            _result(results, op, MISSING, Reason("cohort-gone", {"module": op.module_code}))
            continue
        if target is source:
            _result(results, op, NOOP, Reason("already-in", {"org": op.org_id}), names)
            continue
        problem = _member_move_problem(source, target, op.org_id,
                                       catalogue.by_code[op.module_code])
        if problem is not None:
            _result(results, op, CONFLICT, problem, names)
            continue
        member = next(m for m in source.members if m.org_id == op.org_id)
        source.set_members(tuple(m for m in source.members if m.org_id != op.org_id))
        target.set_members((*target.members, CohortMember(op.org_id, member.participants)))
        target.priority = max(target.priority, need.score)
        need.cohort_id = target.cohort_id
        if not source.members:
            del cohorts[source.cohort_id]
        _result(results, op, APPLIED, f"{op.org_id} moved to {target.cohort_id}")


def _member_move_problem(source: Cohort, target: Cohort, org_id: str,
                         module: Module) -> Reason | None:
    """The rule moving ``org_id`` from ``source`` to ``target`` would break, or None."""
    participants = next(m.participants for m in source.members if m.org_id == org_id)
    left = source.participants - participants
    if target.language != source.language:
        return Reason("other-language", {"cohort": target.cohort_id,
                                         "language": target.language})
    if source.locked or target.locked:
        return Reason("locked-cohort")
    if module.at_workplace:  # a coaching works with one organisation's own team
        return Reason("own-team", {"cohort": target.cohort_id})
    if target.participants + participants > module.max_cohort:
        return Reason("cohort-over-max", {"cohort": target.cohort_id,
                                          "participants": target.participants + participants,
                                          "limit": module.max_cohort})
    if 0 < left < module.min_cohort:
        return Reason("cohort-under-min", {"cohort": source.cohort_id, "participants": left,
                                           "limit": module.min_cohort})
    return None


def _month_problem(month: str, constraints: Constraints) -> Reason | None:
    """Why no course can go in ``month`` whatever else is planned, or None."""
    try:
        number = month_number(month)
    except PlanInputError:
        return Reason("not-a-month", {"month": month})
    months = constraints.months
    if number < month_number(months[0]):
        return Reason("before-first-month", {"month": month, "first_month": months[0]})
    if number > month_number(months[-1]):
        return Reason("after-horizon", {"month": month, "last_month": months[-1]})
    if month in constraints.blackout_months:
        return Reason("blackout-month", {"month": month})
    if month in constraints.closed_months:
        block = constraints.blocks[month]
        return Reason("blocked-month", {"month": month, "reasons": block.reasons})
    return None


def requested_pins(operations: Sequence[Operation], cohorts: Mapping[str, Cohort],
                   constraints: Constraints, results: Results) -> dict[str, tuple[str, str]]:
    """cohort id → (month, op id) from moves and locks; later operations win, and a move
    a later one replaces says so (``noop``, ``moved-again``) rather than "applied"."""
    pins: dict[str, tuple[str, str]] = {}
    by: dict[str, Operation] = {}  # the operation that pinned each cohort
    for op in operations:
        if isinstance(op, LockCohort):
            if op.month is None or results.get(op.op_id, None) is None:
                continue
            if results[op.op_id].status != APPLIED or op.cohort_id not in cohorts:
                continue
            month, cohort_id = op.month, op.cohort_id
        elif isinstance(op, MoveCohort):
            found = find_cohort(cohorts, op.cohort_id, op.members)
            if found is None:
                _result(results, op, MISSING, Reason("cohort-gone", {
                    "module": cohort_parts(op.cohort_id)[0]}))
                continue
            month, cohort_id = op.month, found.cohort_id
        else:
            continue
        problem = _month_problem(month, constraints)
        if problem is not None:
            _result(results, op, CONFLICT, problem)
            continue
        earlier = by.get(cohort_id)
        if isinstance(earlier, MoveCohort) and month != pins[cohort_id][0]:
            _result(results, earlier, NOOP, Reason("moved-again", {"month": month}))
        pins[cohort_id], by[cohort_id] = (month, op.op_id), op
        if isinstance(op, MoveCohort):  # the course and month as data: what documents read
            results[op.op_id] = OperationResult(op.op_id, kind_of(op), APPLIED,
                                                f"{cohort_id} placed in {month}",
                                                facts={"cohort": cohort_id, "month": month})
    return pins


def pin_failed(results: Results, op_id: str, cohort_id: str, reason: Reason,
               names: Mapping[str, str]) -> None:
    """The scheduler could not put a pinned course in its month: the edit conflicts, with
    the rule that stopped it (organisations named from ``names``)."""
    old = results.get(op_id)
    if old is None:
        return
    words = outcome_words(old.kind, reason.rule, reason.facts, English(names))
    results[op_id] = OperationResult(op_id, old.kind, CONFLICT,
                                     f"{words}; {cohort_id} scheduled normally instead",
                                     reason.rule, dict(reason.facts))


__all__ = [
    "APPLIED", "CONFLICT", "MISSING", "NOOP", "SCHEDULED", "AddModule", "DropModule",
    "LockCohort", "MoveCohort", "MoveMember", "Operation", "find_cohort", "lock_cohort",
    "move_cohort", "move_member", "operation_from_dict", "operation_to_dict",
]
