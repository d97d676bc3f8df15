"""Placing cohorts in the months of the plan horizon.

Rules, never broken:

* a cohort comes strictly after the cohorts its members take first (prerequisites and
  lower level steps on the same section): month > every such cohort's month;
* when it can, a course after the lower-numbered courses of its step and section its
  members take (``Catalogue.numbered_first``), and a coaching or an on-the-job project
  the month after its members' courses of its domain (``Catalogue.coached_after``: the
  team applies at work what the course taught), released when that leaves it no month;
* at most ``max_parallel`` cohorts in a month, and at most ``domain_limit(domain)`` of a
  training domain, counting the classes only (``Module.in_class``): a coaching or an
  on-the-job project is delivered at the workplace by one coach, e-learning is
  self-paced, and neither holds a cohort in a classroom;
* each member organisation stays within its load (``Constraints.capacity``): its
  training days in the month (fewer in a month partly blocked by holidays or Ramadan,
  none in a closed month), its training days in the calendar quarter, and its staff
  away at once (the sum of its participants in the month's classes: nobody is away for
  coaching, an on-the-job project or e-learning);
* nothing in a closed month, before the first month or outside the horizon.

Method: list scheduling, month by month, by priority. A cohort becomes ready the month
after its last predecessor. Each month, the ready cohorts are taken in order of effective
priority (its own priority raised to that of any cohort waiting on it, so a prerequisite
is not starved), then cohort id, and each one goes in if the month and every member
organisation still have room; the others wait for a later month. So a cohort ranked ahead
of another is never left out of a month the other took, unless it was not ready then or
did not fit there — the "priority where capacity allows" the property tests check.
Cohorts pinned by an edit take the room they need in their month before anything is
placed, in the order of the edits (so a later edit cannot take an earlier one's room, and
courses placed in earlier months leave it to them), and go in their month if they are
ready; otherwise the edit is reported as a conflict, with the rule it would break and its
numbers (``core.reasons``, the same reasons a course that fits nowhere gives), and the
months are placed again without that pin, so the cohort is scheduled as if it had not
been moved.
Ancestors of pinned cohorts go first among equals so the pin can hold. Whatever does not
fit is reported with its reason in plain words (``capacity``, ``horizon`` or
``prerequisite-unfit``), never dropped. Cost: O(H · C log C + E) for H months, C cohorts
and E links, once more for each pin that cannot hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.cohorts import top_up
from govcap.planning.core.edits import CONFLICT, Results, pin_failed
from govcap.planning.core.inputs import Constraints, add_months, month_name, quarter_of
from govcap.planning.core.needs import NeedKey
from govcap.planning.core.plan import (
    SCHEDULED,
    UNFIT,
    UNSCHEDULED,
    Blocker,
    Cohort,
    CohortMember,
    Need,
    Organisation,
    OrgLoad,
    Unfit,
)
from govcap.planning.core.reasons import Reason, english

# (organisation, module, the lower-numbered module it no longer waits for): an order by
# number released because the lower-numbered course found no month (``schedule_cohorts``).
Released = frozenset[tuple[str, str, str]]


def _links(ids: list[str], cohorts: Mapping[str, Cohort], needs: Mapping[NeedKey, Need],
           catalogue: Catalogue | None = None, released: Released = frozenset(),
           ) -> tuple[list[set[int]], set[tuple[int, int]]]:
    """Each cohort's predecessors: the cohorts its members take first (``Need.after``),
    and, with ``catalogue``, the cohorts of a lower-numbered module of the same step and
    section its members take (``Catalogue.numbered_first``: EA-101 before EA-102) and, for
    a coaching, the courses of its domain they take (``Catalogue.coached_after``), unless
    ``released``. The second set: the links that are only such a soft order."""
    index = {cid: i for i, cid in enumerate(ids)}
    preds: list[set[int]] = [set() for _ in ids]
    soft: set[tuple[int, int]] = set()
    for i, cid in enumerate(ids):
        cohort = cohorts[cid]
        for member in cohort.members:
            need = needs[(member.org_id, cohort.module_code)]
            for first in need.after:
                other = needs[(member.org_id, first)].cohort_id
                if other is not None and other in index:
                    preds[i].add(index[other])
            for first in (*catalogue.numbered_first.get(cohort.module_code, ()),
                          *catalogue.coached_after.get(cohort.module_code, ())) if catalogue \
                    else ():
                earlier = needs.get((member.org_id, first))
                if (earlier is None or earlier.cohort_id not in index or first in need.after
                        or (member.org_id, cohort.module_code, first) in released):
                    continue
                d = index[earlier.cohort_id]
                if d not in preds[i]:
                    soft.add((i, d))
                preds[i].add(d)
    return preds, {(i, d) for i, d in soft if d in preds[i]}


def effective_priorities(ids: list[str], cohorts: Mapping[str, Cohort],
                         preds: list[set[int]], catalogue: Catalogue) -> list[float]:
    """Each cohort's priority raised to the highest of the cohorts that wait on it."""
    depth = catalogue.schedule_depth
    effective = [cohorts[cid].priority for cid in ids]
    for i in sorted(range(len(ids)), key=lambda i: -depth[cohorts[ids[i]].module_code]):
        for d in preds[i]:
            effective[d] = max(effective[d], effective[i])
    return effective


