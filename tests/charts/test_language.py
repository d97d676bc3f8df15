"""Charts speak the chart's language and read in its direction (issue 15).

Every visible word comes from `charts.words.Words` (proved with a bracketed pseudo-language:
a word drawn from anywhere else is left outside the brackets), French charts carry French
level words, and a right-to-left chart is drawn mirrored.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import fields, replace

import pytest

from govcap.analysis.bars import count_bars
from govcap.charts import svg
from govcap.charts.data import RoundProfile, SectionCounts, SectionLevel
from govcap.charts.words import Words
from govcap.scale import SECTION_KEYS, Level
from tests.charts.svgcheck import NS, assert_csp_safe_and_accessible, texts

# User data without Latin letters, so any Latin letter left in a chart is the chart's own.
SECTIONS = ["١. التفكير المنظومي", "٢. القيادة الموزعة", "٣. تنفيذ المشاريع", "٤. إدارة التغيير"]
ORGS = ["وزارة الاقتصاد الرقمي", "وزارة الصحة", "وزارة التعليم"]
COLUMNS = ["قسم ١", "قسم ٢", "قسم ٣", "قسم ٤"]  # short: one line each
CELLS: list[list[int | None]] = [[1, 2, 3, None], [2, None, 1, 3], [3, 3, 2, 1]]


def pseudo(words: Words) -> Words:
    """Every string of `words` between ⟦ ⟧ (templates keep their placeholders inside)."""
    changes: dict[str, object] = {}
    for item in fields(words):
        value = getattr(words, item.name)
        if isinstance(value, str) and item.name != "lang":
            changes[item.name] = f"⟦{value}⟧"
        elif isinstance(value, dict):
            changes[item.name] = {key: f"⟦{text}⟧" for key, text in value.items()}
    return replace(words, **changes)  # type: ignore[arg-type]


def all_charts(words: Words, title: str = "⟦T⟧") -> dict[str, str]:
    profile = [SectionLevel(k, label, v) for k, label, v in
               zip(SECTION_KEYS[:4], SECTIONS, [1, 2, 3, None], strict=True)]
    later = [SectionLevel(k, label, v) for k, label, v in
             zip(SECTION_KEYS[:4], SECTIONS, [2, 2, None, 3], strict=True)]
    return {
        "profile": svg.level_profile(profile, title, {SECTION_KEYS[0]: 2}, words=words),
        "heatmap": svg.heatmap(ORGS, SECTIONS, CELLS, title, words=words),
        "narrow heatmap": svg.heatmap(ORGS, SECTIONS, CELLS, title, cell_width=40, words=words),
        "distribution": svg.level_distribution(
            [SectionCounts(label, 1, 2, 3, 1) for label in SECTIONS]
            + [SectionCounts("٥. فارغ")], title, words=words),
        "trend": svg.trend([RoundProfile("الأساس", profile), RoundProfile("المتابعة", later)],
                           title, words=words),
        "bars": count_bars([("رمز", 4), ("رمز آخر", 2)], title, words=words),
    }


def every_text(markup: str) -> list[str]:
    root = ET.fromstring(markup)
    return texts(root) + [el.text or "" for el in root.iter()
                          if el.tag in (f"{NS}title", f"{NS}desc")]


@pytest.mark.parametrize("rtl", [False, True])
def test_every_word_a_chart_writes_comes_from_its_words(rtl: bool) -> None:
    words = pseudo(Words(rtl=rtl, lang="ar" if rtl else "en"))
    for name, markup in all_charts(words).items():
        assert_csp_safe_and_accessible(markup)
        for text in every_text(markup):
            outside = re.sub(r"⟦[^⟦⟧]*(⟦[^⟦⟧]*⟧[^⟦⟧]*)*⟧", "", text)
            assert not re.search(r"[A-Za-z]", outside), f"{name}: {text!r}"


def test_a_french_chart_names_the_levels_in_french() -> None:
    from govcap.chartwords import chart_words

    words = chart_words("fr")
    assert (words.lang, words.rtl) == ("fr", False)
    for name, markup in all_charts(words, "Titre").items():
        visible = " ".join(texts(ET.fromstring(markup)))
        for english in ("Basic", "Moderate", "High", "Not assessed"):
            assert not re.search(rf"\b{english}\b", visible), f"{name}: {english} in {visible}"
        root = ET.fromstring(markup)
        assert root.get("lang") == "fr" and root.get("direction") == "ltr"
    heatmap = " ".join(texts(ET.fromstring(all_charts(words)["heatmap"])))
    assert "De base" in heatmap and "Non évalué" in heatmap


def test_an_arabic_engagement_gets_arabic_right_to_left_words() -> None:
    from govcap.chartwords import chart_words

    words = chart_words("ar")
    assert (words.lang, words.rtl) == ("ar", True)
    assert words.level(None) != "Not assessed"


AR = Words(rtl=True, lang="ar", levels={"basic": "أساسي", "moderate": "متوسط", "high": "مرتفع",
                                        "not_assessed": "لم يُقيَّم"})


def _texts_with(root: ET.Element, wanted: str) -> list[ET.Element]:
    return [el for el in root.iter(f"{NS}text")
            if (el.text or "").replace("\u202b", "").replace("\u202c", "") == wanted]


def test_an_arabic_heatmap_is_mirrored() -> None:
    markup = svg.heatmap(ORGS + ["Agence Nationale des SI (ANSIE)"], COLUMNS,
                         CELLS + [[1, 1, 1, 1]], "خريطة", words=AR)
    root = assert_csp_safe_and_accessible(markup)
    width = float(root.get("width") or 0)
    assert root.get("direction") == "rtl"
    assert root.get("lang") == "ar" and root.get("{http://www.w3.org/XML/1998/namespace}lang") \
        == "ar"
    first, last = (float(_texts_with(root, s)[0].get("x") or 0)
                   for s in (COLUMNS[0], COLUMNS[-1]))
    assert first > last  # section 1 right-most
    name = _texts_with(root, ORGS[0])[0]
    # the names on the right: right edge at the right margin, reading right to left
    assert float(name.get("x") or 0) == width - 16
    assert (name.get("direction"), name.get("text-anchor")) == ("rtl", "start")
    latin = _texts_with(root, "Agence Nationale des SI (ANSIE)")[0]
    assert float(latin.get("x") or 0) == width - 16
    assert (latin.get("direction"), latin.get("text-anchor")) == ("ltr", "end")
    assert float(name.get("x") or 0) > first
    # the legend reads from the right: Basic right-most, Not assessed left-most
    legend = [float(_texts_with(root, AR.level(level))[0].get("x") or 0)
              for level in (*Level, None)]
    assert legend == sorted(legend, reverse=True)


def test_an_english_heatmap_is_not_mirrored() -> None:
    root = ET.fromstring(svg.heatmap(ORGS, COLUMNS, CELLS, "Heatmap"))
    first, last = (float(_texts_with(root, s)[0].get("x") or 0)
                   for s in (COLUMNS[0], COLUMNS[-1]))
    assert first < last and root.get("direction") == "ltr"


def test_arabic_stacked_bars_grow_from_the_right() -> None:
    markup = svg.level_distribution([SectionCounts(SECTIONS[0], 2, 3, 4, 1)], "توزيع", words=AR)
    root = assert_csp_safe_and_accessible(markup)
    segments = [g for g in root.iter(f"{NS}g")
                if any(t.text and "—" in t.text for t in g.findall(f"{NS}title"))]
    xs = [float(g.find(f"{NS}rect").get("x") or 0) for g in segments]  # type: ignore[union-attr]
    assert len(xs) == 4 and xs == sorted(xs, reverse=True)  # Basic right-most
    label = _texts_with(root, SECTIONS[0])[0]
    assert float(label.get("x") or 0) > xs[0]


def test_arabic_profile_bars_grow_leftwards_from_one_axis() -> None:
    width = 760
    markup = svg.level_profile(
        [SectionLevel(k, label, v) for k, label, v in
         zip(SECTION_KEYS[:4], SECTIONS, [1, 2, 3, 1], strict=True)], "ملف", words=AR, width=width)
    root = ET.fromstring(markup)
    bars = [r for r in root.iter(f"{NS}rect") if float(r.get("height") or 0) == 22]
    right_edges = {round(float(r.get("x") or 0) + float(r.get("width") or 0), 3) for r in bars}
    assert len(bars) == 4 and len(right_edges) == 1  # all start at the same axis, on the right
    lengths = [float(r.get("width") or 0) for r in bars]
    assert lengths[2] > lengths[1] > lengths[0]  # High longest
    label = _texts_with(root, SECTIONS[0])[0]
    assert float(label.get("x") or 0) > right_edges.pop()


def test_a_change_keeps_its_sign_before_its_number_in_a_right_to_left_chart() -> None:
    # "▲ +1" in an Arabic chart has no letter: read right to left it showed "1+ ▲".
    arabic = Words(lang="ar", rtl=True)
    chart = svg.trend([("خط الأساس", [SectionLevel(SECTION_KEYS[0], SECTIONS[0], 1)]),
                       ("المتابعة ١", [SectionLevel(SECTION_KEYS[0], SECTIONS[0], 2)])],
                      "⟦T⟧", words=arabic)
    assert "▲ \u2066+1\u2069" in chart
    english = svg.trend([("Baseline", [SectionLevel(SECTION_KEYS[0], "Systems", 1)]),
                         ("Follow-up 1", [SectionLevel(SECTION_KEYS[0], "Systems", 2)])], "T")
    assert "▲ +1" in english and "\u2066" not in english


def test_a_latin_word_inside_an_arabic_label_is_isolated_with_its_brackets_outside() -> None:
    chart = svg.level_profile([SectionLevel(SECTION_KEYS[0], "العمل المرن (Agile)", 2)],
                              "⟦T⟧", {}, words=Words(lang="ar", rtl=True))
    assert "(\u2066Agile\u2069)" in chart
