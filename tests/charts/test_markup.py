from __future__ import annotations

import pytest

from govcap.charts import markup


@pytest.mark.parametrize("name", ["style", "onload", "onclick", "href", "xlink_href", "src"])
def test_the_builder_refuses_attributes_a_strict_csp_forbids(name: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        markup.el("rect", **{name: "x"})


@pytest.mark.parametrize("tag", ["style", "script", "foreignObject", "image", "use", "a"])
def test_the_builder_refuses_elements_a_strict_csp_forbids(tag: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        markup.el(tag)


def test_attribute_names_and_values() -> None:
    out = markup.el(
        "text", "x", text_anchor="end", class_="c", fill='a"b<', x=1.0, y=2.456, dy=None
    )
    assert out == '<text text-anchor="end" class="c" fill="a&quot;b&lt;" x="1" y="2.46">x</text>'


def test_clean_drops_characters_xml_forbids_and_collapses_space() -> None:
    assert markup.clean("a\x00b\x1f c\n\td\ufffe") == "ab c d"


def test_wrap_keeps_short_text_and_truncates_long_text() -> None:
    assert markup.wrap("Short label", 20, 2) == (["Short label"], False)
    lines, truncated = markup.wrap("one two three four five six seven eight", 10, 2)
    assert truncated and len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(line) <= 10 for line in lines)


def test_wrap_does_not_split_words_a_little_over_the_width() -> None:
    lines, truncated = markup.wrap("Incorporating a distributed", 12, 3)
    assert lines == ["Incorporating", "a", "distributed"] and not truncated
    lines, truncated = markup.wrap("Supercalifragilisticexpialidocious", 12, 3)
    assert truncated and lines[0].endswith("…") and len(lines[0]) <= 15


@pytest.mark.parametrize(
    ("text", "rtl"),
    [("وزارة", True), ("שלום", True), ("Ministry", False), ("123 وزارة", True), ("", False)],
)
def test_direction_follows_the_first_strong_character(text: str, rtl: bool) -> None:
    assert markup.is_rtl(text) is rtl


def test_safe_ids() -> None:
    assert markup.safe_id("profile-1") == "profile-1"
    assert markup.safe_id("1 <x>") == "gc-1--x"
    assert markup.make_id("k", 1) == markup.make_id("k", 1) != markup.make_id("k", 2)
