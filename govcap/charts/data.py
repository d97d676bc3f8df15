"""Plain chart inputs.

Charts take these dataclasses (or anything shaped like them) and nothing from the ORM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from govcap.charts import palette
from govcap.charts.palette import NOT_RATED, NotRated, Swatch
from govcap.charts.words import ENGLISH, Words
from govcap.scale import Level

LevelLike = Level | NotRated | int | str | None
Shown = Level | NotRated | None  # what a chart draws: a level, not assessed, not rated yet


def coerce_level(value: LevelLike) -> Shown:
    """A Level from a Level, an int 1–3, a key ("high"), or None / "not_assessed"; NOT_RATED
    (or "not_rated") for a section not rated yet."""
    if value is None:
        return None
    if isinstance(value, NotRated):
        return value
    if isinstance(value, str):
        if value.strip().lower() == NOT_RATED.value:
            return NOT_RATED
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
    def value(self) -> Shown:
        return coerce_level(self.level)


@dataclass(frozen=True)
class SectionCounts:
    """How many ratings of one section fall in each level."""

    label: str
    basic: int = 0
    moderate: int = 0
    high: int = 0
    not_assessed: int = 0
    # sections a session under way has not rated yet: apart from "not assessed", which the
    # group chose (the capture pages' "not rated yet")
    not_rated: int = 0

    @property
    def total(self) -> int:
        return self.basic + self.moderate + self.high + self.not_assessed + self.not_rated

    def count(self, level: Level | NotRated | None) -> int:
        if level is None:
            return self.not_assessed
        if isinstance(level, NotRated):
            return self.not_rated
        return {Level.BASIC: self.basic, Level.MODERATE: self.moderate, Level.HIGH: self.high}[
            level
        ]


@dataclass(frozen=True)
class RoundProfile:
    """The levels of one assessment round (baseline, follow-up 1 …)."""

    label: str
    sections: Sequence[SectionLevel]


def targets_by_key(targets: Mapping[str, LevelLike] | None) -> dict[str, Level]:
    out: dict[str, Level] = {}
    for key, value in (targets or {}).items():
        level = coerce_level(value)
        if isinstance(level, Level):
            out[key] = level
    return out


def trend_sections(rounds: Sequence[RoundProfile]) -> list[tuple[str, str]]:
    """(key, label) of every section across rounds, in order of first appearance."""
    seen: dict[str, str] = {}
    for round_ in rounds:
        for section in round_.sections:
            seen.setdefault(section.key, section.label)
    return list(seen.items())


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


@dataclass(frozen=True)
class HeatmapCell:
    """How one level (or "not assessed", level None) is shown in a heatmap: its colours
    (`swatch`), its word in the chart's language and its letter for narrow cells (both from
    the heatmap's `Words`)."""

    level: Shown
    swatch: Swatch
    word: str
    letter: str


@dataclass(frozen=True)
class Heatmap:
    """Organisations (rows) × sections (columns), each cell a level or None (not assessed).

    The one model of the heatmap: the pages' SVG (`svg.heatmap`) and the documents' images
    (`govcap.reports.figures`) both draw it, so cells, their order, colours, words and the
    legend are decided here once. `cells` hold what the caller gave (levels, 1–3 or keys);
    `words` name them (and their letters) in the chart's language and say its direction
    (English by default); `level_labels` (level key → word) and `na_label`, when given,
    name the levels instead.
    """

    rows: Sequence[str]
    columns: Sequence[str]
    cells: Sequence[Sequence[LevelLike]]
    level_labels: Mapping[str, str] | None = None
    na_label: str | None = None
    title: str = ""
    words: Words = field(default=ENGLISH)

    def __post_init__(self) -> None:
        check_grid(self.rows, self.columns, self.cells)

    @property
    def grid(self) -> list[list[Shown]]:
        return [[coerce_level(value) for value in line] for line in self.cells]

    def cell(self, level: Shown) -> HeatmapCell:
        swatch = palette.swatch_for(level)
        if level is None:
            word = self.na_label or self.words.level(None)
        elif isinstance(level, NotRated):
            word = self.words.level(level)
        elif self.level_labels is not None:
            word = self.level_labels[level.key]
        else:
            word = self.words.level(level)
        return HeatmapCell(level, swatch, word, self.words.letter(level))

    def lines(self) -> list[tuple[str, list[HeatmapCell]]]:
        """Each row's name and its cells, in the order given."""
        return [(name, [self.cell(level) for level in line])
                for name, line in zip(self.rows, self.grid, strict=True)]

    def legend(self) -> list[HeatmapCell]:
        """Basic, Moderate, High, Not assessed: the order of every legend; then Not rated
        yet when a cell is."""
        pending = any(level is NOT_RATED for line in self.grid for level in line)
        return [self.cell(level) for level in (*Level, None, *((NOT_RATED,) if pending else ()))]

    def chunks(self, size: int) -> list[Heatmap]:
        """The same heatmap in parts of at most `size` rows (a long one split over pages)."""
        if len(self.rows) <= size:
            return [self]
        return [replace(self, rows=self.rows[i:i + size], cells=self.cells[i:i + size])
                for i in range(0, len(self.rows), size)]
