from __future__ import annotations

import pytest

from govcap.analysis.core.agreement import least_consensus, vote_spread
from govcap.scale import Level


def test_it_counts_votes_per_level() -> None:
    spread = vote_spread([1, 2, 2, 3, Level.MODERATE, None])
    assert spread["n"] == 5
    assert spread["abstentions"] == 1
    assert spread["counts"] == {"basic": 1, "moderate": 3, "high": 1}
    assert spread["mode"] == 2 and spread["modes"] == [2]
    assert spread["median"] == 2
    assert (spread["min"], spread["max"], spread["range"]) == (1, 3, 2)
    assert spread["mode_share"] == pytest.approx(0.6)


def test_a_tie_has_no_single_mode() -> None:
    spread = vote_spread([1, 1, 3, 3])
    assert spread["modes"] == [1, 3]
    assert spread["mode"] is None
    assert spread["median"] == 2


@pytest.mark.parametrize(
    ("votes", "dispersion"),
    [
        ([2, 2, 2], 0.0),  # all on one level
        ([1, 3], 1.0),  # split between the extremes: maximal
        ([1, 2, 3], 2 / 3),  # uniform: F = (1/3, 2/3) → 1/3 + 1/3
        ([1, 1, 2], 1 / 3),  # F = (2/3, 1) → 1/3 + 0
        ([1, 2], 0.5),  # F = (1/2, 1) → 1/2 + 0
    ],
)
def test_leik_dispersion(votes: list[int], dispersion: float) -> None:
    spread = vote_spread(votes)
    assert spread["dispersion"] == pytest.approx(dispersion)
    assert spread["consensus"] == pytest.approx(1 - dispersion)


def test_no_votes_gives_no_statistics() -> None:
    spread = vote_spread([None, None])
    assert spread["n"] == 0 and spread["abstentions"] == 2
    assert spread["mode"] is None and spread["dispersion"] is None and spread["median"] is None


def test_it_refuses_values_outside_the_scale() -> None:
    with pytest.raises(ValueError):
        vote_spread([1, 5])


def test_least_consensus_ranks_the_most_divided_sections_first() -> None:
    ranked = least_consensus(
        {
            "agile": [2, 2, 2],  # hypothetical non-section key sorts after known ones
            "project-execution": [1, 3, 1, 3],
            "change-management": [1, 2, 3],
            "systems-design-thinking": [1, 2, 3],
            "policy-influence": [None],
        }
    )
    assert [key for key, _ in ranked] == [
        "project-execution",
        "systems-design-thinking",
        "change-management",
        "agile",
    ]
    assert least_consensus({"agile": [1, 3], "project-execution": [2]}, limit=1)[0][0] == "agile"
