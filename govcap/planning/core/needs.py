"""From ratings to needs: where each organisation stands and which modules close its gaps.

1. For each organisation only its latest validated session counts. Each section is then
   ``gap`` (current < target), ``at-target`` or ``unknown`` (not assessed, or no rating in
   that session) — unknowns are listed, never guessed.
2. A gap needs every module serving its section at each level step between the current
   level and the target, in level order (Basic → Moderate, then Moderate → High, then the
   sustaining-High step when the target is High and ``Targets.sustain_high``). A step the
   catalogue does not cover is reported as unfit (``no-module``).
3. Prerequisites are pulled in unless the organisation has already shown the level the
   prerequisite teaches (its current level on every section the prerequisite serves is at
   least the prerequisite's target level). A section not assessed shows nothing, so the
   prerequisite is pulled in.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import (
    CANCELLED,
    Assessment,
    Constraints,
    PlanInputError,
    PreviousCourse,
    Targets,
)
from govcap.planning.core.plan import (
    AT_TARGET,
    DROPPED,
    GAP,
    UNKNOWN,
    Gap,
    Need,
    Organisation,
    SectionStatus,
    Unfit,
    Unknown,
)
from govcap.scale import SECTION_DOMAIN, SECTION_KEYS, Level

SECTION_TITLES = {
    "systems-design-thinking": "Systems and Design Thinking",
    "distributed-leadership": "Distributed Leadership",
    "project-execution": "Project Execution",
    "change-management": "Change Management",
    "digital-strategic-plan": "Digital Strategic Plan",
    "policy-influence": "Policy Influence",
    "processes-services": "Processes and Services",
    "enterprise-architecture": "Enterprise Architecture",
}
SECTION_NUMBER = {key: i + 1 for i, key in enumerate(SECTION_KEYS)}

NeedKey = tuple[str, str]  # (org id, module code)
History = Mapping[NeedKey, tuple[PreviousCourse, ...]]  # what each organisation had before
IMPROVED, REGRESSED, SAME = "improved", "regressed", "same"
FOLLOW_ON = "follow-on"  # a need's origin: an intervention after a course already had


def change_of(level: Level, previous: Level | None) -> str:
    """``improved``, ``regressed`` or ``same`` since the previous round ("" if not known)."""
    if previous is None:
        return ""
    return IMPROVED if level > previous else REGRESSED if level < previous else SAME


def history_of(courses: Iterable[PreviousCourse]) -> dict[NeedKey, tuple[PreviousCourse, ...]]:
    """(org id, module code) → the earlier rounds' records of it, oldest first; a delivery
    record of a module replaces the plan's record of it in the same round."""
    found: dict[NeedKey, list[PreviousCourse]] = {}
    for c in sorted(courses, key=lambda c: (c.round_number, c.source != "delivered",
                                             c.month or "", c.engagement_name)):
        rows = found.setdefault((c.org_id, c.module_code), [])
        if not any(r.round_number == c.round_number for r in rows):
            rows.append(c)
    return {k: tuple(v) for k, v in sorted(found.items())}


@dataclass
class Positions:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    current: dict[tuple[str, str], Level] = field(default_factory=dict)
    ratings: dict[tuple[str, str], Assessment] = field(default_factory=dict)
    statuses: list[SectionStatus] = field(default_factory=list)
    gaps: dict[tuple[str, str], Gap] = field(default_factory=dict)
    unknowns: list[Unknown] = field(default_factory=list)


def rationale_text(org_name: str, level: Level, section_key: str, title: str,
                   benchmark_text: str) -> str:
    """``Ministry of ICT rated Basic on 8 — Enterprise Architecture: "…"``."""
    head = f"{org_name} rated {level.name.title()} on {SECTION_NUMBER[section_key]} — {title}"
    return f'{head}: "{benchmark_text.strip()}"' if benchmark_text.strip() else head


def _latest_session(rows: list[Assessment]) -> list[Assessment]:
    key = max((a.session_date, a.session_id) for a in rows)
    return [a for a in rows if (a.session_date, a.session_id) == key]


def assess_positions(assessments: Iterable[Assessment], targets: Targets,
                     constraints: Constraints,
                     section_titles: Mapping[str, str] | None = None) -> Positions:
    titles = {**SECTION_TITLES, **(section_titles or {})}
    by_org: dict[str, list[Assessment]] = {}
    for a in assessments:
        by_org.setdefault(a.org_id, []).append(a)
    pos = Positions()
    for org_id in sorted(by_org):
        rows = by_org[org_id]
        validated = [a for a in rows if a.validated]
        session = _latest_session(validated) if validated else []
        first = min(session or rows, key=lambda a: (SECTION_NUMBER[a.section_key], a.rating_id))
        org = Organisation(org_id, first.org_name, first.language,
                           first.session_id if session else "",
                           first.session_date if session else "",
                           constraints.participants(org_id))
        pos.organisations[org_id] = org
        by_section: dict[str, Assessment] = {}
        for a in session:
            if a.section_key in by_section:
                raise PlanInputError(
                    f"{org.org_name} ({org_id}): two ratings of {a.section_key} in session "
                    f"{a.session_id!r} ({by_section[a.section_key].rating_id!r} and "
                    f"{a.rating_id!r}); pass only the consensus rating")
            by_section[a.section_key] = a
        for section in SECTION_KEYS:
            _place(pos, org, section, by_section.get(section), bool(session), targets, titles)
    return pos


