"""The workbook's Notes sheet says a level-4 caveat only where it holds, per comparison."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from govcap.analysis.labels import round_label
from govcap.results import workbook
from govcap.results.build import PairResult, Results
from govcap.results.core import l4
from govcap.results.queries import RoundPair

pytestmark = pytest.mark.django_db

SAME = "changed by the same amount"


def pair(programme, before: dict[str, int], after: dict[str, int], trained: str
         ) -> PairResult:
    comparisons = l4.compare({(o, "s1"): v for o, v in before.items()},
                             {(o, "s1"): v for o, v in after.items()},
                             {o: frozenset({"d"}) for o in trained},
                             sections=("s1",), section_domain={"s1": "d"})
    return PairResult(RoundPair(programme.engagement, programme.later), comparisons)


def notes(programme, *pairs: PairResult) -> list[str]:
    results = Results(programme.engagement, [programme.engagement], [], list(pairs))
    with translation.override("en"):
        return [row[0] for row in workbook.notes_grid(results).rows]


def test_no_variation_is_not_said_when_the_changes_differ(programme):
    varied = pair(programme, dict.fromkeys("abcdef", 2),
                  {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1, "f": 2}, trained="abc")
    assert varied.comparisons[0].test is not None  # tested: three in each group
    said = notes(programme, varied)
    assert not any(SAME in n for n in said)
    assert any("No control group" in n for n in said)  # the caveats that hold stay


def test_no_variation_is_said_for_the_comparison_where_it_holds(programme):
    varied = pair(programme, dict.fromkeys("abcdef", 2),
                  {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1, "f": 2}, trained="abc")
    flat = pair(programme, dict.fromkeys("abcdef", 1), dict.fromkeys("abcdef", 2),
                trained="abc")
    said = [n for n in notes(programme, varied, flat) if SAME in n]
    assert len(said) == 1 and said[0].startswith("Level 4 Kenya 2027 (2): s1: ")


def test_the_notes_say_how_many_organisations_are_not_compared_and_why(programme):
    """Level 4 compares only organisations with a validated level in both rounds: the Notes
    say how many are left out, per reason, instead of leaving the reader to count rows."""
    before = {("a", "s1"): 1, ("b", "s1"): 1, ("c", "s1"): 2, ("d", "s1"): 1,
              ("a", "s2"): 1, ("b", "s2"): 2}
    after = {("a", "s1"): 2, ("b", "s1"): 1, ("c", "s1"): 2, ("e", "s1"): 1,
             ("a", "s2"): 2}
    comparisons = l4.compare(before, after, {"a": frozenset({"d"})},
                             {"c": frozenset({"d"})}, sections=("s1", "s2"),
                             section_domain={"s1": "d", "s2": "d"})
    said = notes(programme, PairResult(RoundPair(programme.engagement, programme.later,
                                                 before, after), comparisons))
    # d (earlier round only) and e (later round only): none of their sections compared
    rounds = {"earlier": round_label(programme.engagement),
              "later": round_label(programme.later)}
    assert ("Level 4 Kenya 2027: 2 of 5 organisations assessed are not compared: they have a "
            "validated level in one round only — {earlier}: 1; {later}: 1.".format(**rounds)
            in said), said
    # b's s2 was rated in the earlier round only (d and e are counted above)
    assert ("Level 4 Kenya 2027: Organisations not compared in some sections, their level in "
            "the section validated in one round only: s2: 1." in said), said
    # c's official attended without completing: compared in neither group
    assert any("1 organisation whose officials attended without completing is compared in "
               "neither group" in n for n in said), said


def test_the_rounds_not_compared_are_listed_without_brackets_in_brackets(programme):
    """A round's name holds its year in brackets ("Baseline (2025)"): the counts per round
    are a list after a dash, not in brackets of their own ("(Baseline (2025): 2, …)"), and
    take the language's colon and separator."""
    programme.engagement.start_date = dt.date(2026, 1, 15)
    programme.engagement.save(update_fields=["start_date"])
    before = {("a", "s1"): 1, ("b", "s1"): 1, ("c", "s1"): 2}
    after = {("a", "s1"): 2, ("b", "s1"): 1}
    comparisons = l4.compare(before, after, {"a": frozenset({"d"})}, sections=("s1",),
                             section_domain={"s1": "d"})
    result = PairResult(RoundPair(programme.engagement, programme.later, before, after),
                        comparisons)
    earlier, later = round_label(programme.engagement), round_label(programme.later)
    assert "(" in earlier  # the year in brackets
    said = [n for n in notes(programme, result) if "one round only" in n]
    assert len(said) == 1 and said[0].endswith(
        f"in one round only — {earlier}: 1; {later}: 0."), said
    assert "((" not in said[0] and "))" not in said[0] and not said[0].endswith(").")
    with translation.override("fr"):
        french = [row[0] for row in workbook.notes_grid(
            Results(programme.engagement, [programme.engagement], [], [result])).rows]
        earlier, later = round_label(programme.engagement), round_label(programme.later)
    assert any(f"{earlier}\u202f: 1\u202f; {later}\u202f: 0" in n for n in french), french
