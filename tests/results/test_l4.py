"""The level-4 comparison on hand-made levels whose answers were worked out by hand."""

from __future__ import annotations

import math

import pytest

from govcap.results.core import l4

S = "change-management"  # domain change-management
P5, P6 = "digital-strategic-plan", "policy-influence"  # both in domain digital-policy


def levels(**by_org: int) -> dict[tuple[str, str], int]:
    return {(org, S): level for org, level in by_org.items()}


def test_three_trained_up_three_untrained_still_exact_p_is_two_in_twenty():
    # Changes: trained +1 +1 +1, untrained 0 0 0. Of the C(6,3) = 20 ways to split the six
    # changes into groups of three, only the observed split and its mirror (0 0 0 | +1 +1 +1)
    # give a difference of mean changes as large as 1: p = 2/20 = 0.1.
    before = levels(a=1, b=1, c=2, d=1, e=2, f=2)
    after = levels(a=2, b=2, c=3, d=1, e=2, f=2)
    trained = {o: frozenset({"change-management"}) for o in "abc"}
    [result] = l4.compare(before, after, trained, sections=[S])
    assert result.verdict == l4.TESTED
    assert [c.org for c in result.trained] == ["a", "b", "c"]
    assert [c.change for c in result.untrained] == [0, 0, 0]
    assert result.difference == 1.0
    assert result.test.exact and result.test.splits == 20 and result.test.hits == 2
    assert result.test.p_value == pytest.approx(0.1)
    assert result.trained_group.up == 3 and result.untrained_group.same == 3


def test_a_p_value_with_ties_computed_by_hand():
    # Trained +1 +1 0, untrained 0 0 0: observed difference 2/3. A split with s of the two
    # +1 in the trained group differs by (2s − 2)/3: |·| ≥ 2/3 for s = 2 (C(2,2)·C(4,1) = 4
    # splits) and s = 0 (C(4,3) = 4): p = 8/20 = 0.4.
    p = l4.permutation_test([1, 1, 0], [0, 0, 0])
    assert (p.hits, p.splits, p.exact) == (8, 20, True)
    assert p.p_value == pytest.approx(0.4)
    assert p.observed == pytest.approx(2 / 3)


def test_too_few_to_say_below_three_per_group_and_no_p_value():
    before = levels(a=1, b=1, d=1, e=2, f=2)
    after = levels(a=2, b=3, d=1, e=2, f=2)
    [result] = l4.compare(before, after, {"a": frozenset({"change-management"}),
                                          "b": frozenset({"change-management"})}, sections=[S])
    assert result.verdict == l4.TOO_FEW and result.test is None
    # the counts and the changes are still there to read
    assert result.trained_group.n == 2 and result.trained_group.total_change == 3
    assert result.untrained_group.n == 3
    assert l4.SMALL_NUMBERS in result.caveats and l4.NO_CONTROL_GROUP in result.caveats


def test_only_organisations_assessed_in_both_rounds_are_paired():
    before = levels(a=1, b=1, c=1, x=1)  # x: not assessed in the later round
    after = levels(a=2, b=2, c=2, y=3)  # y: new in the later round
    [result] = l4.compare(before, after, {}, sections=[S])
    assert [c.org for c in result.untrained] == ["a", "b", "c"]
    assert result.unpaired == 2 and result.trained == ()


def test_attended_without_completing_is_in_neither_group():
    before = levels(a=1, b=1, c=1, d=1)
    after = levels(a=2, b=2, c=2, d=1)
    attended = {"d": frozenset({"change-management"})}
    [result] = l4.compare(before, after, {}, attended, sections=[S])
    assert [c.org for c in result.left_out] == ["d"]
    assert len(result.untrained) == 3 and l4.LEFT_OUT in result.caveats


def test_the_domain_decides_so_one_course_counts_for_both_policy_sections():
    before = {("a", P5): 1, ("a", P6): 2}
    after = {("a", P5): 2, ("a", P6): 2}
    comparisons = l4.compare(before, after, {"a": frozenset({"digital-policy"})},
                             sections=[P5, P6])
    assert [len(c.trained) for c in comparisons] == [1, 1]
    assert l4.moved_up(comparisons) == (1, 1)


def test_training_in_another_domain_leaves_the_organisation_untrained_here():
    before, after = levels(a=1), levels(a=2)
    [result] = l4.compare(before, after, {"a": frozenset({"agile"})}, sections=[S])
    assert result.trained == () and len(result.untrained) == 1


def test_approximate_test_is_seeded_and_bounded():
    trained = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 2, 1]
    untrained = [0, 0, 1, 0, 0, -1, 0, 1, 0, 0, 0, 0]
    assert math.comb(24, 12) > l4.EXACT_LIMIT
    first = l4.permutation_test(trained, untrained, iterations=2000)
    again = l4.permutation_test(trained, untrained, iterations=2000)
    assert not first.exact and first.splits == 2000
    assert first == again  # the same data give the same p-value
    assert first.p_value == (first.hits + 1) / 2001
    assert first.p_value < 0.01  # a clear difference stays clear


def test_no_variation_is_said():
    before = levels(a=1, b=1, c=1, d=1, e=1, f=1)
    after = levels(a=2, b=2, c=2, d=2, e=2, f=2)
    trained = {o: frozenset({"change-management"}) for o in "abc"}
    [result] = l4.compare(before, after, trained, sections=[S])
    assert result.test.p_value == 1.0 and l4.NO_VARIATION in result.caveats