def _place(pos: Positions, org: Organisation, section: str, rating: Assessment | None,
           has_session: bool, targets: Targets, titles: Mapping[str, str]) -> None:
    target = targets.target(org.org_id, section)
    key = (org.org_id, section)
    if rating is None or rating.level is None:
        if rating is not None:
            reason = rating.not_assessed_reason.strip() or "not assessed"
        else:
            reason = ("no rating in the latest validated session" if has_session
                      else "no validated session")
        pos.statuses.append(SectionStatus(org.org_id, section, UNKNOWN, None, target, reason))
        pos.unknowns.append(Unknown(org.org_id, org.org_name, section, reason,
                                    rating.session_id if rating else "",
                                    rating.rating_id if rating else ""))
        if rating is not None:
            pos.ratings[key] = rating
        return
    level = rating.level
    pos.current[key] = level
    pos.ratings[key] = rating
    if level >= target:
        pos.statuses.append(SectionStatus(org.org_id, section, AT_TARGET, level, target,
                                          previous=rating.previous_level,
                                          change=change_of(level, rating.previous_level)))
        return
    pos.statuses.append(SectionStatus(org.org_id, section, GAP, level, target,
                                      previous=rating.previous_level,
                                      change=change_of(level, rating.previous_level)))
    pos.gaps[key] = Gap(
        org_id=org.org_id, org_name=org.org_name, section_key=section,
        section_number=SECTION_NUMBER[section], section_title=titles[section],
        current=level, target=target, size=int(target) - int(level),
        strategic=section in targets.strategic_sections, confidence=rating.confidence,
        session_id=rating.session_id, rating_id=rating.rating_id,
        benchmark_text=rating.benchmark_text.strip(),
        rationale=rationale_text(org.org_name, level, section, titles[section],
                                 rating.benchmark_text),
        shared_notes=rating.shared_notes.strip(), shared_evidence=rating.shared_evidence.strip(),
        shared_dissent=rating.shared_dissent.strip(), shared_quotes=tuple(rating.shared_quotes),
    )


def required_steps(current: Level, target: Level, sustain_high: bool) -> list[str]:
    """Level steps between ``current`` and ``target``, lowest first."""
    steps = []
    if current < Level.MODERATE <= target:
        steps.append("basic-moderate")
    if current < Level.HIGH <= target:
        steps.append("moderate-high")
        if sustain_high:
            steps.append("sustain-high")
    return steps


def make_need(org: Organisation, code: str, catalogue: Catalogue, origin: str) -> Need:
    module = catalogue.by_code[code]
    return Need(org_id=org.org_id, org_name=org.org_name, module_code=code,
                domain=module.domain, step=module.step, language=org.language,
                participants=org.participants, origin=origin)


def gap_line(gap: Gap) -> str:
    return f'{gap.rationale} Notes: "{gap.shared_notes}"' if gap.shared_notes else gap.rationale


def _follow_on_line(gap: Gap, had: tuple[PreviousCourse, ...], kind: str) -> str:
    first = had[0]
    when = f" ({first.month})" if first.month else ""
    how = "delivered in" if first.source == "delivered" else "in the approved plan of"
    return (f"{gap.org_name} had {first.module_code}{when} {how} {first.engagement_name}; "
            f"still {gap.current.name.title()} on {gap.section_number} — {gap.section_title}"
            f" → {kind} instead of repeating the course.")


def gap_needs(pos: Positions, catalogue: Catalogue, targets: Targets,
              history: History | None = None) -> tuple[dict[NeedKey, Need], list[Unfit]]:
    """The modules every gap calls for, and the steps no module covers.

    A course the organisation had in an earlier round is not prescribed again while the
    gap it serves persists: the step's follow-on intervention (``Catalogue.follow_on``)
    is, carrying the courses it follows. Only when the catalogue has none is the course
    repeated. A course the organisation did not have (cancelled, or none of its people
    completed it: ``PreviousCourse.had``) is planned again, and says so (``Need.retried``).
    """
    history = history or {}
    needs: dict[NeedKey, Need] = {}
    unfit: list[Unfit] = []
    for (org_id, section), gap in pos.gaps.items():
        org = pos.organisations[org_id]
        for step in required_steps(gap.current, gap.target, targets.sustain_high):
            codes = catalogue.for_section_step.get((section, step), ())
            if not codes:
                unfit.append(Unfit(org_id, org.org_name, None, section, step, "no-module",
                                   f"the catalogue has no {step} module for "
                                   f"{gap.section_title} ({SECTION_DOMAIN[section]})"))
            for code in codes:
                records = history.get((org_id, code), ())
                had = tuple(h for h in records if h.had)
                follow = catalogue.follow_on(section, step) if had else None
                if follow is not None:
                    _add_follow_on(needs, org, follow, catalogue, gap, had)
                    continue
                need = needs.get((org_id, code))
                if need is None:
                    need = needs[(org_id, code)] = make_need(org, code, catalogue, GAP)
                need.sections += (section,)
                need.rating_ids += (gap.rating_id,)
                need.rationale += (gap_line(gap),)
                _add_retried(need, records)
    return needs, unfit