def spread(module: Module, month: str, closed: frozenset[str]) -> list[tuple[str, int]]:
    """The months ``module`` started in ``month`` takes training days in, with the days:
    a course's all in its month; coaching and an on-the-job project's spread over the
    months that follow, skipping the closed ones (the coach does not come in Ramadan or at
    the fiscal year-end), as the catalogue describes them (``Module.day_parts``)."""
    parts = module.day_parts
    if len(parts) == 1:
        return [(month, parts[0])]
    out = [(month, parts[0])]
    at = month
    for days in parts[1:]:
        at = add_months(at, 1)
        for _ in range(12):
            if at not in closed:
                break
            at = add_months(at, 1)
        out.append((at, days))
    return out


class _Load:
    """What the months hold so far: cohorts overall and per domain, and per organisation
    its training days per month and per quarter and its staff away per month. A
    workplace intervention (coaching, an on-the-job project) counts its days in the
    months it spreads over (``spread``); it and e-learning take nobody away and none of
    the month's cohorts (``Module.in_class``)."""

    def __init__(self, constraints: Constraints, names: Mapping[str, str],
                 catalogue: Catalogue):
        self.c, self.names, self.catalogue = constraints, names, catalogue
        self.count: Counter[str] = Counter()
        self.count_in: Counter[tuple[str, str]] = Counter()
        self.days: Counter[tuple[str, str]] = Counter()
        self.quarter: Counter[tuple[str, int]] = Counter()
        self.away: Counter[tuple[str, str]] = Counter()
        self._limits: dict[tuple[str, str], int] = {}
        self._parts: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self._capacity: dict[str, tuple[int, int, int]] = {}
        self._in_class: dict[str, bool] = {}
        self._best: dict[tuple[str, tuple[str, ...]], int] = {}
        self.blocks = constraints.blocks
        self.closed = constraints.closed_months

    def month_days(self, org: str, month: str) -> int:
        key = (org, month)
        if key not in self._limits:
            self._limits[key] = self.c.days_in(org, month)
        return self._limits[key]

    def best_month(self, org: str, months: tuple[str, ...]) -> int:
        """The most training days ``org`` can take in any one of ``months``."""
        key = (org, months)
        if key not in self._best:
            self._best[key] = max((self.month_days(org, m) for m in months), default=0)
        return self._best[key]

    def parts(self, cohort: Cohort, month: str) -> list[tuple[str, int]]:
        key = (cohort.module_code, month)
        if key not in self._parts:
            self._parts[key] = spread(self.catalogue.by_code[cohort.module_code], month,
                                      self.closed)
        return self._parts[key]

    def capacity(self, org: str) -> tuple[int, int, int]:
        if org not in self._capacity:
            self._capacity[org] = self.c.capacity(org)
        return self._capacity[org]

    def takes_away(self, cohort: Cohort) -> bool:
        """Whether ``cohort`` is a class: one of the month's cohorts, its people away."""
        code = cohort.module_code
        if code not in self._in_class:
            self._in_class[code] = self.catalogue.by_code[code].in_class
        return self._in_class[code]

    def why_not(self, cohort: Cohort, days: int, month: str,
                new_cohort: bool = True, every: bool = False) -> Reason | None:
        """None when ``cohort`` fits in ``month``; else the first limit it breaks, with
        what the month or the organisation would have and its limit. (``days``: the
        module's days; a workplace intervention's are spread, ``parts``.)
        ``new_cohort`` False: its members join a course held elsewhere, which takes none
        of this plan's courses a month. ``every``: each member organisation over a limit
        is named — the first's reason, the others' in its fact ``also`` ({rule, facts}),
        as a coordinator's move that does not hold says them."""
        c = self.c
        new_cohort = new_cohort and self.takes_away(cohort)
        if new_cohort and self.count[month] >= c.max_parallel:
            return Reason("month-full", {"month": month, "limit": c.max_parallel})
        limit = c.domain_limit(cohort.domain)
        if new_cohort and self.count_in[(month, cohort.domain)] >= limit:
            return Reason("domain-full", {"month": month, "domain": cohort.domain,
                                          "limit": limit})
        parts = self.parts(cohort, month)
        found: list[Reason] = []
        for member in cohort.members:
            reason = self._member_why_not(cohort, member, parts, month)
            if reason is not None:
                if not every:
                    return reason
                found.append(reason)
        if len(found) > 1:
            also = tuple({"rule": r.rule, "facts": dict(r.facts)} for r in found[1:])
            return Reason(found[0].rule, {**found[0].facts, "also": also})
        return found[0] if found else None

    def _member_why_not(self, cohort: Cohort, member: CohortMember, parts: list[tuple[str, int]],
                        month: str) -> Reason | None:
        """The first limit of one member organisation ``cohort`` in ``month`` breaks."""
        org = member.org_id
        per_month, per_quarter, away = self.capacity(org)
        in_quarter: dict[int, int] = {}
        for at, part in parts:
            room = self.month_days(org, at)
            if self.days[(org, at)] + part > room:
                facts = {"org": org, "month": at, "days": self.days[(org, at)] + part,
                         "limit": room}
                if room < per_month:
                    block = self.blocks.get(at)
                    return Reason("org-month-days-blocked",
                                  {**facts, "reasons": block.reasons if block else ()})
                return Reason("org-month-days", facts)
            quarter = quarter_of(at)
            in_quarter[quarter] = in_quarter.get(quarter, 0) + part
        for quarter, part in sorted(in_quarter.items()):
            if self.quarter[(org, quarter)] + part > per_quarter:
                return Reason("org-quarter-days", {
                    "org": org, "quarter": month_name(quarter * 3),
                    "days": self.quarter[(org, quarter)] + part, "limit": per_quarter})
        if self.takes_away(cohort) and self.away[(org, month)] + member.participants > away:
            return Reason("staff-away", {
                "org": org, "month": month,
                "away": self.away[(org, month)] + member.participants, "limit": away})
        return None

    def add(self, cohort: Cohort, days: int, month: str) -> None:
        away_too = self.takes_away(cohort)
        if away_too:
            self.count[month] += 1
            self.count_in[(month, cohort.domain)] += 1
        parts = self.parts(cohort, month)
        for member in cohort.members:
            for at, part in parts:
                self.days[(member.org_id, at)] += part
                self.quarter[(member.org_id, quarter_of(at))] += part
            if away_too:
                self.away[(member.org_id, month)] += member.participants


