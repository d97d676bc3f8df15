"""A section title the instrument has no translation for is drawn in English: the chart says
so (lang="en"), as the pages' |t does, and in a right-to-left chart it reads left to right
(issue 15). A screen reader otherwise read "Managing change" with French or Arabic rules,
and nothing told a reader the words were a stopgap."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from govcap.analysis.bars import count_bars
from govcap.charts import svg
from govcap.charts.data import RoundProfile, SectionLevel
from govcap.charts.words import ENGLISH
from govcap.instruments.document import Text

NS = "{http://www.w3.org/2000/svg}"
FRENCH = replace(ENGLISH, lang="fr")
ARABIC = replace(ENGLISH, lang="ar", rtl=True)
TRANSLATED = Text("Pensée systémique", "s1.title", "fr").numbered(1)
FELL_BACK = Text("Managing change", "s4.title", "en", fallback=True).numbered(4)
ARABIC_TITLE = Text("التفكير المنظومي", "s1.title", "ar").numbered(1)


def langs(chart: str) -> dict[str, set[str | None]]:
    """Each visible text's language: its own ``lang``, else its nearest group's."""
    root = ET.fromstring(chart)
    found: dict[str, set[str | None]] = {}

    def walk(node: ET.Element, lang: str | None) -> None:
        lang = node.get("lang", lang)
        if node.tag == f"{NS}text" and "".join(node.itertext()).strip():
            found.setdefault("".join(node.itertext()).strip(), set()).add(lang)
        for child in node:
            walk(child, lang)

    walk(root, None)
    return found


def test_a_fallen_back_section_title_is_marked_english_in_every_chart():
    sections = [SectionLevel("s1", TRANSLATED, 2), SectionLevel("s4", FELL_BACK, 1)]
    charts = [
        svg.level_profile(sections, "Profil", words=FRENCH),
        svg.heatmap(["Ministère"], [TRANSLATED, FELL_BACK], [[2, 1]], "Carte", words=FRENCH),
        svg.trend([RoundProfile("Base", sections)], "Évolution", words=FRENCH),
        count_bars([(TRANSLATED, 3), (FELL_BACK, 2)], "Segments", words=FRENCH),
    ]
    for chart in charts:
        said = langs(chart)
        english = {t: v for t, v in said.items() if "change" in t or t.startswith("4.")}
        assert english and all(v == {"en"} for v in english.values()), said
        french = {t: v for t, v in said.items() if "Pensée" in t}
        assert french and all("en" not in v for v in french.values()), said


def test_in_an_arabic_chart_the_english_title_reads_left_to_right():
    chart = svg.level_profile([SectionLevel("s1", ARABIC_TITLE, 2),
                               SectionLevel("s4", FELL_BACK, 1)], "ملف", words=ARABIC)
    texts = {"".join(t.itertext()).strip(): t for t in ET.fromstring(chart).iter(f"{NS}text")}
    english = next(t for s, t in texts.items() if "change" in s)
    assert english.get("direction") == "ltr"
    said = langs(chart)
    assert [v for s, v in said.items() if "change" in s] == [{"en"}]
    assert [v for s, v in said.items() if "المنظومي" in s] == [{"ar"}]  # the chart's
