"""The analysis pages' charts, and their SVG downloads, in the reader's language and
direction (issue 15)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.charts.svgcheck import texts


@pytest.fixture
def reader(analysed, client):
    def as_reader(language: str):
        client.force_login(analysed.coordinator)
        client.cookies["django_language"] = language
        return client
    return as_reader


def _download(client, analysed, name: str) -> ET.Element:
    base = reverse("analysis-engagement", args=[analysed.engagement.slug])
    response = client.get(base + f"download/{name}.svg")
    assert response.status_code == 200
    return ET.fromstring(response.content)


@pytest.mark.parametrize("name", ["heatmap", "distribution", "domains"])
def test_a_french_download_names_the_levels_in_french(analysed, reader, name: str) -> None:
    root = _download(reader("fr"), analysed, name)
    visible = " ".join(texts(root))
    assert (root.get("lang"), root.get("direction")) == ("fr", "ltr")
    assert any(word in visible for word in ("De base", "Modéré", "Élevé", "Non évalué"))
    for english in ("Basic", "Moderate", "High", "Not assessed"):
        assert not re.search(rf"\b{english}\b", visible), english


def test_an_arabic_page_draws_its_charts_right_to_left(analysed, reader) -> None:
    client = reader("ar")
    page = client.get(reverse("analysis-engagement", args=[analysed.engagement.slug]))
    html = page.content.decode()
    assert html.count('direction="rtl" lang="ar"') >= 3  # heatmap, distribution, domains
    root = _download(client, analysed, "heatmap")
    assert (root.get("lang"), root.get("direction")) == ("ar", "rtl")
    width = float(root.get("width") or 0)
    names = [el for el in root.iter("{http://www.w3.org/2000/svg}text")
             if (el.text or "").lstrip("\u202b\u2066\u2068").startswith(
                 analysed.ministry.name[:10])]
    assert names and all(float(el.get("x") or 0) == width - 16 for el in names)


def test_an_arabic_provisional_mark_follows_the_latin_name_it_marks(analysed, reader) -> None:
    # "(مؤقت)" stood on the right of "Ministry of ICT", read before it: the Latin name set the
    # label's direction. Held in an isolate, the name leaves the label right to left.
    root = _download(reader("ar"), analysed, "heatmap")
    [label] = [el for el in root.iter("{http://www.w3.org/2000/svg}text")
               if "(مؤقت)" in (el.text or "")]
    assert label.get("direction") == "rtl"
    assert label.text.startswith("\u202b\u2068") and "Ministry of ICT" in label.text
    assert label.text.endswith("\u2069 (مؤقت)\u202c")  # the marker outside the name's isolate


@pytest.mark.parametrize("name", ["heatmap", "distribution", "domains"])
def test_an_arabic_chart_lists_with_arabic_punctuation(analysed, reader, name: str) -> None:
    # its description read "أساسي 6, متوسط 2, مرتفع 0; 3. تنفيذ المشاريع…": a Latin comma and
    # semicolon joined in code between Arabic words
    root = _download(reader("ar"), analysed, name)
    desc = "".join(root.find("{http://www.w3.org/2000/svg}desc").itertext())
    assert "،" in desc or "؛" in desc
    assert "," not in desc and ";" not in desc, desc


@pytest.mark.parametrize("name", ["distribution", "domains"])
def test_an_arabic_bar_chart_spells_its_counts_in_words(analysed, reader, name: str) -> None:
    """Two-letter cuts of the Arabic level words were cryptic ("مت" reads "you died") and
    the legend explained "غ.م" by a word it does not abbreviate: the counts say the words."""
    visible = texts(_download(reader("ar"), analysed, name))
    counts = [t for t in visible if " · " in t]
    assert counts and all(t.startswith("أساسي ") and " متوسط " in t and " مرتفع " in t
                          for t in counts), counts
    assert not any(re.search(r"(^|\s)(مت|أس|مر) \d", t) for t in visible), visible
    assert not any(" = " in t for t in visible)  # no letters left for a legend to explain
    english = " ".join(texts(_download(reader("en"), analysed, name)))
    assert re.search(r"\bB \d+ · M \d+ · H \d+ · n/a \d+", english)  # letters where clear