class Room:
    """The months as the schedule left them: where one more module for one organisation
    would fit (what an alternative offered for a need left out must do)."""

    def __init__(self, cohorts: Iterable[Cohort], catalogue: Catalogue,
                 constraints: Constraints):
        self.c, self.catalogue = constraints, catalogue
        self.months, self.closed = constraints.months, constraints.closed_months
        self.load = _Load(constraints, {}, catalogue)
        self._seen: dict[tuple[str, str, int, str, str | None], bool] = {}
        for cohort in cohorts:
            if cohort.month is not None:
                self.load.add(cohort, 0, cohort.month)

    def fits(self, module_code: str, org_id: str, participants: int, after: str = "",
             month: str | None = None) -> bool:
        """Whether ``first_month`` finds a month (only ``month`` when given: joining a
        course held elsewhere then); asked once per question."""
        key = (module_code, org_id, participants, after, month)
        if key not in self._seen:
            self._seen[key] = self.first_month(
                module_code, org_id, participants, after,
                None if month is None else (month,), new_cohort=month is None) is not None
        return self._seen[key]

    def first_month(self, module_code: str, org_id: str, participants: int,
                    after: str = "", months: Iterable[str] | None = None,
                    new_cohort: bool = True) -> str | None:
        """The first open month of ``months`` (the horizon when None), after ``after``,
        in which the module fits for ``org_id`` alone; None when none has room."""
        module = self.catalogue.by_code[module_code]
        alone = Cohort("alternative", module.code, module.domain, "",
                       (CohortMember(org_id, participants),), 0.0)
        closed = self.closed
        for month in self.months if months is None else months:
            if month in closed or month <= after:
                continue
            if self.load.why_not(alone, module.days, month, new_cohort) is None:
                return month
        return None


def _never_fits(cohort: Cohort, days: int, load: _Load,
                months: tuple[str, ...]) -> Reason | None:
    """Why ``cohort`` fits in no month whatever else is planned, or None."""
    c = load.c
    module = load.catalogue.by_code[cohort.module_code]
    most = max(module.day_parts)
    for member in cohort.members:
        org = member.org_id
        per_month, per_quarter, away = c.capacity(org)
        if load.takes_away(cohort) and member.participants > away:
            return Reason("too-many-away", {"org": org, "participants": member.participants,
                                            "limit": away})
        best = load.best_month(org, months)
        if most > min(best, per_quarter):  # a workplace intervention: its largest month
            return Reason("too-long", {"org": org, "days": most, "month_limit": best,
                                       "quarter_limit": per_quarter})
    return None


