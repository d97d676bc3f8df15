"""Agreement between raters of FGD sections, and the spread of anonymous votes.

Data shape: a *unit* is one section of one session, keyed ``(session, section_key)``
(`Unit` is a NamedTuple of that shape); its value is a mapping rater → level, where the
level is 1 (Basic), 2 (Moderate), 3 (High), a `Level`, or None for "not assessed /
did not rate". Missing values are simply left out: Krippendorff's alpha is built for that.

Choices, stated once:

- **Alpha** is Krippendorff's alpha at the ordinal level of measurement, over the value
  domain (1, 2, 3), computed by the `krippendorff` package. A unit is *pairable* when at
  least two raters gave it a level; units with fewer values carry no information about
  agreement and are dropped. Alpha is returned as None ("insufficient data") when it is
  undefined: when no unit is pairable, or when every pairable value is the same level (no
  variation, so expected disagreement is 0 and alpha is 0/0). Perfect agreement *with*
  variation across units gives 1.0.
- **Percent agreement** is unit-wise: the share of pairable units on which *all* raters
  who gave a level gave the same one. For one pair of raters this equals their pairwise
  agreement. It is not chance-corrected — read it beside alpha.
- **Threshold** 0.667 is Krippendorff's lowest acceptable alpha for tentative conclusions
  (0.800 for firm ones); sections and rater pairs below it are flagged. A result with
  insufficient data is marked, never flagged.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from statistics import median
from typing import NamedTuple, TypedDict, TypeVar

import numpy as np

from govcap.scale import SECTION_KEYS, Level

LEVEL_DOMAIN: tuple[int, ...] = tuple(int(level) for level in Level)  # (1, 2, 3)
DEFAULT_THRESHOLD = 0.667

R = TypeVar("R", bound=Hashable)
U = TypeVar("U", bound=Hashable)


class Unit(NamedTuple):
    """One rated unit: a section of a session."""

    session: Hashable
    section: str


def _value(level: int | Level | None, domain: Sequence[int]) -> int | None:
    if level is None:
        return None
    if isinstance(level, bool) or int(level) != level or int(level) not in domain:
        raise ValueError(f"{level!r} is not a level in {tuple(domain)}")
    return int(level)


def _pairable(
    units: Mapping[U, Mapping[R, int | Level | None]], domain: Sequence[int]
) -> dict[U, dict[R, int]]:
    """Units with at least two given levels, missing values dropped."""
    out: dict[U, dict[R, int]] = {}
    for unit, by_rater in units.items():
        given = {}
        for rater, level in by_rater.items():
            value = _value(level, domain)
            if value is not None:
                given[rater] = value
        if len(given) >= 2:
            out[unit] = given
    return out


def krippendorff_ordinal(
    units: Mapping[U, Mapping[R, int | Level | None]],
    *,
    value_domain: Sequence[int] = LEVEL_DOMAIN,
) -> float | None:
    """Krippendorff's ordinal alpha over `units`, or None when it is undefined.

    `value_domain` is the ordered list of possible values; the default is the govcap scale
    (1, 2, 3). It is a parameter so the published textbook examples (1–5) can be checked.
    """
    import krippendorff

    domain = tuple(value_domain)
    pairable = _pairable(units, domain)
    if not pairable:
        return None
    values = [v for by_rater in pairable.values() for v in by_rater.values()]
    if len(set(values)) < 2:
        return None
    index = {value: i for i, value in enumerate(domain)}
    counts = np.zeros((len(pairable), len(domain)), dtype=int)
    for row, by_rater in enumerate(pairable.values()):
        for value in by_rater.values():
            counts[row, index[value]] += 1
    with np.errstate(divide="ignore", invalid="ignore"):
        result = float(
            krippendorff.alpha(
                value_counts=counts, value_domain=list(domain), level_of_measurement="ordinal"
            )
        )
    return None if math.isnan(result) else result


def percent_agreement(
    units: Mapping[U, Mapping[R, int | Level | None]],
    *,
    value_domain: Sequence[int] = LEVEL_DOMAIN,
) -> float | None:
    """Share (0–1) of pairable units where every rater gave the same level; None if none."""
    pairable = _pairable(units, tuple(value_domain))
    if not pairable:
        return None
    agreed = sum(1 for by_rater in pairable.values() if len(set(by_rater.values())) == 1)
    return agreed / len(pairable)


@dataclass(frozen=True)
class Agreement:
    """Agreement over one set of units (all, one section, or one rater pair)."""

    alpha: float | None
    percent: float | None
    pairable_units: int
    pairable_values: int
    below_threshold: bool

    @property
    def insufficient(self) -> bool:
        """True when alpha is undefined ('insufficient data')."""
        return self.alpha is None


def _agreement(units: Mapping[U, Mapping[R, int | Level | None]], threshold: float) -> Agreement:
    pairable = _pairable(units, LEVEL_DOMAIN)
    alpha = krippendorff_ordinal(pairable)
    return Agreement(
        alpha=alpha,
        percent=percent_agreement(pairable),
        pairable_units=len(pairable),
        pairable_values=sum(len(by_rater) for by_rater in pairable.values()),
        below_threshold=alpha is not None and alpha < threshold,
    )


@dataclass(frozen=True)
class AgreementReport:
    """Overall, per-section and per-rater-pair agreement, with what to look at.

    Sections are ordered as in `scale.SECTION_KEYS` (unknown keys after, sorted); rater
    pairs are sorted, and each pair is ordered (lower, higher) by ``str(rater)``.
    """

    threshold: float
    overall: Agreement
    by_section: dict[str, Agreement] = field(default_factory=dict)
    by_pair: dict[tuple[Hashable, Hashable], Agreement] = field(default_factory=dict)


def _present_sections(keys: Iterable[str]) -> list[str]:
    """Known section keys in instrument order, then any others sorted."""
    present = set(keys)
    known = [key for key in SECTION_KEYS if key in present]
    return known + sorted(present - set(SECTION_KEYS))


def _section_of(unit: Hashable) -> str:
    if isinstance(unit, tuple) and len(unit) >= 2 and isinstance(unit[1], str):
        return unit[1]
    raise ValueError(f"unit {unit!r} is not a (session, section_key) pair")


def agreement_report(
    units: Mapping[U, Mapping[R, int | Level | None]],
    threshold: float = DEFAULT_THRESHOLD,
) -> AgreementReport:
    """Alpha and percent agreement overall, per section and per rater pair.

    Unit keys must be ``(session, section_key)`` pairs (e.g. `Unit`). Per section, alpha is
    over that section's units across sessions; per pair, over the units both raters rated.
    """
    grouped: dict[str, dict[U, Mapping[R, int | Level | None]]] = defaultdict(dict)
    raters: set[R] = set()
    for unit, by_rater in units.items():
        grouped[_section_of(unit)][unit] = by_rater
        raters.update(by_rater)
    by_section = {key: _agreement(grouped[key], threshold) for key in _present_sections(grouped)}
    by_pair: dict[tuple[Hashable, Hashable], Agreement] = {}
    for first, second in combinations(sorted(raters, key=str), 2):
        pair_units = {
            unit: {first: by_rater.get(first), second: by_rater.get(second)}
            for unit, by_rater in units.items()
            if first in by_rater and second in by_rater
        }
        by_pair[(first, second)] = _agreement(pair_units, threshold)
    return AgreementReport(
        threshold=threshold,
        overall=_agreement(units, threshold),
        by_section=by_section,
        by_pair=by_pair,
    )


# --- anonymous votes -------------------------------------------------------------------


class Spread(TypedDict):
    """`vote_spread`'s answer (a dict: templates and JSON read it as it is)."""

    n: int
    abstentions: int
    counts: dict[str, int]
    modes: list[int]
    mode: int | None
    median: float | None
    min: int | None
    max: int | None
    range: int | None
    mode_share: float | None
    dispersion: float | None
    consensus: float | None


