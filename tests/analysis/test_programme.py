"""Programme maths on hand-made counts: organisations per level from the rating tally."""

from __future__ import annotations

import pytest

from govcap.analysis.core.aggregate import RatingRow, resolve
from govcap.analysis.core.programme import (
    LevelCounts,
    domain_counts,
    level_counts,
    level_value,
    rounds_lines,
)
from govcap.analysis.pages_levels import counts_of
from govcap.scale import DOMAINS, SECTION_KEYS, Level

SDT, DSP, PI = "systems-design-thinking", "digital-strategic-plan", "policy-influence"


def test_level_keys_become_values_and_the_rest_is_unknown() -> None:
    assert [level_value(k) for k in ("basic", "Moderate", "high")] == [1, 2, 3]
    assert level_value("not_assessed") is None and level_value("") is None
    assert level_value(None) is None


@pytest.mark.parametrize(("counts", "median", "mean"), [
    (LevelCounts(1, 1, 1), Level.MODERATE, 2.0),
    (LevelCounts(2, 2, 0), Level.BASIC, 1.5),  # the lower median: conservative
    (LevelCounts(0, 1, 3), Level.HIGH, 2.75),
    (LevelCounts(0, 0, 0, 4), None, None),
])
def test_median_and_mean_ignore_not_assessed(counts, median, mean) -> None:
    assert counts.median == median
    assert counts.mean == (pytest.approx(mean) if mean is not None else None)


def test_shares_at_or_above_a_level() -> None:
    c = LevelCounts(basic=1, moderate=2, high=1, not_assessed=5)
    assert c.share_at_least(Level.MODERATE) == pytest.approx(0.75)
    assert c.share_at_least(Level.HIGH) == pytest.approx(0.25)
    assert c.share_at_least(Level.BASIC) == 1
    assert LevelCounts(not_assessed=2).share_at_least(Level.MODERATE) is None


def test_counts_fill_every_section_and_count_the_missing_as_not_assessed() -> None:
    tally = {("ke", SDT, "basic"): 2, ("ke", SDT, "high"): 1, ("ke", SDT, "not_assessed"): 1,
             ("ke", SDT, ""): 1, ("so", PI, "moderate"): 3}
    out = level_counts(tally, {"ke": 5, "so": 3})
    assert out["ke", SDT] == LevelCounts(2, 0, 1, 2)
    assert out["ke", PI] == LevelCounts(0, 0, 0, 5)
    assert out["so", PI] == LevelCounts(0, 3, 0, 0)
    assert {key for (e, key) in out if e == "ke"} == set(SECTION_KEYS)


def test_an_organisation_with_two_sessions_counts_once_at_its_deciding_session() -> None:
    # org "mof" was rated twice in round "ke": basic, then high in its deciding session;
    # the raw tally counted both ratings.
    tally = {("ke", SDT, "basic"): 2, ("ke", SDT, "high"): 2, ("ke", SDT, "moderate"): 1}
    corrections = {("ke", "mof"): ([(SDT, "basic"), (SDT, "high")], [(SDT, "high")])}
    out = level_counts(tally, {"ke": 4}, corrections)
    assert out["ke", SDT] == LevelCounts(basic=1, moderate=1, high=2, not_assessed=0)


def test_counts_agree_with_the_heatmap_distribution_of_the_same_rows() -> None:
    earlier = RatingRow("a", SDT, 1)  # org a's earlier session, not its deciding one
    rows = [RatingRow("a", SDT, 3), RatingRow("b", SDT, 2),
            RatingRow("c", DSP, 3), RatingRow("c", SDT, None)]
    tally: dict = {}
    for row in [earlier, *rows]:
        key = {1: "basic", 2: "moderate", 3: "high", None: "not_assessed"}[row.level]
        tally["e", row.section_key, key] = tally.get(("e", row.section_key, key), 0) + 1
    out = level_counts(tally, {"e": 3}, {("e", "a"): ([(SDT, "basic"), (SDT, "high")],
                                                      [(SDT, "high")])})
    for section, item in counts_of(resolve(rows)).items():
        assert out["e", section] == item


def test_domains_add_their_sections_up() -> None:
    counts = {("ke", DSP): LevelCounts(1, 1, 0, 0), ("ke", PI): LevelCounts(0, 1, 1, 1),
              ("ke", SDT): LevelCounts(2, 0, 0, 0)}
    out = domain_counts(counts)
    assert out["ke", "digital-policy"] == LevelCounts(1, 2, 1, 1)
    assert out["ke", "digital-policy"].mean == pytest.approx(2.0)
    assert out["ke", "design-systems-thinking"] == LevelCounts(2, 0, 0, 0)
    assert {d for (_e, d) in out} == set(DOMAINS)


def test_rounds_are_compared_with_the_baseline() -> None:
    counts = {("r0", SDT): LevelCounts(3, 1, 0, 0), ("r1", SDT): LevelCounts(1, 2, 1, 0),
              ("r2", SDT): LevelCounts(0, 0, 0, 4)}
    line = rounds_lines(counts, ["r0", "r1", "r2"], [SDT])[0]
    assert [s.round for s in line.steps] == ["r0", "r1", "r2"]
    assert line.steps[0].delta_mean == 0
    assert line.steps[1].delta_mean == pytest.approx(2.0 - 1.25)
    assert line.steps[1].delta_share == pytest.approx(0.75 - 0.25)
    assert line.steps[2].delta_mean is None  # nothing assessed in that round
    assert line.moved is None
    assert rounds_lines(counts, ["r0", "r1"], [SDT])[0].moved == pytest.approx(0.75)
