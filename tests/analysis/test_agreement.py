"""Krippendorff's alpha and percent agreement, checked against hand and textbook values.

The reference implementation below is written from Krippendorff's coincidence-matrix
definition, independently of the `krippendorff` package that govcap calls:

    o_ck = Σ_u (number of c–k pairs in unit u) / (m_u − 1)      (ordered pairs, i ≠ j)
    n_c  = Σ_k o_ck,  n = Σ_c n_c
    α    = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
    ordinal δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²,   nominal δ²_ck = [c ≠ k]
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcap.analysis.core.agreement import (
    Unit,
    agreement_report,
    krippendorff_ordinal,
    percent_agreement,
)
from govcap.scale import Level


def reference_alpha(
    units: list[list[int | None]], metric: str, domain: tuple[int, ...]
) -> float | None:
    o: dict[tuple[int, int], Fraction] = {(c, k): Fraction(0) for c in domain for k in domain}
    for values in units:
        given_values = [v for v in values if v is not None]
        m = len(given_values)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            o[given_values[i], given_values[j]] += Fraction(1, m - 1)
    n_c = {c: sum(o[c, k] for k in domain) for c in domain}
    n = sum(n_c.values())
    position = {value: index for index, value in enumerate(domain)}

    def delta(c: int, k: int) -> Fraction:
        if metric == "nominal":
            return Fraction(int(c != k))
        low, high = sorted((position[c], position[k]))
        between = sum(n_c[g] for g in domain[low : high + 1])
        return (between - (n_c[c] + n_c[k]) / 2) ** 2

    observed = sum(o[c, k] * delta(c, k) for c in domain for k in domain)
    expected = sum(n_c[c] * n_c[k] * delta(c, k) for c in domain for k in domain)
    if n < 2 or expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers × 12 units, values 1–5, with missing data. Published: nominal α = 0.743,
# ordinal α = 0.815.
PAPER = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}
PAPER_DOMAIN = (1, 2, 3, 4, 5)


def paper_units() -> dict[Unit, dict[str, int | None]]:
    return {
        Unit("paper", f"unit-{u + 1}"): {rater: values[u] for rater, values in PAPER.items()}
        for u in range(12)
    }


def as_lists(units: dict[Unit, dict[str, int | None]]) -> list[list[int | None]]:
    return [list(by_rater.values()) for by_rater in units.values()]


def test_reference_reproduces_the_published_nominal_and_ordinal_values() -> None:
    units = as_lists(paper_units())
    assert round(reference_alpha(units, "nominal", PAPER_DOMAIN) or 0, 3) == 0.743
    assert round(reference_alpha(units, "ordinal", PAPER_DOMAIN) or 0, 3) == 0.815


def test_it_matches_the_independent_ordinal_computation_on_the_paper_example() -> None:
    expected = reference_alpha(as_lists(paper_units()), "ordinal", PAPER_DOMAIN)
    assert expected is not None
    assert krippendorff_ordinal(paper_units(), value_domain=PAPER_DOMAIN) == pytest.approx(
        expected, abs=1e-12
    )


def test_it_computes_the_hand_worked_two_rater_case() -> None:
    # Two raters, four units: (1,1) (2,2) (3,3) (2,3).
    # Coincidences: o11 = 2, o22 = 2, o33 = 2, o23 = o32 = 1 → n1 = 2, n2 = 3, n3 = 3, n = 8.
    # Ordinal δ²: δ12 = ((2+3) − (2+3)/2)² = 2.5² = 6.25
    #             δ23 = ((3+3) − (3+3)/2)² = 3² = 9
    #             δ13 = ((2+3+3) − (2+3)/2)² = 5.5² = 30.25
    # Σ o δ² = o23·δ23 + o32·δ23 = 18
    # Σ n_c n_k δ² over ordered pairs = 2·(2·3·6.25 + 2·3·30.25 + 3·3·9) = 2·300 = 600
    # α = 1 − (n − 1)·18/600 = 1 − 7·18/600 = 1 − 0.21 = 0.79
    # (nominal: 1 − 7·2/42 = 2/3; percent agreement: 3 of 4 units = 0.75)
    units = {
        Unit("s1", "change-management"): {"ana": 1, "ben": 1},
        Unit("s2", "change-management"): {"ana": 2, "ben": 2},
        Unit("s3", "change-management"): {"ana": 3, "ben": 3},
        Unit("s4", "change-management"): {"ana": 2, "ben": 3},
    }
    assert krippendorff_ordinal(units) == pytest.approx(0.79, abs=1e-12)
    assert reference_alpha(as_lists(units), "ordinal", (1, 2, 3)) == pytest.approx(0.79)
    assert reference_alpha(as_lists(units), "nominal", (1, 2, 3)) == pytest.approx(2 / 3)
    assert percent_agreement(units) == 0.75


def test_it_accepts_levels_and_ignores_missing_values() -> None:
    units = {
        Unit("s1", "project-execution"): {"a": Level.BASIC, "b": Level.BASIC, "c": None},
        Unit("s2", "project-execution"): {"a": Level.HIGH, "b": Level.MODERATE},
    }
    with_lonely_unit = {**units, Unit("s3", "project-execution"): {"a": 3, "b": None}}
    assert krippendorff_ordinal(units) == krippendorff_ordinal(with_lonely_unit)
    assert percent_agreement(with_lonely_unit) == 0.5


@pytest.mark.parametrize(
    "units",
    [
        {},
        {Unit("s1", "policy-influence"): {"a": 2}},
        {Unit("s1", "policy-influence"): {"a": 2, "b": None}},
        {
            Unit("s1", "policy-influence"): {"a": 2, "b": 2},
            Unit("s2", "policy-influence"): {"a": 2, "b": 2},
        },
    ],
    ids=["no units", "one rater", "one value", "no variation"],
)
def test_it_returns_none_when_alpha_is_undefined(units: dict) -> None:
    assert krippendorff_ordinal(units) is None


def test_percent_agreement_is_none_without_pairable_units() -> None:
    assert percent_agreement({Unit("s1", "agile"): {"a": 1}}) is None


def test_perfect_agreement_with_variation_is_one() -> None:
    units = {Unit(f"s{i}", "processes-services"): {"a": v, "b": v} for i, v in enumerate([1, 2, 3])}
    assert krippendorff_ordinal(units) == 1.0
    assert percent_agreement(units) == 1.0


@pytest.mark.parametrize("bad", [0, 4, 2.5, True, "high"])
def test_it_refuses_values_outside_the_scale(bad: object) -> None:
    with pytest.raises(ValueError):
        krippendorff_ordinal({Unit("s1", "agile"): {"a": 1, "b": bad}})  # type: ignore[dict-item]


unit_values = st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=3, max_size=3),
    min_size=1,
    max_size=12,
)


@settings(max_examples=80, deadline=None)
@given(unit_values)
def test_it_always_agrees_with_the_reference(rows: list[list[int | None]]) -> None:
    units = {
        Unit(f"s{i}", "agile"): dict(zip("abc", values, strict=True))
        for i, values in enumerate(rows)
    }
    expected = reference_alpha(rows, "ordinal", (1, 2, 3))
    got = krippendorff_ordinal(units)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, abs=1e-9)
        assert got <= 1.0


def _report_units() -> dict[Unit, dict[str, int | None]]:
    units: dict[Unit, dict[str, int | None]] = {}
    for i, level in enumerate([1, 2, 3, 1, 2, 3]):
        session = f"s{i}"
        # systems-design-thinking: x and y agree, z agrees too → alpha 1
        units[Unit(session, "systems-design-thinking")] = {"x": level, "y": level, "z": level}
        # project-execution: z is always two levels away from x and y
        units[Unit(session, "project-execution")] = (
            {"x": 1, "y": 1, "z": 3} if i % 2 else {"x": 3, "y": 3, "z": 1}
        )
        # policy-influence: everybody says Moderate → no variation → insufficient
        units[Unit(session, "policy-influence")] = {"x": 2, "y": 2, "z": 2}
    return units


def test_the_report_groups_by_section_in_instrument_order() -> None:
    report = agreement_report(_report_units())
    assert list(report.by_section) == [
        "systems-design-thinking",
        "project-execution",
        "policy-influence",
    ]
    assert report.by_section["systems-design-thinking"].alpha == 1.0
    assert report.by_section["systems-design-thinking"].pairable_units == 6
    assert report.by_section["systems-design-thinking"].pairable_values == 18


def test_the_report_flags_sections_below_threshold_and_marks_insufficient_data() -> None:
    report = agreement_report(_report_units())
    assert [k for k, r in report.by_section.items() if r.below_threshold] == ["project-execution"]
    assert [k for k, r in report.by_section.items() if r.insufficient] == ["policy-influence"]
    policy = report.by_section["policy-influence"]
    assert policy.alpha is None and policy.insufficient and not policy.below_threshold
    assert policy.percent == 1.0


def test_the_report_compares_every_rater_pair() -> None:
    report = agreement_report(_report_units())
    assert list(report.by_pair) == [("x", "y"), ("x", "z"), ("y", "z")]
    assert report.by_pair[("x", "y")].alpha == 1.0
    assert report.by_pair[("x", "y")].percent == 1.0
    assert [p for p, r in report.by_pair.items() if r.below_threshold] == [("x", "z"), ("y", "z")]
    xz = report.by_pair[("x", "z")]
    assert xz.percent == pytest.approx(12 / 18)  # they agree on 2 of the 3 sections
    assert xz.pairable_units == 18


def test_the_report_overall_alpha_matches_the_function() -> None:
    units = _report_units()
    report = agreement_report(units, threshold=0.8)
    assert report.threshold == 0.8
    assert report.overall.alpha == krippendorff_ordinal(units)
    assert report.overall.percent == percent_agreement(units)


def test_a_pair_that_never_rated_the_same_unit_is_insufficient() -> None:
    units = {
        Unit("s1", "agile"): {"a": 1, "b": 2},
        Unit("s2", "agile"): {"a": 3, "c": 3},
    }
    report = agreement_report(units)
    assert report.by_pair[("b", "c")].insufficient
    assert report.by_pair[("b", "c")].pairable_units == 0
    assert ("b", "c") in [p for p, r in report.by_pair.items() if r.insufficient]


def test_the_report_needs_section_keyed_units() -> None:
    with pytest.raises(ValueError, match="session, section_key"):
        agreement_report({"just-a-name": {"a": 1, "b": 2}})