def vote_spread(levels: Iterable[int | Level | None]) -> Spread:
    """How much a group's individual (anonymous) votes on one section agree.

    Returns a dict (template- and JSON-friendly):

    - ``n``: votes cast (levels 1–3); ``abstentions``: None values, not counted in ``n``
    - ``counts``: ``{"basic": n1, "moderate": n2, "high": n3}``
    - ``modes``: the most voted level(s), ascending; ``mode``: that level when unique,
      else None (a tie)
    - ``median``: median level (may be x.5 with an even number of votes); ``min``,
      ``max``, ``range`` (max − min, 0–2)
    - ``mode_share``: share of votes at the (a) modal level, 1/3–1
    - ``dispersion``: Leik's ordinal dispersion D = 2/(k−1) · Σᵢ min(Fᵢ, 1 − Fᵢ) over the
      cumulative shares F₁, F₂ of the k = 3 levels; 0 = all votes on one level,
      1 = votes split evenly between Basic and High (maximal polarisation)
    - ``consensus``: 1 − dispersion

    With no votes every statistic is None. Rank sections by ``dispersion`` (highest first)
    to list the areas of least consensus (see `least_consensus`).
    """
    counter: Counter[int] = Counter()
    abstentions = 0
    for level in levels:
        value = _value(level, LEVEL_DOMAIN)
        if value is None:
            abstentions += 1
        else:
            counter[value] += 1
    n = sum(counter.values())
    counts = {Level(value).key: counter[value] for value in LEVEL_DOMAIN}
    if not n:
        return {
            "n": 0,
            "abstentions": abstentions,
            "counts": counts,
            "modes": [],
            "mode": None,
            "median": None,
            "min": None,
            "max": None,
            "range": None,
            "mode_share": None,
            "dispersion": None,
            "consensus": None,
        }
    top = max(counter.values())
    modes = [value for value in LEVEL_DOMAIN if counter[value] == top]
    votes = sorted(counter.elements())
    cumulative: list[float] = []
    running = 0
    for value in LEVEL_DOMAIN[:-1]:
        running += counter[value]
        cumulative.append(running / n)
    k = len(LEVEL_DOMAIN)
    dispersion = 2 / (k - 1) * sum(min(f, 1 - f) for f in cumulative)
    return {
        "n": n,
        "abstentions": abstentions,
        "counts": counts,
        "modes": modes,
        "mode": modes[0] if len(modes) == 1 else None,
        "median": median(votes),
        "min": votes[0],
        "max": votes[-1],
        "range": votes[-1] - votes[0],
        "mode_share": top / n,
        "dispersion": dispersion,
        "consensus": 1 - dispersion,
    }


def least_consensus(
    votes_by_section: Mapping[str, Iterable[int | Level | None]], limit: int | None = None
) -> list[tuple[str, Spread]]:
    """Sections ordered from least to most consensus: highest dispersion first, then lowest
    mode share, then instrument order. Sections without votes are left out."""
    spreads = {key: vote_spread(votes) for key, votes in votes_by_section.items()}
    order = {key: index for index, key in enumerate(_present_sections(spreads))}
    ranked = sorted(
        ((key, spread) for key, spread in spreads.items() if spread["n"]),
        key=lambda item: (  # with votes (n > 0), dispersion and mode share are numbers
            -(item[1]["dispersion"] or 0.0),
            item[1]["mode_share"] or 0.0,
            order[item[0]],
        ),
    )
    return ranked if limit is None else ranked[:limit]
