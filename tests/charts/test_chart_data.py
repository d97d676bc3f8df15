from __future__ import annotations

import pytest

from govcap.charts.data import (
    RoundProfile,
    SectionCounts,
    SectionLevel,
    coerce_level,
    heatmap_rows,
    level_distribution_rows,
    level_profile_rows,
    trend_rows,
)
from govcap.scale import Level


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (1, Level.BASIC),
        (Level.HIGH, Level.HIGH),
        ("moderate", Level.MODERATE),
        ("not_assessed", None),
        ("", None),
    ],
)
def test_coerce_level(value: object, expected: Level | None) -> None:
    assert coerce_level(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [0, 4, True, "excellent"])
def test_coerce_level_refuses_other_values(bad: object) -> None:
    with pytest.raises(ValueError):
        coerce_level(bad)  # type: ignore[arg-type]


def test_profile_rows_carry_level_target_and_gap() -> None:
    rows = level_profile_rows(
        [SectionLevel("agile", "2. Agile", 1), SectionLevel("policy-influence", "6. Policy", None)],
        {"agile": 3, "policy-influence": 2},
    )
    assert rows[0] == {
        "key": "agile",
        "label": "2. Agile",
        "level": 1,
        "level_label": "Basic",
        "target": 3,
        "target_label": "High",
        "gap": 2,
    }
    assert rows[1]["level_label"] == "Not assessed" and rows[1]["gap"] is None


def test_heatmap_rows() -> None:
    assert heatmap_rows(["A"], ["x", "y"], [[3, None]]) == [
        {"label": "A", "cells": ["High", "Not assessed"]}
    ]


def test_distribution_rows_have_percentages() -> None:
    row = level_distribution_rows([SectionCounts("S", 1, 1, 2, 0)])[0]
    assert row["total"] == 4 and row["high_percent"] == 50 and row["basic"] == 1
    assert level_distribution_rows([SectionCounts("Empty")])[0]["basic_percent"] is None


def test_trend_rows_compare_first_and_last_round() -> None:
    rows = trend_rows(
        [
            RoundProfile("Baseline", [SectionLevel("agile", "Agile", 1)]),
            RoundProfile(
                "Follow-up", [SectionLevel("agile", "Agile", 3), SectionLevel("ea", "EA", 2)]
            ),
        ]
    )
    assert rows[0]["change"] == 2 and rows[0]["levels"] == ["Basic", "High"]
    assert rows[1]["change"] is None and rows[1]["levels"] == ["Not assessed", "Moderate"]