def schedule_cohorts(cohorts: dict[str, Cohort], needs: dict[NeedKey, Need],
                     catalogue: Catalogue, constraints: Constraints,
                     pins: Mapping[str, tuple[str, str]], results: Results,
                     fixed: Mapping[str, str] | None = None,
                     released: set[tuple[str, str, str]] | None = None) -> list[Unfit]:
    """``fixed``: cohort ID → the month of a course already under way or done
    (core.committed), kept there whatever the rules say; it may be outside the horizon.
    ``released``: the orders by number given up so far (kept across the regrouping's
    rounds, so a course placed out of order is not made to wait again); added to.

    A course waits for the lower-numbered course of its step and section its members take
    (EA-101 before EA-102, as providers teach them); when that order leaves it without a
    month (the other found none, or none after it had room: Somalia's POL-103 after a
    POL-102 in the horizon's last month), the months are placed again without that order
    for those organisations, so the higher-numbered course still runs, and the plan says
    it comes without, or before, the other (``core.diff.without_companion``)."""
    released = set() if released is None else released
    before = dict(results)
    while True:
        unfit, ids, preds, soft, placed = _schedule_once(
            cohorts, needs, catalogue, constraints, pins, results, fixed, frozenset(released))
        more = {(m.org_id, cohorts[ids[i]].module_code, cohorts[ids[d]].module_code)
                for i, d in soft if placed[i] is None
                for m in cohorts[ids[i]].members
                if m.org_id in {o.org_id for o in cohorts[ids[d]].members}}
        if not more - released:
            return unfit
        released |= more
        results.clear()
        results.update(before)


def _schedule_once(cohorts: dict[str, Cohort], needs: dict[NeedKey, Need],
                   catalogue: Catalogue, constraints: Constraints,
                   pins: Mapping[str, tuple[str, str]], results: Results,
                   fixed: Mapping[str, str] | None, released: Released,
                   ) -> tuple[list[Unfit], list[str], list[set[int]], set[tuple[int, int]],
                              list[int | None]]:
    months = constraints.months
    ids = list(cohorts)
    index = {cid: i for i, cid in enumerate(ids)}
    facts = _fixed_indices(fixed or {}, index, months)
    all_preds, all_soft = _links(ids, cohorts, needs, catalogue, released)
    days = [catalogue.by_code[cohorts[cid].module_code].days for cid in ids]
    names = {n.org_id: n.org_name for n in needs.values()}
    month_index = {m: i for i, m in enumerate(months)}
    pinned = {index[cid]: (month_index[month], op_id)
              for cid, (month, op_id) in pins.items()
              if cid in index and month in month_index and index[cid] not in facts}
    # A pin that cannot hold is reported and the months are placed again without it, so
    # its course goes where it would have gone, not to the first month with room after
    # the one asked for. One pin at a time (a pin waiting on a prerequisite may only wait
    # on another pin that fails): the pins left then hold, or fail for reasons of their own.
    early: list[tuple[str, int, int, list[int | None]]] = []  # before a prerequisite
    while True:
        # A coordinator's move that holds stands before the order by number; a move that
        # failed is no move at all, so its course waits for its lower-numbered one again
        # (Kenya's SVC-102, refused in April, went to February before its SVC-101).
        preds, soft = _without_order_for(pinned, all_preds, all_soft)
        succs: list[list[int]] = [[] for _ in ids]
        for i in range(len(ids)):
            for d in sorted(preds[i]):
                succs[d].append(i)
        effective = effective_priorities(ids, cohorts, preds, catalogue)
        run = _place_months(ids, cohorts, preds, succs, days, effective, constraints, names,
                            pinned, catalogue, facts)
        if run.failed:
            op_id, i, reason = run.failed[0]
            pin_failed(results, op_id, ids[i], reason, names)
        elif run.early:
            op_id, i, m = run.early[0]
            early.append((op_id, i, m, run.placed))
        else:
            break
        del pinned[i]
    for op_id, i, m, then in early:  # said with the months as they end up
        pin_failed(results, op_id, ids[i], _before_prerequisite(
            i, m, ids, cohorts, preds, then, run.placed, months), names)
    unfit = _outcome(ids, cohorts, needs, preds, run.placed, run.earliest, set(pinned), days,
                     run.load, months, constraints.closed_months,
                     {i: fixed[ids[i]] for i in facts} if fixed else {})
    return unfit, ids, preds, soft, run.placed


def _without_order_for(pinned: Mapping[int, tuple[int, str]], preds: list[set[int]],
                       soft: set[tuple[int, int]],
                       ) -> tuple[list[set[int]], set[tuple[int, int]]]:
    """``preds`` and ``soft`` without the orders by number of the ``pinned`` cohorts."""
    dropped = {(i, d) for i, d in soft if i in pinned}
    return ([{d for d in p if (i, d) not in dropped} for i, p in enumerate(preds)],
            soft - dropped)


