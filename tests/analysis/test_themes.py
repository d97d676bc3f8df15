"""Coding helpers on plain text: spans, keywords, highlighted pieces, theme tables."""

from __future__ import annotations

import pytest

from govcap.analysis.core.themes import (
    DEFAULT_CODEBOOK,
    CodedUnit,
    basic_share,
    default_codes,
    frequency,
    keyword_spans,
    level_links,
    locate_span,
    pieces,
    sentence_around,
    snippet,
)
from govcap.scale import Level

NOTE = ("Said: the budget was cut mid-year. Vendors hold the plan;\n"
        "procurement takes a year! Reading: Basic.")


def test_the_default_codebook_has_the_twelve_themes_in_two_languages() -> None:
    english = [name for name, *_ in default_codes("en")]
    assert len(english) == 12 and len(set(english)) == 12
    assert english[:2] == ["Leadership support", "Funding"]
    assert "Dépendance aux bailleurs" in [name for name, *_ in default_codes("fr-dj")]
    assert all(c.keywords and c.definition["en"] and c.definition["fr"] for c in DEFAULT_CODEBOOK)


def test_a_span_is_found_from_its_offsets_or_its_words() -> None:
    start = NOTE.index("Vendors")
    assert locate_span(NOTE, "Vendors hold", start, start + 12) == (start, start + 12)
    assert locate_span(NOTE, "Vendors hold", 0, 12) == (start, start + 12)  # stale offsets
    assert locate_span(NOTE, "  Vendors hold  ") == (start, start + 12)
    # a copy from the browser may turn the line break into a space
    flexible = locate_span(NOTE, "the plan; procurement")
    assert NOTE[flexible[0]:flexible[1]] == "the plan;\nprocurement"
    with pytest.raises(ValueError):
        locate_span(NOTE, "not in it")
    with pytest.raises(ValueError):
        locate_span(NOTE, "   ")


def test_sentences_end_at_stops_semicolons_and_line_breaks() -> None:
    at = NOTE.index("budget")
    assert NOTE[slice(*sentence_around(NOTE, at, at + 6))] == "Said: the budget was cut mid-year."
    at = NOTE.index("Vendors")
    assert NOTE[slice(*sentence_around(NOTE, at, at + 7))] == "Vendors hold the plan"
    at = NOTE.index("procurement")
    assert NOTE[slice(*sentence_around(NOTE, at, at + 5))] == "procurement takes a year!"


def test_keywords_match_whole_words_in_any_case_and_suggest_their_sentence() -> None:
    spans = keyword_spans(NOTE, ["BUDGET", "vendor", "vendors", "year", "plan"])
    texts = [NOTE[s:e] for s, e, _k in spans]
    assert texts == ["Said: the budget was cut mid-year.", "Vendors hold the plan",
                     "procurement takes a year!"]
    assert [k for *_s, k in spans] == ["BUDGET", "vendors", "year"]
    assert keyword_spans("Le financement manque", ["financement"])[0][:2] == (0, 21)
    assert keyword_spans("budgetary", ["budget"]) == []


def test_pieces_mark_every_coded_span_and_keep_the_text_whole() -> None:
    text = "abcdefghij"
    out = pieces(text, [(2, 6, "A"), (4, 8, "B"), (9, 30, "C")])
    assert "".join(p.text for p in out) == text
    assert [(p.text, p.codes) for p in out] == [
        ("ab", ()), ("cd", ("A",)), ("ef", ("A", "B")), ("gh", ("B",)), ("i", ()),
        ("j", ("C",))]


def test_a_search_snippet_marks_the_match() -> None:
    parts = snippet("x" * 200 + "Budget cuts" + "y" * 200, "budget", width=10)
    assert [p.codes for p in parts] == [(), ("match",), ()]
    assert parts[1].text == "Budget"
    assert parts[0].text.startswith("…") and parts[2].text.endswith("…")


def unit(code: str, unit_id: int, level: Level | None, section: str = "s",
         org: str = "o") -> CodedUnit:
    return CodedUnit(code, section, org, "KE", (unit_id, section), level)


def test_frequency_counts_segments_by_any_dimension() -> None:
    rows = [unit("Funding", 1, Level.BASIC, "s1", "mof"), unit("Funding", 1, Level.BASIC, "s1",
                                                               "mof"),
            unit("Funding", 2, Level.HIGH, "s2", "ict"), unit("Skills", 3, None, "s1", "ict")]
    assert frequency(rows, "section")["Funding"] == {"s1": 2, "s2": 1}
    assert frequency(rows, "organisation")["Skills"] == {"ict": 1}


def test_themes_that_go_with_basic_have_a_lift_above_one() -> None:
    base = {Level.BASIC: 2, Level.MODERATE: 4, Level.HIGH: 4, None: 3}  # Basic: 20 %
    assert basic_share(base) == pytest.approx(0.2)
    rows = [unit("Funding", 1, Level.BASIC), unit("Funding", 1, Level.BASIC),  # one unit
            unit("Funding", 2, Level.BASIC), unit("Funding", 3, Level.HIGH),
            unit("Skills", 4, Level.MODERATE), unit("Skills", 5, None)]
    links = {x.code: x for x in level_links(rows, base)}
    funding = links["Funding"]
    assert (funding.units, funding.basic, funding.high) == (3, 2, 1)
    assert funding.share_basic == pytest.approx(2 / 3)
    assert funding.lift == pytest.approx((2 / 3) / 0.2)
    assert links["Skills"].lift == 0 and links["Skills"].not_assessed == 1
    assert [x.code for x in level_links(rows, base)] == ["Funding", "Skills"]
    assert level_links(rows, {})[0].lift is None
