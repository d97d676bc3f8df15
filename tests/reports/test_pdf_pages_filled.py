"""The plan's PDF leaves no page nearly empty where a page-break rule made it so (issue 14):
a chapter starts a page only where the page turns (the cover, a landscape chapter after a
portrait one, or back), else it goes on below the chapter before; a table is kept whole
only when it is short in height, not in rows (twelve rows of three-line cells, kept whole,
left "Who to nominate" as a heading alone on a page)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from govcap.reports.build import build_document
from tests.reports.helpers import catalogue, context, normalise, plan

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdfinfo") is None,
                                   reason="poppler-utils is not installed")


def pages_of(data: bytes) -> list[tuple[list[str], bool]]:
    """Each page's lines and whether it is landscape."""
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    sizes = [float(w) > float(h) for w, h in
             re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    texts = [[normalise(line).strip() for line in t.splitlines()]
             for t in text.split("\f")][:len(sizes)]
    return list(zip(texts, sizes, strict=True))


@needs_poppler
@pytest.mark.parametrize("org", [None, "org-b"])
def test_chapters_run_on_and_turn_the_page_only_with_its_size(render, org):
    pages = pages_of(render("pdf", "en", org))
    sections = build_document(plan(), context("en", org), catalogue("en")).sections
    starts = []
    for s in sections:
        heading = normalise(f"{s.number}. {s.heading}")
        where = next(n for n, (lines, _) in enumerate(pages) if heading in lines)
        assert pages[where][1] == s.wide, (heading, where + 1)  # on a page of its size
        starts.append(where)
    assert starts[0] > 0  # the cover is a page of its own
    pairs = list(zip(sections, sections[1:], starts, starts[1:], strict=False))
    for before, after, first, then in pairs:
        if before.wide == after.wide and then > first + 1:
            # a page of its own only when the chapter before fills its last page
            assert len(" ".join(pages[then - 1][0])) > 600, (after.heading, then + 1)
    assert any(first == then for _, _, first, then in pairs), "every chapter on a new page"
