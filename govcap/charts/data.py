"""Plain chart inputs, and each chart's data as table rows.

Charts take these dataclasses (or anything shaped like them) and nothing from the ORM.
The ``*_rows`` functions return the very numbers a chart draws, as lists of dicts with
string keys, so a template can render the accessible data table beside the picture, and
the PNG renderer can draw the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govcap.scale import Level

LevelLike = Level | int | str | None


def coerce_level(value: LevelLike) -> Level | None:
    """A Level from a Level, an int 1–3, a key ("high"), or None / "not_assessed"."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.strip().lower() in ("", "not_assessed", "not assessed", "na", "n/a"):
            return None
        return Level.from_key(value)
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a level")
    try:
        return Level(int(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a level; use 1 (basic) to 3 (high)") from None


@dataclass(frozen=True)
class SectionLevel:
    """One section's level, e.g. ``SectionLevel("project-execution", "3. Executing the
    projects", Level.MODERATE)``; level None means not assessed."""

    key: str
    label: str
    level: LevelLike = None

    @property
    def value(self) -> Level | None:
        return coerce_level(self.level)


@dataclass(frozen=True)
class SectionCounts:
    """How many ratings of one section fall in each level."""

    label: str
    basic: int = 0
    moderate: int = 0
    high: int = 0
    not_assessed: int = 0

    @property
    def total(self) -> int:
        return self.basic + self.moderate + self.high + self.not_assessed

    def count(self, level: Level | None) -> int:
        if level is None:
            return self.not_assessed
        return {Level.BASIC: self.basic, Level.MODERATE: self.moderate, Level.HIGH: self.high}[
            level
        ]


@dataclass(frozen=True)
class RoundProfile:
    """The levels of one assessment round (baseline, follow-up 1 …)."""

    label: str
    sections: Sequence[SectionLevel]


def level_name(level: Level | None) -> str:
    return "Not assessed" if level is None else level.name.capitalize()


def targets_by_key(targets: Mapping[str, LevelLike] | None) -> dict[str, Level]:
    out: dict[str, Level] = {}
    for key, value in (targets or {}).items():
        level = coerce_level(value)
        if level is not None:
            out[key] = level
    return out


def level_profile_rows(
    sections: Sequence[SectionLevel], targets: Mapping[str, LevelLike] | None = None
) -> list[dict[str, object]]:
    """One row per section: key, label, level (int|None), level_label, target, target_label, gap.

    gap is target − level floored at 0, None when either is unknown.
    """
    wanted = targets_by_key(targets)
    rows: list[dict[str, object]] = []
    for section in sections:
        level = section.value
        target = wanted.get(section.key)
        gap = None if level is None or target is None else max(0, int(target) - int(level))
        rows.append(
            {
                "key": section.key,
                "label": section.label,
                "level": None if level is None else int(level),
                "level_label": level_name(level),
                "target": None if target is None else int(target),
                "target_label": "" if target is None else level_name(target),
                "gap": gap,
            }
        )
    return rows


def heatmap_rows(
    rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[LevelLike]]
) -> list[dict[str, object]]:
    """One row per organisation: ``{"label": name, "cells": [level_label, …]}``."""
    check_grid(rows, columns, cells)
    return [
        {"label": name, "cells": [level_name(coerce_level(value)) for value in line]}
        for name, line in zip(rows, cells, strict=True)
    ]


def level_distribution_rows(counts: Sequence[SectionCounts]) -> list[dict[str, object]]:
    """One row per section with counts and whole-number percentages of its total."""
    out: list[dict[str, object]] = []
    for item in counts:
        total = item.total
        row: dict[str, object] = {"label": item.label, "total": total}
        for key, n in (
            ("basic", item.basic),
            ("moderate", item.moderate),
            ("high", item.high),
            ("not_assessed", item.not_assessed),
        ):
            row[key] = n
            row[f"{key}_percent"] = round(100 * n / total) if total else None
        out.append(row)
    return out


def trend_sections(rounds: Sequence[RoundProfile]) -> list[tuple[str, str]]:
    """(key, label) of every section across rounds, in order of first appearance."""
    seen: dict[str, str] = {}
    for round_ in rounds:
        for section in round_.sections:
            seen.setdefault(section.key, section.label)
    return list(seen.items())


def trend_rows(rounds: Sequence[RoundProfile]) -> list[dict[str, object]]:
    """One row per section: label, levels per round (labels), change first → last round.

    change is None when the first or last round did not assess the section.
    """
    levels = [{s.key: s.value for s in round_.sections} for round_ in rounds]
    out: list[dict[str, object]] = []
    for key, label in trend_sections(rounds):
        values = [by_key.get(key) for by_key in levels]
        first, last = (values[0], values[-1]) if values else (None, None)
        change = None if first is None or last is None else int(last) - int(first)
        out.append(
            {
                "key": key,
                "label": label,
                "levels": [level_name(v) for v in values],
                "rounds": [round_.label for round_ in rounds],
                "change": change,
            }
        )
    return out


def check_grid(
    rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[LevelLike]]
) -> None:
    if len(cells) != len(rows):
        raise ValueError(f"heatmap has {len(rows)} row labels but {len(cells)} rows of cells")
    for index, line in enumerate(cells):
        if len(line) != len(columns):
            raise ValueError(
                f"heatmap row {index + 1} ({rows[index]!r}) has {len(line)} cells; "
                f"expected {len(columns)}, one per column"
            )
