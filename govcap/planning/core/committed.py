"""Courses of an earlier version that are already facts: a new draft keeps them.

A cohort whose delivery is running, being prepared with dates, or completed is not a
proposal any more: the next version of the plan keeps it, with the same cohort ID, in the
month it actually starts (``month``, which may be before the new horizon), with the
organisations the earlier version put in it. Their needs are held by it (no second cohort
of the same module for the same organisations), the courses that come after it are placed
after its month, it takes its organisations' room in that month, and it is costed once in
the budget, marked as committed (``Cohort.delivery``, ``Budget.committed_cents``). Only what
has not started is planned again; a cancelled delivery is not committed, so its needs are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import month_number
from govcap.planning.core.needs import NeedKey
from govcap.planning.core.plan import DROPPED, SCHEDULED, Cohort, CohortMember, Need, Organisation

# Delivery statuses that make a cohort a fact (a planned delivery only once it has dates).
RUNNING, PREPARED, COMPLETED = "in_progress", "planned", "completed"
COMMITTED_STATUSES = (PREPARED, RUNNING, COMPLETED)


@dataclass(frozen=True)
class CommittedCohort:
    """A delivered, running or prepared cohort of plan version ``plan_version``."""

    cohort_id: str
    module_code: str
    language: str
    month: str  # when it starts (or started), "YYYY-MM"
    status: str  # its delivery's status: planned | in_progress | completed
    members: tuple[tuple[str, int], ...]  # (organisation id, participants)
    plan_version: int

    def __post_init__(self) -> None:
        month_number(self.month)


def carry_committed(committed: Iterable[CommittedCohort], needs: dict[NeedKey, Need],
                    catalogue: Catalogue,
                    organisations: Mapping[str, Organisation]) -> dict[str, Cohort]:
    """The committed cohorts as cohorts of the new version, fixed in their month; each
    member's need is held by its cohort (one made for a member that no longer has it, so
    the course is still counted for it). Members whose organisation is not in the plan any
    more are left out; a cohort of a module the catalogue no longer has is not carried."""
    out: dict[str, Cohort] = {}
    taken: set[NeedKey] = set()
    for c in sorted(committed, key=lambda c: c.cohort_id):
        module = catalogue.by_code.get(c.module_code)
        if module is None or c.cohort_id in out:
            continue
        members: list[CohortMember] = []
        score = 0.0
        for org_id, participants in sorted(c.members):
            org = organisations.get(org_id)
            key = (org_id, c.module_code)
            if org is None or key in taken:
                continue
            need = needs.get(key)
            if need is None:
                need = needs[key] = Need(org_id, org.org_name, module.code, module.domain,
                                         module.step, c.language, participants, "committed")
            need.cohort_id, need.status, need.month = c.cohort_id, SCHEDULED, c.month
            taken.add(key)
            score = max(score, need.score)
            members.append(CohortMember(org_id, participants))
        if not members:
            continue
        cohort = Cohort(c.cohort_id, module.code, module.domain, c.language, tuple(members),
                        score, month=c.month, status=SCHEDULED, locked=True)
        cohort.delivery, cohort.carried_from = c.status, c.plan_version
        out[c.cohort_id] = cohort
    return out


@contextmanager
def held_needs(needs: Mapping[NeedKey, Need], fixed: Mapping[str, Cohort]) -> Iterator[None]:
    """The needs a committed cohort holds, set aside (as dropped, which cohort forming
    skips) for the duration, then scheduled again."""
    held = [n for n in needs.values() if n.cohort_id in fixed]
    for need in held:
        need.status = DROPPED
    try:
        yield
    finally:
        for need in held:
            need.status = SCHEDULED


def renumber_clashes(cohorts: dict[str, Cohort], fixed: Mapping[str, Cohort],
                     needs: Mapping[NeedKey, Need]) -> dict[str, Cohort]:
    """New cohorts keep their IDs unless a committed cohort has it: then the next free
    number of the module and language (so a delivery's cohort ID names one cohort)."""
    used = set(fixed) | set(cohorts)
    out: dict[str, Cohort] = {}
    for cid, cohort in cohorts.items():
        if cid in fixed:
            stem = cid.rsplit("/", 1)[0]
            number = 1
            while f"{stem}/{number:02d}" in used:
                number += 1
            new = f"{stem}/{number:02d}"
            used.add(new)
            cohort.cohort_id = new
            for m in cohort.members:
                need = needs.get((m.org_id, cohort.module_code))
                if need is not None and need.cohort_id == cid:
                    need.cohort_id = new
            cid = new
        out[cid] = cohort
    return out
