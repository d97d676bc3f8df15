from __future__ import annotations

from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcap.analysis.core.aggregate import (
    RatingRow,
    change_summary,
    gaps,
    resolve,
    round_changes,
    section_gap_summary,
)
from govcap.analysis.pages_levels import counts_of
from govcap.scale import SECTION_KEYS, Level

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH

ROWS = [
    RatingRow("mof", "systems-design-thinking", 2, "baseline"),
    RatingRow("mof", "project-execution", 1, "baseline"),
    RatingRow("mof", "digital-strategic-plan", 3, "baseline"),
    RatingRow("mof", "policy-influence", None, "baseline"),
    RatingRow("ict", "systems-design-thinking", 3, "baseline"),
    RatingRow("ict", "digital-strategic-plan", 1, "baseline"),
    RatingRow("ict", "policy-influence", 2, "baseline"),
    RatingRow("mof", "systems-design-thinking", 3, "follow-up-1"),
    RatingRow("mof", "project-execution", 1, "follow-up-1"),
    RatingRow("mof", "policy-influence", 2, "follow-up-1"),
    RatingRow("ict", "systems-design-thinking", 2, "follow-up-1"),
    RatingRow("nira", "change-management", 2, "follow-up-1"),
]


def cells(grid) -> tuple[tuple[Level | None, ...], ...]:
    """The grid as the heatmap draws it: cells[org][section]."""
    return tuple(tuple(grid.get(org, key) for key in grid.sections) for org in grid.orgs)


def test_the_heatmap_has_every_section_in_instrument_order_and_orgs_sorted() -> None:
    grid = resolve(ROWS, in_round="baseline")
    assert grid.orgs == ("ict", "mof")
    assert grid.sections == SECTION_KEYS
    assert cells(grid)[1][:5] == (M, None, B, None, H)
    assert cells(grid)[0][0] == H
    assert all(len(line) == len(SECTION_KEYS) for line in cells(grid))


def test_the_heatmap_follows_an_explicit_order_and_keeps_unrated_orgs() -> None:
    grid = resolve(
        ROWS, in_round="baseline", orgs=["mof", "nira", "ict"], sections=["project-execution"]
    )
    assert grid.orgs == ("mof", "nira", "ict")
    assert cells(grid) == ((B,), (None,), (None,))


def test_unknown_sections_come_after_the_known_ones() -> None:
    grid = resolve(
        [("a", "zeta-new", 2), ("a", "agile-new", 1), ("a", "change-management", 3)]
    )
    assert grid.sections == (*SECTION_KEYS, "agile-new", "zeta-new")
    assert cells(grid)[0][-2:] == (B, M)


def test_rows_from_several_rounds_need_a_round() -> None:
    with pytest.raises(ValueError, match="in_round"):
        resolve(ROWS)


def test_two_levels_for_one_cell_are_refused() -> None:
    # org_level chooses one deciding session per organisation and round before resolve
    with pytest.raises(ValueError, match="org_level"):
        resolve([("mof", "agile", 1), ("mof", "agile", 3)])


@pytest.mark.parametrize("bad", [0, 4, 1.5, "high", True])
def test_a_bad_level_names_its_row(bad: object) -> None:
    with pytest.raises(ValueError, match=r"rating row 2 \('mof', 'agile'\)"):
        resolve([("mof", "other", 1), ("mof", "agile", bad)])


def test_the_distribution_counts_the_heatmap_columns() -> None:
    dist = counts_of(resolve(ROWS, in_round="follow-up-1"))
    assert list(dist) == list(SECTION_KEYS)
    first = dist["systems-design-thinking"]
    assert (first.basic, first.moderate, first.high, first.not_assessed) == (0, 1, 1, 1)
    assert dist["enterprise-architecture"].not_assessed == 3


def test_gaps_are_floored_at_zero_and_unknown_when_not_assessed() -> None:
    targets = {
        "systems-design-thinking": 3,
        "project-execution": 2,
        "policy-influence": 3,
        "digital-strategic-plan": 2,
    }
    result = {org.org_id: org for org in gaps(ROWS, targets, in_round="baseline")}
    mof = {item.section: item for item in result["mof"].sections}
    assert mof["systems-design-thinking"].gap == 1
    assert mof["project-execution"].gap == 1
    assert mof["digital-strategic-plan"].gap == 0  # High against a Moderate target
    assert mof["policy-influence"].gap is None  # not assessed
    assert mof["distributed-leadership"].gap is None  # no target
    assert result["mof"].total == 2
    assert result["mof"].unknown == 1
    assert not result["mof"].complete


def test_organisation_targets_override_the_defaults() -> None:
    result = gaps(
        ROWS,
        {"systems-design-thinking": 3},
        in_round="baseline",
        org_targets={"ict": {"systems-design-thinking": None, "digital-strategic-plan": 3}},
    )
    ict = {item.section: item for item in result[0].sections}
    assert result[0].org_id == "ict"
    assert ict["systems-design-thinking"].target is None
    assert ict["digital-strategic-plan"].gap == 2
    assert result[0].total == 2 and result[0].unknown == 0


def test_the_gap_summary_counts_organisations_per_section() -> None:
    summary = {
        item.section: item
        for item in section_gap_summary(
            gaps(ROWS, {"systems-design-thinking": 3, "policy-influence": 3}, in_round="baseline")
        )
    }
    sdt = summary["systems-design-thinking"]
    assert (sdt.below_target, sdt.at_target, sdt.unknown, sdt.total_gap) == (1, 1, 0, 1)
    assert sdt.mean_gap == 0.5
    pol = summary["policy-influence"]
    assert (pol.below_target, pol.unknown, pol.mean_gap) == (1, 1, 1.0)


def test_changes_between_rounds() -> None:
    changes = round_changes(ROWS, "baseline", "follow-up-1", sections=SECTION_KEYS[:3])
    as_tuples = [(c.org_id, c.section, c.delta) for c in changes]
    assert as_tuples[:3] == [
        ("ict", "systems-design-thinking", -1),
        ("ict", "distributed-leadership", None),
        ("ict", "project-execution", None),
    ]
    assert ("mof", "systems-design-thinking", 1) in as_tuples
    assert ("mof", "project-execution", 0) in as_tuples
    assert {c.org_id for c in changes} == {"ict", "mof", "nira"}


def test_the_change_summary_counts_directions() -> None:
    summary = {s.section: s for s in change_summary(round_changes(ROWS, "baseline", "follow-up-1"))}
    sdt = summary["systems-design-thinking"]
    assert (sdt.improved, sdt.declined, sdt.unchanged, sdt.unknown) == (1, 1, 0, 1)
    assert sdt.mean_delta == 0.0
    assert summary["enterprise-architecture"].mean_delta is None
    assert list(summary) == list(SECTION_KEYS)


rating_rows = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from(SECTION_KEYS[:3]),
        st.one_of(st.none(), st.integers(1, 3)),
    ),
    max_size=30,
    unique_by=lambda row: row[:2],  # one row per cell: org_level chose the session
)


@settings(max_examples=50, deadline=None)
@given(rating_rows, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_order(rows: list[tuple], random: Random) -> None:
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert cells(resolve(rows)) == cells(resolve(shuffled))
    assert counts_of(resolve(rows)) == counts_of(resolve(shuffled))
    assert gaps(rows, {"agile": 3}) == gaps(shuffled, {"agile": 3})
