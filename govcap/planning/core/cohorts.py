"""Grouping organisations that need the same module into cohorts.

Per module and language of delivery, organisations are taken in priority order and cut
into the fewest cohorts that respect the module's maximum size, balanced so that no
cohort is left with a remnant (``pack``). A workplace intervention (coaching, an on-the-job
project) is one per organisation, with at most the module's maximum of its people. Each organisation sends
``Constraints.participants(org)`` people. A group too small for the module's minimum is
topped up: its organisations send one more participant each in turn (priority order), up
to ``Constraints.max_participants_per_org``, and the rationale says so. A group that still
falls short, or an organisation sending more people than the maximum, is reported unfit. A need whose
prerequisite is unfit is unfit too (it cannot start). Locked cohorts are rebuilt first,
from their recorded members. Cost: O(n) per module and language, apart from sorting.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.edits import APPLIED, CONFLICT, MISSING, LockCohort, Results, _result
from govcap.planning.core.needs import NeedKey
from govcap.planning.core.plan import DROPPED, UNFIT, Cohort, CohortMember, Need, Unfit
from govcap.planning.core.reasons import Reason


def pack(sizes: Sequence[int], capacity: int) -> list[range]:
    """Cut ``sizes`` (in order) into consecutive groups of at most ``capacity``.

    Uses the fewest groups it can and fills them evenly, so the last group is not a
    small remnant. Every size must be ≤ capacity.
    """
    if not sizes:
        return []
    total = sum(sizes)
    groups = max(1, math.ceil(total / capacity))
    while True:
        cut = _fill(sizes, capacity, groups, total)
        if cut is not None:
            return cut
        groups += 1


def _fill(sizes: Sequence[int], capacity: int, groups: int, total: int) -> list[range] | None:
    """Cut at the item boundaries nearest to k/groups of the total; None if it overflows."""
    out: list[range] = []
    i, n, done = 0, len(sizes), 0
    for g in range(groups):
        last = g == groups - 1
        goal = total * (g + 1) / groups
        load, start = 0, i
        while i < n and load + sizes[i] <= capacity and (
                last or load == 0 or done + load + sizes[i] / 2 <= goal):
            load += sizes[i]
            i += 1
        if i > start:
            out.append(range(start, i))
        done += load
    return out if i == n else None


def _unfit(need: Need, reason: str, message: str, cohort_id: str | None = None,
           waits_for: str = "") -> Unfit:
    need.status, need.cohort_id = UNFIT, None
    return Unfit(need.org_id, need.org_name, need.module_code, None, need.step, reason,
                 message, cohort_id, waits_for=waits_for)


def _cohort(cohort_id: str, module: Module, language: str, members: Sequence[Need],
            locked: bool = False) -> Cohort:
    for need in members:
        need.cohort_id = cohort_id
    return Cohort(cohort_id, module.code, module.domain, language,
                  tuple(CohortMember(n.org_id, n.participants) for n in members),
                  priority=max(n.score for n in members), locked=locked)


def top_up(members: Sequence[Need], minimum: int, per_org: int,
           away: Mapping[str, int] | None = None) -> bool:
    """Raise participants round-robin (up to ``per_org`` each, and no more than the staff
    an organisation can have away at once, ``away``) to reach ``minimum``."""
    caps = {n.org_id: min(per_org, (away or {}).get(n.org_id, per_org)) for n in members}
    size = sum(n.participants for n in members)
    room = sum(max(0, caps[n.org_id] - n.participants) for n in members)
    if size >= minimum or size + room < minimum:
        return size >= minimum
    before = {n.org_id: n.participants for n in members}
    while size < minimum:  # terminates: room ≥ minimum − size
        for need in members:
            if size < minimum and need.participants < caps[need.org_id]:
                need.participants += 1
                size += 1
    for need in members:
        if need.participants != before[need.org_id]:
            need.rationale += (f"{need.org_name} sends {need.participants} participants "
                               f"instead of {before[need.org_id]} so the cohort reaches "
                               f"the minimum of {minimum}.",)
    return True


def cohort_id(code: str, language: str, number: int) -> str:
    return f"{code}/{language}/{number:02d}"


def _locked(op: LockCohort, module: Module, pool: dict[str, Need], used: set[str],
            results: Results, per_org_cap: int,
            away: Mapping[str, int] | None) -> Cohort | None:
    if not op.cohort_id.startswith(f"{module.code}/{op.language}/"):
        _result(results, op, CONFLICT, Reason("lock-mismatch", {
            "module": module.code, "language": op.language}))
        return None
    if op.cohort_id in used:
        _result(results, op, CONFLICT, Reason("locked-twice"))
        return None
    # in priority order, as the cohort was formed: topped up the same way
    present = sorted((pool[o] for o in set(op.members) if o in pool),
                     key=lambda n: (-n.score, n.org_id))
    gone = sorted(set(op.members) - {n.org_id for n in present})
    if not present:
        _result(results, op, MISSING, Reason("lock-gone", {
            "module": module.code, "language": op.language}))
        return None
    size = sum(n.participants for n in present)
    # A cohort planned with a top-up (its members sending more people to reach the
    # minimum) is kept with the same top-up, not recounted without it.
    topped_up = size < module.min_cohort and top_up(present, module.min_cohort,
                                                    per_org_cap, away)
    if topped_up:
        size = sum(n.participants for n in present)
    if not module.min_cohort <= size <= module.max_cohort:
        _result(results, op, CONFLICT, Reason("lock-size", {
            "participants": size, "minimum": module.min_cohort, "maximum": module.max_cohort}))
        return None
    for need in present:
        del pool[need.org_id]
    used.add(op.cohort_id)
    note = f" ({', '.join(gone)} no longer need it)" if gone else ""
    _result(results, op, APPLIED, f"cohort {op.cohort_id} kept with {len(present)} "
                                  f"organisation(s){note}")
    cohort = _cohort(op.cohort_id, module, op.language, present, locked=True)
    cohort.topped_up = topped_up
    return cohort


def form_cohorts(needs: dict[NeedKey, Need], catalogue: Catalogue, locks: Sequence[LockCohort],
                 results: Results, per_org_cap: int,
                 away: Mapping[str, int] | None = None) -> tuple[dict[str, Cohort], list[Unfit]]:
    """Cohorts by id (sorted), and the needs that could not join one."""
    by_module: dict[str, list[Need]] = {}
    for need in needs.values():
        if need.status != DROPPED:
            by_module.setdefault(need.module_code, []).append(need)
    locks_by_module: dict[str, list[LockCohort]] = {}
    for op in locks:
        if op.module_code in catalogue.by_code:
            locks_by_module.setdefault(op.module_code, []).append(op)
        else:
            _result(results, op, MISSING, Reason("module-not-in-catalogue",
                                                 {"module": op.module_code}))
    cohorts: dict[str, Cohort] = {}
    unfit: list[Unfit] = []
    for code in catalogue.order:  # prerequisites are settled before the modules after them
        module = catalogue.by_code[code]
        pools: dict[str, dict[str, Need]] = {}
        for need in sorted(by_module.get(code, ()), key=lambda n: (-n.score, n.org_id)):
            blocker = next((a for a in need.after
                            if needs[(need.org_id, a)].status == UNFIT), None)
            if blocker is not None:
                unfit.append(_unfit(need, "prerequisite-unfit",
                                    f"{blocker} must come first and could not be planned",
                                    waits_for=blocker))
            elif need.participants > module.max_cohort and module.at_workplace:
                # coaching is of the organisation's own team: as many as the coach takes
                need.rationale += (f"{need.org_name} sends {module.max_cohort} participants "
                                   f"instead of {need.participants}: {code} takes a team of "
                                   f"at most {module.max_cohort}.",)
                need.participants = module.max_cohort
                pools.setdefault(need.language, {})[need.org_id] = need
            elif need.participants > module.max_cohort:
                unfit.append(_unfit(need, "over-maximum",
                                    f"{need.participants} participants exceed the maximum "
                                    f"cohort of {module.max_cohort}"))
            else:
                pools.setdefault(need.language, {})[need.org_id] = need
        used: set[str] = set()
        for op in locks_by_module.get(code, ()):
            cohort = _locked(op, module, pools.get(op.language, {}), used, results,
                             per_org_cap, away)
            if cohort is not None:
                cohorts[cohort.cohort_id] = cohort
        for language in sorted(pools):
            members = list(pools[language].values())
            number = 0
            # a coaching or an on-the-job project works with one organisation's own team
            # on its own work: one per organisation, never organisations grouped
            groups = ([range(i, i + 1) for i in range(len(members))] if module.at_workplace
                      else pack([n.participants for n in members], module.max_cohort))
            for group in groups:
                chosen = [members[i] for i in group]
                size = sum(n.participants for n in chosen)
                if not top_up(chosen, module.min_cohort, per_org_cap, away):
                    unfit += [_unfit(n, "below-minimum",
                                     f"only {size} participant(s) in this group for {code} "
                                     f"in {language} (at most {per_org_cap} from each "
                                     f"organisation); the module needs at least "
                                     f"{module.min_cohort}")
                              for n in chosen]
                    continue
                number += 1
                while cohort_id(code, language, number) in used:
                    number += 1
                cid = cohort_id(code, language, number)
                cohorts[cid] = _cohort(cid, module, language, chosen)
                cohorts[cid].topped_up = size < module.min_cohort
    return dict(sorted(cohorts.items())), unfit