def _fixed_indices(fixed: Mapping[str, str], index: Mapping[str, int],
                   months: tuple[str, ...]) -> dict[int, int]:
    """Cohort index → month index of the fixed cohorts: -1 before the horizon, its length
    after it."""
    out: dict[int, int] = {}
    for cid, month in fixed.items():
        if cid not in index:
            continue
        if month in months:
            out[index[cid]] = months.index(month)
        else:
            out[index[cid]] = -1 if not months or month < months[0] else len(months)
    return out


@dataclass
class _Placed:
    """One pass over the months: each cohort's month index (None: not placed), the month
    it could start from, the load, the pin that had no room (op id, cohort, why) and the
    pins that were not ready in their month (op id, cohort, month index)."""

    placed: list[int | None]
    earliest: list[int]
    load: _Load
    failed: list[tuple[str, int, Reason]]
    early: list[tuple[str, int, int]]


def _place_months(ids: list[str], cohorts: Mapping[str, Cohort], preds: list[set[int]],
                  succs: list[list[int]], days: list[int], effective: list[float],
                  constraints: Constraints, names: Mapping[str, str],
                  pinned: Mapping[int, tuple[int, str]], catalogue: Catalogue,
                  facts: Mapping[int, int] | None = None) -> _Placed:
    """List scheduling month by month, ``pinned`` cohorts (index → (month index, op id))
    placed in their month, when they are ready, in room taken for them beforehand."""
    months = constraints.months
    horizon = len(months)
    closed = constraints.closed_months
    indeg = [len(p) for p in preds]
    earliest = [0] * len(ids)
    placed: list[int | None] = [None] * len(ids)
    load = _Load(constraints, names, catalogue)
    waiting_pins = dict(pinned)
    pins_at: dict[int, list[int]] = {}
    for i, (m, _) in pinned.items():
        pins_at.setdefault(m, []).append(i)
    boost = [0] * len(ids)
    stack = list(pinned)
    while stack:
        for d in preds[stack.pop()]:
            if not boost[d]:
                boost[d] = 1
                stack.append(d)

    def key(i: int) -> tuple[int, float, str]:
        return (-boost[i], -effective[i], ids[i])

    buckets: list[list[int]] = [[] for _ in range(horizon + 1)]
    pool: list[int] = []

    facts = facts or {}

    def release(i: int) -> None:
        if i in waiting_pins or i in facts:
            return
        buckets[min(earliest[i], horizon)].append(i)

    def place(i: int, m: int) -> None:
        placed[i] = m
        if i not in pinned:  # a pinned cohort's load is taken before the months are placed
            load.add(cohorts[ids[i]], days[i], months[m])
        for s in succs[i]:
            indeg[s] -= 1
            earliest[s] = max(earliest[s], m + 1)
            if indeg[s] == 0:
                release(s)

    # Pinned cohorts take their months' room first, in the order of the edits, so courses
    # placed in earlier months leave it to them and a later edit cannot take it from an
    # earlier one; a pin with no room is the first to go.
    for i, (m, op_id) in pinned.items():
        why = load.why_not(cohorts[ids[i]], days[i], months[m], every=True)
        if why is not None:
            return _Placed(placed, earliest, load, [(op_id, i, why)], [])
        load.add(cohorts[ids[i]], days[i], months[m])
    # Courses under way or done are where they are: they take their month's room and the
    # courses after them come after that month.
    for i, m in sorted(facts.items(), key=lambda f: (f[1], f[0])):
        placed[i] = m
        if 0 <= m < horizon:
            load.add(cohorts[ids[i]], days[i], months[m])
        for s in succs[i]:
            indeg[s] -= 1
            earliest[s] = max(earliest[s], m + 1)
    for i in range(len(ids)):
        if indeg[i] == 0:
            release(i)
    early: list[tuple[str, int, int]] = []  # pins before their prerequisites
    for m in range(horizon):
        pool += buckets[m]
        if months[m] in closed:
            continue
        for i in pins_at.get(m, ()):
            if indeg[i] == 0 and earliest[i] <= m:
                place(i, m)
                continue
            early.append((waiting_pins.pop(i)[1], i, m))
            if indeg[i] == 0:
                pool.append(i)
        waiting = []
        for i in sorted(pool, key=key):
            if load.why_not(cohorts[ids[i]], days[i], months[m]) is None:
                place(i, m)
            else:
                waiting.append(i)
        pool = waiting
    return _Placed(placed, earliest, load, [], early)


