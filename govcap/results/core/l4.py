"""Level 4 (results): did the organisations trained in a section's domain move more than
those that were not, between two rounds of the same country?

For each section of the instrument, over the organisations with a level in *both* rounds
(paired: the same organisation compared with itself), the change is ``after − before`` in
levels (Basic 1, Moderate 2, High 3). Organisations fall in three groups by what their
officials did between the rounds in the section's training domain:

- **trained**: at least one official completed a course in the domain;
- **not trained**: nobody from the organisation attended a course in the domain;
- **left out**: officials attended but nobody completed — neither trained nor untrained.

The groups' mean changes are compared by a **permutation test** (two-sided, on the
difference of mean changes): every way of splitting the paired changes into groups of the
same sizes is counted when there are at most ``EXACT_LIMIT`` of them (an exact p-value);
otherwise ``ITERATIONS`` random splits drawn with a fixed seed (an approximate p-value,
``(hits + 1) / (iterations + 1)``). The rule for *too few to say*: fewer than
``MIN_PER_GROUP`` paired organisations in either group — then no test is run and no
p-value is given.

Levels come from the one rule of ``analysis.core.org_level`` (the deciding session of each
organisation in each round); the shell passes validated levels only. Pure functions over
plain mappings, no Django.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Generic, TypeVar

from govcap.scale import SECTION_DOMAIN, SECTION_KEYS

Org = TypeVar("Org", bound=Hashable)

MIN_PER_GROUP = 3  # fewer paired organisations than this in either group: too few to say
EXACT_LIMIT = 20_000  # at most this many splits: every one is counted (exact p-value)
ITERATIONS = 10_000  # otherwise this many random splits (approximate p-value)
SEED = 17  # the random splits' seed: the same data give the same p-value every time
# the decimals the page, the documents and the JSON give a mean change in levels (and the
# difference of two) and a p-value with: "+0.67", "p = 0.196"
CHANGE_DIGITS, P_DIGITS = 2, 3
SMALL_GROUP = 10  # below this many per group, the caveat on small numbers is repeated

TOO_FEW = "too_few"
TESTED = "tested"

# caveat codes (worded by the shell)
NO_CONTROL_GROUP = "no_control_group"  # training was not assigned at random
SELECTION = "selection"  # organisations were chosen for their gaps: regression to the mean
SMALL_NUMBERS = "small_numbers"
PAIRED_ONLY = "paired_only"  # organisations assessed in one round only are not compared
NO_VARIATION = "no_variation"  # every paired organisation changed by the same amount
LEFT_OUT = "left_out"  # attended without completing: in neither group


@dataclass(frozen=True)
class Change(Generic[Org]):
    """One organisation's level in a section in the two rounds."""

    org: Org
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Group:
    """What a group of paired organisations did: how many, their mean change, and how many
    moved up, stayed and moved down."""

    n: int
    total_change: int
    up: int
    same: int
    down: int

    @property
    def mean_change(self) -> float | None:
        return self.total_change / self.n if self.n else None


@dataclass(frozen=True)
class PermutationTest:
    """Two-sided permutation test of the difference of mean changes (trained − not
    trained): ``hits`` of ``splits`` splits gave a difference at least as large (either
    sign) as the one observed."""

    observed: float
    p_value: float
    exact: bool
    splits: int
    hits: int


