"""Comparisons across engagements (countries and rounds) from level counts — pure functions.

The programme view reads how many organisations of each engagement are at each level per
section. The database tally counts *ratings* per (engagement, section, level); when an
organisation's ratings in an engagement are not all its deciding session's (several
sessions, or a draft — `org_level`), `level_counts` replaces them by its deciding
session's, so every number here is a count of organisations and matches the engagement's
heatmap.
An organisation of the engagement without a level for a section counts as not assessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from govcap.scale import DOMAINS, SECTION_DOMAIN, SECTION_KEYS, Level

LEVEL_VALUES = {"basic": 1, "moderate": 2, "high": 3}

E = TypeVar("E", bound=Hashable)  # an engagement (a round): its id, or a test's label
Org = TypeVar("Org", bound=Hashable)  # an organisation


def level_value(key: str | None) -> int | None:
    """1–3 for a level key; None for 'not_assessed', '' (not rated yet) or None."""
    return LEVEL_VALUES.get((key or "").strip().lower())


@dataclass(frozen=True)
class LevelCounts:
    """How many organisations are at each level (one engagement × one section or domain)."""

    basic: int = 0
    moderate: int = 0
    high: int = 0
    not_assessed: int = 0
    # not rated yet by a session under way: counted apart from "not assessed", which the
    # group chose
    not_rated: int = 0

    def __add__(self, other: LevelCounts) -> LevelCounts:
        return LevelCounts(self.basic + other.basic, self.moderate + other.moderate,
                           self.high + other.high, self.not_assessed + other.not_assessed,
                           self.not_rated + other.not_rated)

    @property
    def assessed(self) -> int:
        return self.basic + self.moderate + self.high

    @property
    def total(self) -> int:
        return self.assessed + self.not_assessed + self.not_rated

    @property
    def mean(self) -> float | None:
        """Mean level 1–3 over assessed organisations; None when none is assessed."""
        if not self.assessed:
            return None
        return (self.basic + 2 * self.moderate + 3 * self.high) / self.assessed

    @property
    def median(self) -> Level | None:
        """The lower median level of the assessed organisations (conservative)."""
        if not self.assessed:
            return None
        position = (self.assessed - 1) // 2
        for level, n in ((Level.BASIC, self.basic), (Level.MODERATE, self.moderate),
                         (Level.HIGH, self.high)):
            if position < n:
                return level
            position -= n
        raise AssertionError("unreachable")

    def share_at_least(self, level: Level) -> float | None:
        """Share (0–1) of assessed organisations at `level` or above."""
        if not self.assessed:
            return None
        above = {Level.BASIC: self.assessed, Level.MODERATE: self.moderate + self.high,
                 Level.HIGH: self.high}[level]
        return above / self.assessed


def counts_by(
    cells: Iterable[tuple[str, object]],
    keys: Iterable[str],
    group: Mapping[str, str] | None = None,
) -> dict[str, LevelCounts]:
    """Level counts per key, in the order of `keys` (each present, zero when nothing falls
    in it): `cells` are (section key, level or None for not assessed) pairs — one per
    organisation × section, any other value (`charts.palette.NOT_RATED`) a section not
    rated yet — and `group` maps a section to the key it counts under (a
    training domain, `scale.SECTION_DOMAIN`); without it each section is its own key.
    The one count behind the engagement's distribution table and the documents' summary
    by training domain."""
    out = {key: [0, 0, 0, 0, 0] for key in keys}
    for section, level in cells:
        key = section if group is None else group.get(section)
        if key in out:
            out[key][3 if level is None else int(level) - 1 if isinstance(level, int)
                     else 4] += 1
    return {key: LevelCounts(*n) for key, n in out.items()}


def level_counts(
    tally: Mapping[tuple[E, str, str], int],
    organisations: Mapping[E, int],
    corrections: Mapping[tuple[E, Org],
                         tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]]]
    | None = None,
    sections: Sequence[str] = SECTION_KEYS,
) -> dict[tuple[E, str], LevelCounts]:
    """Organisations per level for each (engagement, section).

    - `tally`: {(engagement, section_key, level_key): number of consensus ratings};
    - `organisations`: {engagement: number of organisations in its analysis};
    - `corrections`: {(engagement, organisation): (every consensus rating of the
      organisation counted in the tally, the ratings of its deciding session)} as
      (section_key, level_key) pairs — for organisations with several sessions or a draft.

    Every engagement of `organisations` gets every section of `sections`.
    """
    raw: dict[tuple[E, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for (engagement, section, key), n in tally.items():
        value = level_value(key)
        if value is not None:
            raw[engagement, section][value] += n
    for (engagement, _org), (counted, deciding) in (corrections or {}).items():
        for ratings, sign in ((counted, -1), (deciding, 1)):
            for section, key in ratings:
                value = level_value(key)
                if value is not None:
                    raw[engagement, section][value] += sign
    out: dict[tuple[E, str], LevelCounts] = {}
    for engagement, n_orgs in organisations.items():
        keys = list(sections) + sorted(
            {s for (e, s) in raw if e == engagement} - set(sections))
        for section in keys:
            got = raw.get((engagement, section), {})
            b, m, h = (max(0, got.get(v, 0)) for v in (1, 2, 3))
            out[engagement, section] = LevelCounts(b, m, h, max(0, n_orgs - b - m - h))
    return out


def domain_counts(
    counts: Mapping[tuple[E, str], LevelCounts],
    section_domain: Mapping[str, str] = SECTION_DOMAIN,
) -> dict[tuple[E, str], LevelCounts]:
    """(engagement, domain) → the domain's sections' counts added up (organisation ×
    section cells), so the mean is the mean level over the domain's assessed cells. Every
    domain of `scale.DOMAINS` is present for every engagement."""
    out: dict[tuple[E, str], LevelCounts] = {}
    engagements = list(dict.fromkeys(e for e, _ in counts))
    for engagement in engagements:
        for domain in DOMAINS:
            out[engagement, domain] = LevelCounts()
    for (engagement, section), value in counts.items():
        in_domain = section_domain.get(section)
        if in_domain is not None:
            out[engagement, in_domain] = out[engagement, in_domain] + value
    return out


@dataclass(frozen=True)
class RoundStep(Generic[E]):
    """One round of a country compared with its baseline (first round) for one section."""

    round: E
    counts: LevelCounts
    delta_mean: float | None  # mean − baseline mean; None if either is unknown
    delta_share: float | None  # change of the share at Moderate or above


@dataclass(frozen=True)
class RoundsLine(Generic[E]):
    """A country's rounds for one section (or domain), baseline first."""

    key: str
    steps: tuple[RoundStep[E], ...] = field(default_factory=tuple)

    @property
    def moved(self) -> float | None:
        """Mean change from the baseline to the latest round."""
        return self.steps[-1].delta_mean if len(self.steps) > 1 else None


def rounds_lines(
    counts: Mapping[tuple[E, str], LevelCounts],
    rounds: Sequence[E],
    keys: Iterable[str],
) -> list[RoundsLine[E]]:
    """For each key (section or domain), the rounds in the given order compared with the
    first: mean level and share at Moderate or above, and their change since the baseline."""
    lines: list[RoundsLine[E]] = []
    for key in keys:
        base = counts.get((rounds[0], key), LevelCounts()) if rounds else LevelCounts()
        steps: list[RoundStep[E]] = []
        for round_ in rounds:
            c = counts.get((round_, key), LevelCounts())
            delta = (None if c.mean is None or base.mean is None else c.mean - base.mean)
            share, base_share = c.share_at_least(Level.MODERATE), base.share_at_least(
                Level.MODERATE)
            delta_share = None if share is None or base_share is None else share - base_share
            steps.append(RoundStep(round_, c, delta, delta_share))
        lines.append(RoundsLine(key, tuple(steps)))
    return lines