def _outcome(ids: list[str], cohorts: Mapping[str, Cohort], needs: Mapping[NeedKey, Need],
             preds: list[set[int]], placed: list[int | None], earliest: list[int],
             pinned: set[int], days: list[int], load: _Load, months: tuple[str, ...],
             closed: frozenset[str], facts: Mapping[int, str] | None = None) -> list[Unfit]:
    unfit: list[Unfit] = []
    horizon = len(months)
    facts = facts or {}
    for i, cid in enumerate(ids):
        cohort = cohorts[cid]
        month = placed[i]
        if i in facts:
            cohort.month, cohort.status, cohort.pinned = facts[i], SCHEDULED, False
            for member in cohort.members:
                need = needs[(member.org_id, cohort.module_code)]
                need.month, need.status = cohort.month, SCHEDULED
            continue
        if month is not None:
            cohort.month, cohort.status = months[month], SCHEDULED
            cohort.pinned = i in pinned
            for member in cohort.members:
                need = needs[(member.org_id, cohort.module_code)]
                need.month, need.status = cohort.month, SCHEDULED
            continue
        cohort.month, cohort.status, cohort.pinned = None, UNSCHEDULED, False
        blocker = next((ids[d] for d in sorted(preds[i]) if placed[d] is None), None)
        blocked: tuple[Blocker, ...] = ()
        waits_for = ""
        if blocker is not None:
            reason, message = "prerequisite-unfit", f"waits for {blocker}, which did not fit"
            waits_for = cohorts[blocker].module_code
        elif earliest[i] >= horizon:
            reason, message = "horizon", (f"its prerequisites end too late to fit before the "
                                          f"end of {months[-1]}")
        else:
            reason = "capacity"
            blocked = _capacity_blockers(cohort, days[i], load, months[earliest[i]:], closed)
            message = _capacity_message(cohort, days[i], load, months[earliest[i]:], blocked)
        for member in cohort.members:
            need = needs[(member.org_id, cohort.module_code)]
            need.status, need.month = UNFIT, None
            unfit.append(Unfit(need.org_id, need.org_name, need.module_code, None, need.step,
                               reason, message, cid, blocked=blocked, waits_for=waits_for))
    return unfit


def _before_prerequisite(i: int, m: int, ids: list[str], cohorts: Mapping[str, Cohort],
                         preds: list[set[int]], then: list[int | None],
                         final: list[int | None], months: tuple[str, ...]) -> Reason:
    """Why cohort ``i`` could not go in month ``m``: a course its members take first was
    not done before then (placed in ``m`` or later, or not placed, in the pass ``then``);
    the latest such is named, with its month in the plan (``final``) when that is still
    ``m`` or later."""
    def not_done(d: int) -> bool:
        month = then[d]
        return month is None or month >= m

    d = max(filter(not_done, preds[i]), key=lambda d: (then[d] is None, then[d] or 0, ids[d]))
    facts = {"module": cohorts[ids[i]].module_code, "prerequisite": cohorts[ids[d]].module_code}
    late = final[d]
    month = late if late is not None and late >= m else then[d]
    if month is None:
        return Reason("prerequisite-unplaced", facts)
    return Reason("prerequisite", {**facts, "prerequisite_month": months[month]})


def _capacity_blockers(cohort: Cohort, days: int, load: _Load, months: tuple[str, ...],
                       closed: frozenset[str]) -> tuple[Blocker, ...]:
    """Why no month from ``months`` had room for ``cohort``: per rule and organisation, how
    many open months it stopped, with the first as an example (the most months first);
    then the months closed to training. A course that fits no month at all: that one rule."""
    never = _never_fits(cohort, days, load, months)
    if never is not None:
        return (Blocker(never.rule, dict(never.facts), len(months)),)
    open_months = [m for m in months if m not in closed]
    first: dict[tuple[str, str], Reason] = {}
    why: Counter[tuple[str, str]] = Counter()
    for m in open_months:
        reason = load.why_not(cohort, days, m)
        if reason is not None:
            key = (reason.rule, str(reason.facts.get("org", "")))
            first.setdefault(key, reason)
            why[key] += 1
    out = [Blocker(first[key].rule, dict(first[key].facts), count)
           for key, count in sorted(why.items(), key=lambda kv: -kv[1])]
    shut = len(months) - len(open_months)
    if shut:
        out.append(Blocker("closed-months", {"months": shut}, shut))
    return tuple(out)


