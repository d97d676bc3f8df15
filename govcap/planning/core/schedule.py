"""Placing cohorts in the months of the plan horizon.

Rules, never broken:

* a cohort comes strictly after the cohorts its members take first (prerequisites and
  lower level steps on the same section): month > every such cohort's month;
* at most ``max_parallel`` cohorts in a month, and at most ``domain_limit(domain)`` of a
  training domain;
* nothing in a blackout month or outside the horizon.

Method: list scheduling, month by month. A cohort becomes ready the month after its last
predecessor; each month the ready cohorts are placed by effective priority (its own
priority raised to that of any cohort waiting on it, so a prerequisite is not starved),
then cohort id. Cohorts pinned by an edit are placed in their month first, if they are
ready and the month has room; otherwise the edit is reported as a conflict and the cohort
is scheduled normally. Ancestors of pinned cohorts go first among equals so the pin can
hold. Whatever does not fit is reported with its reason (``capacity``, ``horizon`` or
``prerequisite-unfit``), never dropped. Cost: O(C log C + E) for C cohorts and E links.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.edits import Results, pin_outcome
from govcap.planning.core.inputs import Constraints
from govcap.planning.core.needs import NeedKey
from govcap.planning.core.plan import SCHEDULED, UNFIT, UNSCHEDULED, Cohort, Need, Unfit


def _links(ids: list[str], cohorts: Mapping[str, Cohort],
           needs: Mapping[NeedKey, Need]) -> list[set[int]]:
    index = {cid: i for i, cid in enumerate(ids)}
    preds: list[set[int]] = [set() for _ in ids]
    for i, cid in enumerate(ids):
        cohort = cohorts[cid]
        for member in cohort.members:
            for first in needs[(member.org_id, cohort.module_code)].after:
                other = needs[(member.org_id, first)].cohort_id
                if other is not None and other in index:
                    preds[i].add(index[other])
    return preds


class _Run:
    """Mutable state of one scheduling pass."""

    def __init__(self, ids: list[str], cohorts: Mapping[str, Cohort],
                 preds: list[set[int]], constraints: Constraints, horizon: int):
        n = len(ids)
        self.ids, self.constraints, self.horizon = ids, constraints, horizon
        self.domain = [cohorts[cid].domain for cid in ids]
        self.succs: list[list[int]] = [[] for _ in ids]
        for i in range(n):
            for d in sorted(preds[i]):
                self.succs[d].append(i)
        self.indeg = [len(p) for p in preds]
        self.earliest = [0] * n
        self.placed: list[int | None] = [None] * n
        self.buckets: list[list[int]] = [[] for _ in range(horizon)]
        self.heaps: dict[str, list[tuple[int, float, str, int]]] = {}
        self.effective: list[float] = []
        self.boost: list[int] = []
        self.pinned: dict[int, tuple[int, str]] = {}
        self.left = 0
        self.left_in: dict[str, int] = {}

    def push(self, i: int) -> None:
        key = (-self.boost[i], -self.effective[i], self.ids[i], i)
        heapq.heappush(self.heaps.setdefault(self.domain[i], []), key)

    def release(self, i: int, now: int) -> None:
        if i in self.pinned or self.earliest[i] >= self.horizon:
            return
        if self.earliest[i] <= now:
            self.push(i)
        else:
            self.buckets[self.earliest[i]].append(i)

    def open_month(self, m: int) -> None:
        for i in self.buckets[m]:
            self.push(i)
        self.left = self.constraints.max_parallel
        self.left_in = {}

    def room(self, d: str) -> int:
        return min(self.left, self.left_in.setdefault(d, self.constraints.domain_limit(d)))

    def place(self, i: int, m: int) -> None:
        self.placed[i] = m
        self.left -= 1
        self.left_in[self.domain[i]] -= 1
        for s in self.succs[i]:
            self.indeg[s] -= 1
            self.earliest[s] = max(self.earliest[s], m + 1)
            if self.indeg[s] == 0:
                self.release(s, m)

    def fill(self, m: int) -> None:
        while self.left > 0:
            best: tuple[int, float, str, int] | None = None
            for d, heap in self.heaps.items():
                if heap and self.room(d) > 0 and (best is None or heap[0] < best):
                    best = heap[0]
            if best is None:
                return
            heapq.heappop(self.heaps[self.domain[best[3]]])
            self.place(best[3], m)


def schedule_cohorts(cohorts: dict[str, Cohort], needs: dict[NeedKey, Need],
                     catalogue: Catalogue, constraints: Constraints,
                     pins: Mapping[str, tuple[str, str]], results: Results) -> list[Unfit]:
    months = constraints.months
    horizon = len(months)
    blackout = {i for i, m in enumerate(months) if m in constraints.blackout_months}
    ids = list(cohorts)
    index = {cid: i for i, cid in enumerate(ids)}
    preds = _links(ids, cohorts, needs)
    run = _Run(ids, cohorts, preds, constraints, horizon)

    depth = catalogue.depth
    run.effective = [cohorts[cid].priority for cid in ids]
    for i in sorted(range(len(ids)), key=lambda i: -depth[cohorts[ids[i]].module_code]):
        for d in preds[i]:
            run.effective[d] = max(run.effective[d], run.effective[i])
    month_index = {m: i for i, m in enumerate(months)}
    run.pinned = {index[cid]: (month_index[month], op_id)
                  for cid, (month, op_id) in pins.items() if cid in index}
    pins_at: dict[int, list[int]] = {}
    for i, (m, _) in run.pinned.items():
        pins_at.setdefault(m, []).append(i)
    run.boost = [0] * len(ids)
    stack = list(run.pinned)
    while stack:
        for d in preds[stack.pop()]:
            if not run.boost[d]:
                run.boost[d] = 1
                stack.append(d)

    for i in range(len(ids)):
        if run.indeg[i] == 0:
            run.release(i, 0)
    for m in range(horizon):
        run.open_month(m)
        if m in blackout:
            continue
        for i in pins_at.get(m, ()):
            ready = run.indeg[i] == 0 and run.earliest[i] <= m
            if ready and run.room(run.domain[i]) > 0:
                run.place(i, m)
                continue
            _, op_id = run.pinned.pop(i)
            why = ("its prerequisites are not done before then" if not ready
                   else "that month is already full")
            pin_outcome(results, op_id, False, f"{ids[i]} cannot go in {months[m]}: {why}; "
                                               "scheduled normally instead")
            if run.indeg[i] == 0:
                run.release(i, m)
        run.fill(m)
    return _outcome(run, cohorts, needs, preds, months)


def _outcome(run: _Run, cohorts: Mapping[str, Cohort], needs: Mapping[NeedKey, Need],
             preds: list[set[int]], months: tuple[str, ...]) -> list[Unfit]:
    unfit: list[Unfit] = []
    constraints = run.constraints
    for i, cid in enumerate(run.ids):
        cohort = cohorts[cid]
        month = run.placed[i]
        if month is not None:
            cohort.month, cohort.status = months[month], SCHEDULED
            cohort.pinned = i in run.pinned
            for member in cohort.members:
                need = needs[(member.org_id, cohort.module_code)]
                need.month, need.status = cohort.month, SCHEDULED
            continue
        cohort.month, cohort.status, cohort.pinned = None, UNSCHEDULED, False
        blocker = next((run.ids[d] for d in sorted(preds[i]) if run.placed[d] is None), None)
        if blocker is not None:
            reason, message = "prerequisite-unfit", f"waits for {blocker}, which did not fit"
        elif run.earliest[i] >= run.horizon:
            reason, message = "horizon", (f"its prerequisites end too late to fit before the "
                                          f"end of {months[-1]}")
        else:
            reason = "capacity"
            message = (f"no free slot up to {months[-1]} (at most {constraints.max_parallel} "
                       f"cohorts a month, {constraints.domain_limit(cohort.domain)} in "
                       f"{cohort.domain}, blackout months excluded)")
        for member in cohort.members:
            need = needs[(member.org_id, cohort.module_code)]
            need.status, need.month = UNFIT, None
            unfit.append(Unfit(need.org_id, need.org_name, need.module_code, None, need.step,
                               reason, message, cid))
    return unfit