def _add_follow_on(needs: dict[NeedKey, Need], org: Organisation, code: str,
                   catalogue: Catalogue, gap: Gap, had: tuple[PreviousCourse, ...]) -> None:
    need = needs.get((org.org_id, code))
    if need is None:
        need = needs[(org.org_id, code)] = make_need(org, code, catalogue, FOLLOW_ON)
    if gap.section_key not in need.sections:
        need.sections += (gap.section_key,)
        need.rating_ids += (gap.rating_id,)
        need.rationale += (gap_line(gap),)
    line = _follow_on_line(gap, had, catalogue.by_code[code].kind)
    if line not in need.rationale:
        need.rationale += (line,)
    need.follows += tuple(h for h in had if h not in need.follows)


def _add_retried(need: Need, records: tuple[PreviousCourse, ...]) -> None:
    """An earlier round's course the organisation did not have (cancelled, or none of its
    people completed it), planned again: said in its rationale, kept in ``retried``."""
    for h in records:
        if h.had or h in need.retried:
            continue
        need.retried += (h,)
        when = f" in {h.month}" if h.month else ""
        if h.outcome == CANCELLED:
            line = (f"{h.module_code} was cancelled{when} ({h.engagement_name}) before "
                    f"{need.org_name} had it; planned again.")
        else:
            line = (f"{h.module_code} ran{when} ({h.engagement_name}): "
                    f"{h.completed or 0} of {h.participants or 0} participants of "
                    f"{need.org_name} completed it; planned again.")
        need.rationale += (line,)


def prerequisite_met(pos: Positions, org_id: str, code: str, catalogue: Catalogue) -> bool:
    """True when the organisation already shows the level the module brings."""
    module = catalogue.by_code[code]
    for section in module.sections:
        level = pos.current.get((org_id, section))
        if level is None or level < module.to_level:
            return False
    return True


def close_prerequisites(needs: dict[NeedKey, Need], pos: Positions, catalogue: Catalogue,
                        blocked: set[NeedKey], history: History | None = None) -> set[NeedKey]:
    """Pull in missing prerequisites of active needs; returns blocked keys it skipped.

    A prerequisite the organisation had in an earlier round is met: it is not taken again.
    """
    history = history or {}
    skipped: set[NeedKey] = set()
    queue = deque(key for key in sorted(needs) if needs[key].status != DROPPED)
    while queue:
        org_id, code = queue.popleft()
        for pre in catalogue.by_code[code].prerequisites:
            key = (org_id, pre)
            existing = needs.get(key)
            if existing is not None:
                if existing.status != DROPPED and code not in existing.required_by:
                    existing.required_by += (code,)
                continue
            had = any(h.had for h in history.get(key, ()))  # not one cancelled or missed
            if had or prerequisite_met(pos, org_id, pre, catalogue):
                continue
            if key in blocked:
                skipped.add(key)
                continue
            need = needs[key] = make_need(pos.organisations[org_id], pre, catalogue,
                                          "prerequisite")
            need.required_by = (code,)
            _add_retried(need, history.get(key, ()))
            queue.append(key)
    return skipped


def finish_needs(needs: dict[NeedKey, Need], catalogue: Catalogue) -> None:
    """Order links (``after``) and the rationale of prerequisites, once needs are final."""
    active: dict[str, set[str]] = {}
    for (org_id, code), need in needs.items():
        if need.status != DROPPED:
            active.setdefault(org_id, set()).add(code)
    for (org_id, code), need in needs.items():
        if need.status == DROPPED:
            continue
        codes = active[org_id]
        need.after = tuple(sorted(c for c in catalogue.ancestors[code] if c in codes))
        need.required_by = tuple(sorted(need.required_by))
    rank = {code: i for i, code in enumerate(catalogue.order)}
    for org_id, code in sorted(needs, key=lambda k: (-rank[k[1]], k)):
        need = needs[(org_id, code)]
        if need.status == DROPPED or not need.required_by:
            continue
        lines = list(need.rationale)
        ratings = list(need.rating_ids)
        if need.origin == "prerequisite":
            lines.insert(0, f"Prerequisite of {', '.join(need.required_by)} for "
                            f"{need.org_name}.")
        for later in need.required_by:
            other = needs[(org_id, later)]
            lines += [line for line in other.rationale if line not in lines]
            ratings += [r for r in other.rating_ids if r not in ratings]
        need.rationale, need.rating_ids = tuple(lines), tuple(ratings)