def _capacity_message(cohort: Cohort, days: int, load: _Load, months: tuple[str, ...],
                      blocked: tuple[Blocker, ...]) -> str:
    if _never_fits(cohort, days, load, months) is not None:
        never = Reason(blocked[0].rule, blocked[0].facts)
        return f"cannot be scheduled: {english(never, load.names)}"
    rules = [b for b in blocked if b.rule != "closed-months"]
    parts = [f"{b.months} month(s), e.g. {english(Reason(b.rule, b.facts), load.names)}"
             for b in rules[:3]]
    parts += [f"{b.months} month(s) closed to training" for b in blocked
              if b.rule == "closed-months"]
    span = f"{months[0]} to {months[-1]}" if months else "the horizon"
    return f"no month from {span} had room: " + "; ".join(parts)


def org_loads(organisations: tuple[Organisation, ...], cohorts: Mapping[str, Cohort],
              catalogue: Catalogue, constraints: Constraints) -> tuple[OrgLoad, ...]:
    """Each organisation's training days and staff away per month, beside its limits."""
    months = constraints.months
    at = {m: i for i, m in enumerate(months)}
    days = {o.org_id: [0] * len(months) for o in organisations}
    away = {o.org_id: [0] * len(months) for o in organisations}
    for cohort in cohorts.values():
        if cohort.month is None:
            continue
        module = catalogue.by_code[cohort.module_code]
        parts = [(at[m], d) for m, d in spread(module, cohort.month, constraints.closed_months)
                 if m in at]
        for member in cohort.members:
            if member.org_id in days:
                for i, d in parts:
                    days[member.org_id][i] += d
                if cohort.month in at and module.in_class:
                    away[member.org_id][at[cohort.month]] += member.participants
    loads = []
    for o in organisations:
        per_month, per_quarter, staff = constraints.capacity(o.org_id)
        loads.append(OrgLoad(
            org_id=o.org_id, org_name=o.org_name, days_per_month=per_month,
            days_per_quarter=per_quarter, staff_away=staff, days=tuple(days[o.org_id]),
            limits=tuple(constraints.days_in(o.org_id, m) for m in months),
            away=tuple(away[o.org_id])))
    return tuple(loads)


# Rules that name one organisation's own calendar (core.reasons): a course kept out by one
# of them can run without that organisation.
_ORG_RULES = frozenset({"org-month-days", "org-month-days-blocked", "org-quarter-days",
                        "staff-away", "too-many-away", "too-long"})


REGROUP_ROUNDS = 8


def schedule_regrouping(cohorts: dict[str, Cohort], needs: dict[NeedKey, Need],
                        catalogue: Catalogue, constraints: Constraints,
                        pins: Mapping[str, tuple[str, str]], results: Results,
                        fixed: Mapping[str, str] | None = None, per_org_cap: int = 6,
                        away: Mapping[str, int] | None = None) -> list[Unfit]:
    """``schedule_cohorts``, then the courses one organisation kept out of the plan are
    placed again without it, until nothing changes:

    * an organisation whose own limits (days a month or a quarter, staff away) left no
      month for a course shared with others leaves that course; it is reported left out
      with the rule of its own calendar, not another ministry's, and the others go on
      (topped up as cohorts are) or, too few without it, are left out for that reason;
    * an organisation whose earlier course (PRJ-101) is left out leaves the course that
      follows it (PRJ-102) — a course is never planned for an organisation without the
      courses it takes first; first those left out for good, then, once no course can be
      regrouped any more, those whose earlier course found no month.

    Courses under way or done, pinned by an edit or locked are not regrouped. Each round
    takes at least one organisation out of a course, so it ends; after ``REGROUP_ROUNDS``
    (each a placing of every month) what is still held up is reported as it is — a
    large plan under tight limits would otherwise place its months again for long.
    """
    fixed = fixed or {}
    left: list[Unfit] = []
    released: set[tuple[str, str, str]] = set()
    for round_number in range(REGROUP_ROUNDS + 1):
        unfit = schedule_cohorts(cohorts, needs, catalogue, constraints, pins, results, fixed,
                                 released)
        if round_number == REGROUP_ROUNDS:
            break
        held = {cid: pin for cid, pin in pins.items()  # a refused move pins nothing
                if results.get(pin[1]) is None or results[pin[1]].status != CONFLICT}
        out = _without_blocker(cohorts, needs, catalogue, unfit, fixed, held, per_org_cap,
                               away)
        if not out:
            out = _without_prerequisite(cohorts, needs, fixed, gone_only=False)
        if not out:
            break
        left += out
        while out:  # who is out of a course leaves the courses after it, before placing
            _settle(cohorts, needs, catalogue, per_org_cap, away, fixed, left)
            out = _without_prerequisite(cohorts, needs, fixed, gone_only=True)
            left += out
    return unfit + left


def _leave(cohort: Cohort, need: Need, reason: str, message: str,
           blocked: tuple[Blocker, ...] = (), waits_for: str = "") -> Unfit:
    """Take ``need``'s organisation out of ``cohort``: left out, with its own reason."""
    cohort.set_members(tuple(m for m in cohort.members if m.org_id != need.org_id))
    need.status, need.month, need.cohort_id = UNFIT, None, None
    return Unfit(need.org_id, need.org_name, need.module_code, None, need.step, reason,
                 message, None, blocked=blocked, waits_for=waits_for)


