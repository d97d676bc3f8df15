from __future__ import annotations

import pytest

from govcap.charts.data import coerce_level
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
