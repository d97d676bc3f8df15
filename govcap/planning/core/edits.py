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

Operations: move a cohort to another month, drop or add a module for an organisation,
move an organisation to another cohort of the same module, and lock a cohort (its
members and month are kept as they were when locked).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import MISSING as NO_DEFAULT
from dataclasses import dataclass, fields
from typing import Any

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import PlanInputError, month_number
from govcap.planning.core.needs import NeedKey, Positions, make_need
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    Cohort,
    CohortMember,
    Need,
    OperationResult,
    PlanData,
)

APPLIED, NOOP, MISSING, CONFLICT = "applied", "noop", "missing", "conflict"


@dataclass(frozen=True)
class MoveCohort:
    op_id: str
    cohort_id: str
    month: str


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


def operation_to_dict(op: Operation) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind_of(op)}
    for f in fields(op):
        value = getattr(op, f.name)
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
            values[f.name] = tuple(value) if f.name == "members" else value
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


def check_operations(operations: Sequence[Operation]) -> None:
    seen: set[str] = set()
    for op in operations:
        if type(op) not in _KIND_OF:
            raise PlanInputError(f"not an operation: {op!r}")
        if not op.op_id or op.op_id in seen:
            raise PlanInputError(f"operation ids must be unique and non-empty: {op.op_id!r}")
        seen.add(op.op_id)


Results = dict[str, OperationResult]


def _result(results: Results, op: Operation, status: str, message: str) -> None:
    results[op.op_id] = OperationResult(op.op_id, kind_of(op), status, message)


def apply_additions(operations: Sequence[Operation], needs: dict[NeedKey, Need],
                    pos: Positions, catalogue: Catalogue, results: Results) -> None:
    for op in operations:
        if not isinstance(op, AddModule):
            continue
        org = pos.organisations.get(op.org_id)
        if org is None:
            _result(results, op, MISSING, f"organisation {op.org_id!r} is not in this plan")
        elif op.module_code not in catalogue.by_code:
            _result(results, op, MISSING, f"module {op.module_code!r} is not in the catalogue")
        elif (op.org_id, op.module_code) in needs:
            _result(results, op, NOOP, f"{org.org_name} already has {op.module_code}")
        else:
            need = make_need(org, op.module_code, catalogue, "added")
            module = catalogue.by_code[op.module_code]
            need.sections = tuple(s for s in module.sections if (op.org_id, s) in pos.gaps)
            need.op_id = op.op_id
            need.rationale = (f"Added for {org.org_name} by the coordinator "
                              f"(operation {op.op_id}).",)
            needs[(op.org_id, op.module_code)] = need
            _result(results, op, APPLIED, f"{op.module_code} added for {org.org_name}")


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
            _result(results, op, MISSING, f"{op.org_id} no longer needs {op.module_code}; "
                                          "nothing to drop")


def apply_member_moves(operations: Sequence[Operation], cohorts: dict[str, Cohort],
                       needs: dict[NeedKey, Need], catalogue: Catalogue,
                       results: Results) -> None:
    """Move organisations between cohorts of one module, keeping size limits."""
    for op in operations:
        if not isinstance(op, MoveMember):
            continue
        need = needs.get((op.org_id, op.module_code))
        target = cohorts.get(op.to_cohort_id)
        source = cohorts.get(need.cohort_id) if need is not None and need.cohort_id else None
        if need is None or need.status == DROPPED or source is None:
            _result(results, op, MISSING, f"{op.org_id} is in no cohort of {op.module_code}")
            continue
        if target is None or target.module_code != op.module_code:
            _result(results, op, MISSING, f"cohort {op.to_cohort_id!r} of {op.module_code} "
                                          "no longer exists")
            continue
        if target is source:
            _result(results, op, NOOP, f"{op.org_id} is already in {op.to_cohort_id}")
            continue
        module = catalogue.by_code[op.module_code]
        member = next(m for m in source.members if m.org_id == op.org_id)
        left = source.participants - member.participants
        problem = ""
        if target.language != source.language:
            problem = f"{op.to_cohort_id} is delivered in {target.language}"
        elif source.locked or target.locked:
            problem = "a locked cohort keeps its members"
        elif target.participants + member.participants > module.max_cohort:
            problem = f"{op.to_cohort_id} would exceed {module.max_cohort} participants"
        elif 0 < left < module.min_cohort:
            problem = f"{source.cohort_id} would fall below {module.min_cohort} participants"
        if problem:
            _result(results, op, CONFLICT, problem)
            continue
        source.set_members(tuple(m for m in source.members if m.org_id != op.org_id))
        target.set_members((*target.members, CohortMember(op.org_id, member.participants)))
        target.priority = max(target.priority, need.score)
        need.cohort_id = target.cohort_id
        if not source.members:
            del cohorts[source.cohort_id]
        _result(results, op, APPLIED, f"{op.org_id} moved to {op.to_cohort_id}")


def requested_pins(operations: Sequence[Operation], cohorts: Mapping[str, Cohort],
                   months: Sequence[str], blackout: frozenset[str],
                   results: Results) -> dict[str, tuple[str, str]]:
    """cohort id → (month, op id) from moves and locks; later operations win."""
    pins: dict[str, tuple[str, str]] = {}
    for op in operations:
        if isinstance(op, LockCohort):
            if op.month is None or results.get(op.op_id, None) is None:
                continue
            if results[op.op_id].status != APPLIED or op.cohort_id not in cohorts:
                continue
            month, cohort_id = op.month, op.cohort_id
        elif isinstance(op, MoveCohort):
            if op.cohort_id not in cohorts:
                _result(results, op, MISSING, f"cohort {op.cohort_id!r} no longer exists")
                continue
            month, cohort_id = op.month, op.cohort_id
        else:
            continue
        try:
            month_number(month)
        except PlanInputError as exc:
            _result(results, op, CONFLICT, str(exc))
            continue
        kept = "members kept, but " if isinstance(op, LockCohort) else ""
        if month not in months:
            _result(results, op, CONFLICT, f"{kept}{month} is outside the plan's horizon "
                                           f"({months[0]} to {months[-1]})")
        elif month in blackout:
            _result(results, op, CONFLICT, f"{kept}{month} is a blackout month")
        else:
            pins[cohort_id] = (month, op.op_id)
            if isinstance(op, MoveCohort):
                _result(results, op, APPLIED, f"{cohort_id} placed in {month}")
    return pins


def pin_outcome(results: Results, op_id: str, ok: bool, message: str) -> None:
    """Record whether the scheduler could honour a pinned month."""
    old = results.get(op_id)
    if old is None:
        return
    if not ok:
        kept = "members kept, but " if old.kind == "lock-cohort" else ""
        results[op_id] = OperationResult(op_id, old.kind, CONFLICT, kept + message)


__all__ = [
    "APPLIED", "CONFLICT", "MISSING", "NOOP", "SCHEDULED", "AddModule", "DropModule",
    "LockCohort", "MoveCohort", "MoveMember", "Operation", "lock_cohort",
    "operation_from_dict", "operation_to_dict",
]
