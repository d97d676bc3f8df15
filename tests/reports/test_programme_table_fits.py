"""The programme plan's "Plans by country" table: its twelve headers fit their columns in
every language (in French the last two ran over each other and past the margin: a number
column's header did not wrap)."""

from __future__ import annotations

import re
import subprocess

import pytest

from govcap.reports.model import Column, Document, Money, Section, Table
from govcap.reports.pdf import render_pdf
from tests.reports.test_pdf import needs_pdftotext

HEADERS = ("Pays", "Mission", "Plan", "Organisations", "Écarts", "Cohortes", "Places",
           "Période", "Coût", "Coût (USD)", "Besoins non placés", "Non placés, est. (USD)")


def words_of(pdf: bytes) -> list[tuple[float, float, float, str]]:
    html = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return [(float(a), float(b), float(y), w) for a, y, b, w in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html)]


@needs_pdftotext
def test_the_country_tables_headers_fit_their_columns():
    from govcap.reports import programme

    widths = programme.SUMMARY_WIDTHS
    kinds = ["text"] * 3 + ["number"] * 4 + ["text"] + ["money"] * 2 + ["number", "money"]
    usd = Money(7037800, "USD", "70 378,00 USD")
    table = Table([Column(h, w, k) for h, w, k in zip(HEADERS, widths, kinds, strict=True)],
                  [["Kenya", "Kenya — baseline 2025", "version 1, approuvée le 30 avril 2026",
                    10, 15, 6, 78, "de juillet 2025 à décembre 2025", usd, usd, 4, usd]])
    doc = Document(language="fr", title="t", subtitle="", cover=[], cover_note="",
                   sections=[Section("summary", "Plans par pays", [table], wide=True,
                                     number=1)], sheets=[], footer="f")
    found = words_of(render_pdf(doc))
    page_width = 842.0  # A4 landscape, in points
    header = [w for w in found if w[3] in " ".join(HEADERS).split()]
    assert header
    assert all(x_max <= page_width - 16 * 72 / 25.4 + 1 for _, x_max, _, _ in header)
    # no two header words on one line overlap
    for i, (a0, a1, ay, _) in enumerate(header):
        for b0, b1, by, _ in header[i + 1:]:
            if abs(ay - by) < 2:
                assert a1 <= b0 + 0.5 or b1 <= a0 + 0.5, (header[i])


pytestmark = pytest.mark.filterwarnings("ignore")
