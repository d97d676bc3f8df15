"""A landscape chapter's table does not run a few rows onto a page of their own (issue 14,
fresh eyes 8): the Kenya follow-up plan's "What changed since Baseline (2025)" table left
two rows alone on page 7. Twenty rows, some on two lines, fit one landscape page."""

from __future__ import annotations

import subprocess

import pytest

from govcap.reports.model import Column, Document, Heading, Section, Table
from govcap.reports.pdf import render_pdf
from tests.reports.test_pdf import needs_pdftotext

LONG = ("7. Using well defined processes and services to function effectively and "
        "efficiently in the delivery of digital services")


@needs_pdftotext
def test_twenty_rows_of_changes_fit_one_landscape_page():
    rows = [["Ministry of Information, Communications and the Digital Economy" if i % 3 == 0
             else "Kenya Revenue Authority",
             LONG if i % 2 else "2. Incorporating a distributed leadership perspective",
             "Moderate", "Basic", "regress"] for i in range(20)]
    table = Table([Column("Organisation", 2), Column("Section", 4), Column("Then", 1),
                   Column("Now", 1), Column("Change", 1)], rows)
    doc = Document(language="en", title="t", subtitle="", cover=[], cover_note="",
                   sections=[Section("findings", "Findings",
                                     [Heading("What changed since Baseline (2025)", 2), table],
                                     wide=True, number=1)], sheets=[], footer="f")
    info = subprocess.run(["pdfinfo", "-"], input=render_pdf(doc), capture_output=True,
                          check=True).stdout.decode()
    pages = next(int(line.split()[1]) for line in info.splitlines()
                 if line.startswith("Pages:"))
    assert pages == 2  # the cover, then the chapter on one page


pytestmark = pytest.mark.filterwarnings("ignore")