def _without_prerequisite(cohorts: dict[str, Cohort], needs: Mapping[NeedKey, Need],
                          fixed: Mapping[str, str], gone_only: bool) -> list[Unfit]:
    """Members whose earlier course is left out (``gone_only``: out of every course, not
    only without a month) leave the course that follows it. Not ``gone_only``: only when
    others in the course are not held up, so that they can go on (a course all of whose
    members wait stays as it is, reported waiting)."""
    out: list[Unfit] = []
    for cid, cohort in cohorts.items():
        if cid in fixed or not cohort.members:
            continue
        held: list[tuple[Need, str]] = []
        for member in cohort.members:
            need = needs[(member.org_id, cohort.module_code)]
            first = next((a for a in need.after
                          if needs[(need.org_id, a)].status == UNFIT
                          and (needs[(need.org_id, a)].cohort_id is None or not gone_only)),
                         None)
            if first is not None:
                held.append((need, first))
        if gone_only or len(held) < len(cohort.members):
            out += [_leave(cohort, need, "prerequisite-unfit",
                           f"{first} must come first and could not be planned",
                           waits_for=first)
                    for need, first in held]
    return out


def _without_blocker(cohorts: dict[str, Cohort], needs: Mapping[NeedKey, Need],
                     catalogue: Catalogue, unfit: list[Unfit], fixed: Mapping[str, str],
                     pins: Mapping[str, tuple[str, str]], per_org_cap: int,
                     away: Mapping[str, int] | None) -> list[Unfit]:
    """In each course no month had room for because of one organisation's own limits,
    that organisation leaves (the others, too few without it, are then left out for
    that reason: ``_settle``)."""
    out: list[Unfit] = []
    lines = {u.cohort_id: u for u in unfit if u.reason == "capacity" and u.cohort_id}
    for cid, line in sorted(lines.items()):
        cohort = cohorts[cid]
        if cid in fixed or cid in pins or cohort.locked or len(cohort.members) < 2:
            continue
        org = next((str(b.facts["org"]) for b in line.blocked
                    if b.rule in _ORG_RULES and b.facts.get("org")), None)
        if org is None or org not in {m.org_id for m in cohort.members}:
            continue
        module = catalogue.by_code[cohort.module_code]
        rest = sorted((needs[(m.org_id, cohort.module_code)] for m in cohort.members
                       if m.org_id != org), key=lambda n: (-n.score, n.org_id))
        before = {n.org_id: n.participants for n in rest}
        top_up(rest, module.min_cohort, per_org_cap, away)  # too few: _settle says so
        own = tuple(b for b in line.blocked if b.facts.get("org") == org
                    or b.rule == "closed-months")
        need = needs[(org, cohort.module_code)]
        words = "; ".join(english(Reason(b.rule, b.facts), {org: need.org_name})
                          for b in own if b.rule != "closed-months")
        out.append(_leave(cohort, need, "capacity",
                          f"no month had room in its own training calendar: {words}", own))
        cohort.set_members(tuple(CohortMember(n.org_id, n.participants) for n in rest))
        cohort.priority = max(n.score for n in rest)
        cohort.topped_up = cohort.topped_up or any(
            n.participants != before[n.org_id] for n in rest)
    return out


def _settle(cohorts: dict[str, Cohort], needs: Mapping[NeedKey, Need], catalogue: Catalogue,
            per_org_cap: int, away: Mapping[str, int] | None, fixed: Mapping[str, str],
            left: list[Unfit]) -> None:
    """After members left: a course with nobody is gone; one left below its minimum (and
    no top-up reaches it) is left out, each of its organisations with that reason."""
    for cid in list(cohorts):
        cohort = cohorts[cid]
        if cid in fixed:
            continue
        if not cohort.members:
            del cohorts[cid]
            continue
        module = catalogue.by_code[cohort.module_code]
        members = [needs[(m.org_id, cohort.module_code)] for m in cohort.members]
        if sum(n.participants for n in members) >= module.min_cohort:
            continue
        if top_up(members, module.min_cohort, per_org_cap, away):
            cohort.set_members(tuple(CohortMember(n.org_id, n.participants)
                                     for n in members))
            cohort.topped_up = True
            continue
        size = sum(n.participants for n in members)
        for need in members:
            left.append(_leave(cohort, need, "below-minimum", (
                f"only {size} participant(s) left in this group for {cohort.module_code} "
                f"in {cohort.language} once the others could not take it; the module "
                f"needs at least {module.min_cohort}")))
        del cohorts[cid]