@dataclass(frozen=True)
class SectionComparison(Generic[Org]):
    section: str
    domain: str
    trained: tuple[Change[Org], ...]
    untrained: tuple[Change[Org], ...]
    left_out: tuple[Change[Org], ...] = ()
    unpaired: int = 0  # organisations with a level in one round only
    test: PermutationTest | None = None
    caveats: tuple[str, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        return TESTED if self.test is not None else TOO_FEW

    @property
    def trained_group(self) -> Group:
        return summarise(self.trained)

    @property
    def untrained_group(self) -> Group:
        return summarise(self.untrained)

    @property
    def difference(self) -> float | None:
        """Mean change of the trained minus that of the untrained; None if a group is
        empty."""
        a, b = self.trained_group.mean_change, self.untrained_group.mean_change
        return None if a is None or b is None else a - b


def summarise(changes: Sequence[Change[Org]]) -> Group:
    values = [c.change for c in changes]
    return Group(len(values), sum(values), sum(v > 0 for v in values),
                 sum(v == 0 for v in values), sum(v < 0 for v in values))


def permutation_test(trained: Sequence[int], untrained: Sequence[int], *,
                     exact_limit: int = EXACT_LIMIT, iterations: int = ITERATIONS,
                     seed: int = SEED) -> PermutationTest:
    """The two-sided permutation test of mean(trained) − mean(untrained) over integer
    changes. Compared in integers (no rounding): with k trained of n, total T and a
    trained sum s, the difference is (s·m − (T − s)·k) / (k·m), m = n − k."""
    k, m = len(trained), len(untrained)
    if not k or not m:
        raise ValueError("both groups need at least one organisation")
    values = [*trained, *untrained]
    total = sum(values)

    def scaled(s: int) -> int:  # the difference times k·m
        return s * m - (total - s) * k

    observed = abs(scaled(sum(trained)))
    splits = math.comb(k + m, k)
    if splits <= exact_limit:
        hits = sum(abs(scaled(sum(chosen))) >= observed
                   for chosen in itertools.combinations(values, k))
        p = Fraction(hits, splits)
        exact = True
    else:
        rng = random.Random(seed)
        hits = sum(abs(scaled(sum(rng.sample(values, k)))) >= observed
                   for _ in range(iterations))
        p, splits, exact = Fraction(hits + 1, iterations + 1), iterations, False
    return PermutationTest(scaled(sum(trained)) / (k * m), float(p), exact, splits, hits)


def compare(
    before: Mapping[tuple[Org, str], int],
    after: Mapping[tuple[Org, str], int],
    trained: Mapping[Org, frozenset[str]],
    attended: Mapping[Org, frozenset[str]] | None = None,
    sections: Sequence[str] = SECTION_KEYS,
    section_domain: Mapping[str, str] = SECTION_DOMAIN,
    *,
    min_per_group: int = MIN_PER_GROUP,
) -> list[SectionComparison[Org]]:
    """One comparison per section, in the order of ``sections``.

    - ``before``, ``after``: {(organisation, section): level 1–3} in the earlier and the
      later round (an organisation without a level for a section is simply absent);
    - ``trained``: {organisation: the domains in which one of its officials completed a
      course between the rounds};
    - ``attended``: {organisation: the domains in which its officials attended a course
      without anyone completing it} — these organisations are left out of both groups.
    """
    attended = attended or {}
    out: list[SectionComparison[Org]] = []
    for section in sections:
        domain = section_domain.get(section, section)
        orgs_before = {org for (org, s) in before if s == section}
        orgs_after = {org for (org, s) in after if s == section}
        paired = sorted(orgs_before & orgs_after, key=str)
        groups: dict[str, list[Change[Org]]] = {"trained": [], "untrained": [], "left": []}
        for org in paired:
            change = Change(org, before[org, section], after[org, section])
            if domain in trained.get(org, frozenset()):
                groups["trained"].append(change)
            elif domain in attended.get(org, frozenset()):
                groups["left"].append(change)
            else:
                groups["untrained"].append(change)
        a, b = groups["trained"], groups["untrained"]
        caveats = [NO_CONTROL_GROUP, SELECTION, PAIRED_ONLY]
        test = None
        if len(a) >= min_per_group and len(b) >= min_per_group:
            test = permutation_test([c.change for c in a], [c.change for c in b])
            if len({c.change for c in a + b}) == 1:
                caveats.append(NO_VARIATION)
        if min(len(a), len(b)) < SMALL_GROUP:
            caveats.append(SMALL_NUMBERS)
        if groups["left"]:
            caveats.append(LEFT_OUT)
        out.append(SectionComparison(
            section, domain, tuple(a), tuple(b), tuple(groups["left"]),
            len(orgs_before ^ orgs_after), test, tuple(caveats)))
    return out


def moved_up(comparisons: Sequence[SectionComparison[Org]]) -> tuple[int, int]:
    """The trained organisations that moved up at least one level in at least one section
    they were trained for, and the trained organisations paired in at least one such
    section: (moved up, out of)."""
    seen: set[Org] = set()
    up: set[Org] = set()
    for comparison in comparisons:
        for change in comparison.trained:
            seen.add(change.org)
            if change.change > 0:
                up.add(change.org)
    return len(up), len(seen)
