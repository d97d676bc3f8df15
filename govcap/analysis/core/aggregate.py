"""Aggregates over plain rating rows: one level per organisation and section, gaps, trends.

Input rows are ``(org_id, section_key, level, round)`` — `RatingRow` or any 4-tuple — with
level 1–3 (or a `Level`) or None for "not assessed". Everything here is a pure function
with deterministic output:

- organisations are ordered by ``str(org_id)`` unless an explicit `orgs` order is given;
- sections follow `scale.SECTION_KEYS` (all eight by default, so columns never shift
  between reports), then any unknown keys found in the rows, sorted;
- an (organisation, section) with no row counts as not assessed.

One (organisation, section, round) has one row: the consensus rating of the organisation's
deciding session in that round, chosen by the one rule of `org_level` before the rows get
here. Two rows for one cell are a ValueError, not something to average away.

Functions that read one round (`resolve`, `gaps`) take ``in_round``; when it is None the
rows must all belong to one round, otherwise a ValueError asks for it (mixing rounds
would be silently wrong).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any, NamedTuple

from govcap.scale import SECTION_KEYS, Level


class RatingRow(NamedTuple):
    org_id: Hashable
    section_key: str
    level: int | Level | None
    round: Hashable = ""


Cell = tuple[Hashable, str]  # (org_id, section_key)


def _level(value: object, where: str) -> Level | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Integral) or int(value) not in (1, 2, 3):
        raise ValueError(f"{where}: level {value!r} is not 1 (basic), 2 (moderate) or 3 (high)")
    return Level(int(value))


@dataclass(frozen=True)
class Grid:
    """Levels of one round, resolved to one value per (organisation, section)."""

    orgs: tuple[Hashable, ...]
    sections: tuple[str, ...]
    levels: dict[Cell, Level | None]

    def get(self, org_id: Hashable, section: str) -> Level | None:
        return self.levels.get((org_id, section))


def section_order(keys: Iterable[str], sections: Sequence[str] | None = None) -> tuple[str, ...]:
    if sections is not None:
        return tuple(sections)
    present = set(keys)
    return (*SECTION_KEYS, *sorted(present - set(SECTION_KEYS)))


def resolve(
    rows: Iterable[Sequence[object]],
    *,
    in_round: Hashable | None = None,
    orgs: Sequence[Hashable] | None = None,
    sections: Sequence[str] | None = None,
) -> Grid:
    """One level (or None) per (organisation, section) of one round."""
    levels: dict[Cell, Level | None] = {}
    seen_rounds: set[Hashable] = set()
    seen_orgs: set[Hashable] = set()
    seen_sections: set[str] = set()
    seen_cells: set[tuple[Hashable, Hashable, str]] = set()
    for index, raw in enumerate(rows):
        values: Sequence[Any] = raw  # checked field by field below
        row = RatingRow(*values)
        where = f"rating row {index + 1} ({row.org_id!r}, {row.section_key!r})"
        level = _level(row.level, where)
        if in_round is not None and row.round != in_round:
            continue
        seen_rounds.add(row.round)
        seen_orgs.add(row.org_id)
        seen_sections.add(row.section_key)
        if (row.round, row.org_id, row.section_key) in seen_cells:
            raise ValueError(f"{where}: a second level for one cell; choose each "
                             "organisation's deciding session first (org_level)")
        seen_cells.add((row.round, row.org_id, row.section_key))
        levels[(row.org_id, row.section_key)] = level
    if in_round is None and len(seen_rounds) > 1:
        names = ", ".join(repr(r) for r in sorted(seen_rounds, key=str))
        raise ValueError(f"rating rows span several rounds ({names}); pass in_round=")
    org_order = tuple(orgs) if orgs is not None else tuple(sorted(seen_orgs, key=str))
    return Grid(org_order, section_order(seen_sections, sections), levels)


# --- gaps to target --------------------------------------------------------------------


@dataclass(frozen=True)
class SectionGap:
    section: str
    level: Level | None
    target: Level | None
    gap: int | None  # target − level floored at 0; None when level or target is unknown


@dataclass(frozen=True)
class OrgGap:
    org_id: Hashable
    sections: tuple[SectionGap, ...]
    total: int  # sum of known gaps
    unknown: int  # sections with a target but no level

    @property
    def complete(self) -> bool:
        return self.unknown == 0


def gaps(
    rows: Iterable[Sequence[object]],
    targets: Mapping[str, int | Level | None],
    *,
    in_round: Hashable | None = None,
    # keyed by the rows' org ids, whatever their type (a Mapping's key type is invariant)
    org_targets: Mapping[Any, Mapping[str, int | Level | None]] | None = None,
    orgs: Sequence[Hashable] | None = None,
    sections: Sequence[str] | None = None,
) -> list[OrgGap]:
    """Gap to target per organisation and section, and each organisation's total.

    `targets` are the engagement's defaults per section; `org_targets` override them per
    organisation (a None value there removes the target). A section with no target has
    gap None and is not counted as unknown.
    """
    grid = resolve(rows, in_round=in_round, orgs=orgs, sections=sections)
    out = []
    for org in grid.orgs:
        wanted = {**targets, **((org_targets or {}).get(org, {}))}
        items = []
        for key in grid.sections:
            level = grid.get(org, key)
            target = _level(wanted.get(key), f"target of {org!r}, {key!r}")
            gap = None if level is None or target is None else max(0, int(target) - int(level))
            items.append(SectionGap(key, level, target, gap))
        out.append(
            OrgGap(
                org_id=org,
                sections=tuple(items),
                total=sum(item.gap for item in items if item.gap is not None),
                unknown=sum(1 for item in items if item.target is not None and item.level is None),
            )
        )
    return out


@dataclass(frozen=True)
class SectionGapSummary:
    section: str
    below_target: int  # organisations with a gap > 0
    at_target: int  # organisations with gap 0
    unknown: int  # organisations with a target but no level
    total_gap: int
    mean_gap: float | None  # over organisations with a known gap


def section_gap_summary(org_gaps: Sequence[OrgGap]) -> list[SectionGapSummary]:
    """Per section across organisations: how many are below target and by how much."""
    by_section: dict[str, list[SectionGap]] = defaultdict(list)
    order: list[str] = []
    for org in org_gaps:
        for item in org.sections:
            if item.section not in by_section:
                order.append(item.section)
            by_section[item.section].append(item)
    out = []
    for key in order:
        known = [item.gap for item in by_section[key] if item.gap is not None]
        out.append(
            SectionGapSummary(
                section=key,
                below_target=sum(1 for gap in known if gap > 0),
                at_target=sum(1 for gap in known if gap == 0),
                unknown=sum(
                    1 for item in by_section[key] if item.target is not None and item.level is None
                ),
                total_gap=sum(known),
                mean_gap=sum(known) / len(known) if known else None,
            )
        )
    return out


# --- change between rounds -------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    org_id: Hashable
    section: str
    before: Level | None
    after: Level | None
    delta: int | None  # after − before; None when either is not assessed


def round_changes(
    rows: Iterable[Sequence[object]],
    before: Hashable,
    after: Hashable,
    *,
    orgs: Sequence[Hashable] | None = None,
    sections: Sequence[str] | None = None,
) -> list[Change]:
    """Level change per (organisation, section) from round `before` to round `after`.

    Organisations are those rated in either round (or `orgs`), sorted by ``str``.
    """
    rows = list(rows)
    first = resolve(rows, in_round=before, sections=sections)
    second = resolve(rows, in_round=after, sections=sections)
    org_order = (
        tuple(orgs)
        if orgs is not None
        else tuple(sorted(set(first.orgs) | set(second.orgs), key=str))
    )
    keys = section_order((*first.sections, *second.sections), sections)
    out = []
    for org in org_order:
        for key in keys:
            a, b = first.get(org, key), second.get(org, key)
            out.append(Change(org, key, a, b, None if a is None or b is None else int(b) - int(a)))
    return out


@dataclass(frozen=True)
class SectionChange:
    section: str
    improved: int
    declined: int
    unchanged: int
    unknown: int  # not assessed in one of the rounds
    mean_delta: float | None  # over organisations assessed in both rounds


def change_summary(changes: Sequence[Change]) -> list[SectionChange]:
    """Per section: how many organisations improved, declined, stayed, or are unknown."""
    by_section: dict[str, list[int | None]] = defaultdict(list)
    order: list[str] = []
    for change in changes:
        if change.section not in by_section:
            order.append(change.section)
        by_section[change.section].append(change.delta)
    out = []
    for key in order:
        deltas = by_section[key]
        known = [d for d in deltas if d is not None]
        out.append(
            SectionChange(
                section=key,
                improved=sum(1 for d in known if d > 0),
                declined=sum(1 for d in known if d < 0),
                unchanged=sum(1 for d in known if d == 0),
                unknown=len(deltas) - len(known),
                mean_delta=sum(known) / len(known) if known else None,
            )
        )
    return out
