"""The PDF plan: content, language, no network, inert hostile names."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from govcap.reports.pdf import TEMPLATES, RefusedURL, check_url
from tests.reports.expected import headings, must_contain
from tests.reports.helpers import FORMULA_NAME, SCRIPT_NAME, normalise

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None,
                                     reason="pdftotext (poppler-utils) is not installed")


def pdf_text(data: bytes) -> str:
    out = subprocess.run([PDFTOTEXT or "pdftotext", "-raw", "-", "-"], input=data,
                         capture_output=True, check=True)
    return normalise(out.stdout.decode())


@pytest.mark.parametrize(("language", "org"), [("en", None), ("fr", None), ("en", "org-b")])
def test_it_is_a_pdf(render, language, org):
    assert render("pdf", language, org).startswith(b"%PDF")


@needs_pdftotext
@pytest.mark.parametrize(("language", "org"), [("en", None), ("fr", None), ("en", "org-b")])
def test_it_says_everything_the_plan_needs(render, language, org):
    text = pdf_text(render("pdf", language, org))
    for expected in must_contain(language, org):
        assert normalise(expected) in text, expected


@needs_pdftotext
def test_it_writes_french_and_numbers_pages(render):
    text = pdf_text(render("pdf", "fr"))
    assert "Tableau d’actions" in text
    pages = int(re.search(r"Page 2 sur (\d+)", text).group(1))  # "Page 2 of 31", in French
    assert f"Page {pages} sur {pages}" in text
    for english, french in zip(headings("en"), headings("fr"), strict=True):
        assert english == french or english not in text


@needs_pdftotext
def test_hostile_names_are_printed_not_run(render):
    data = render("pdf", "en")
    text = pdf_text(data)
    assert FORMULA_NAME in text and SCRIPT_NAME in text
    # looked for in the PDF's objects, not inside its compressed streams, where the bytes
    # "/JS" come by chance (one render in a hundred or so)
    objects = re.sub(rb"stream\r?\n.*?endstream", b"", data, flags=re.S)
    assert b"/JavaScript" not in objects and b"/JS" not in objects
    assert b"http://x" not in objects  # no link annotation was made from the name


def test_the_fetcher_serves_only_local_files():
    assert check_url((TEMPLATES / "plan.css").as_uri()) == TEMPLATES / "plan.css"
    assert check_url("data:image/svg+xml;base64,PHN2Zy8+") is None
    for url in ("http://example.org/x.css", "https://x/y.png", "file:///etc/passwd",
                (TEMPLATES.parent / "plan.py").as_uri(), "ftp://x/y"):
        with pytest.raises(RefusedURL):
            check_url(url)


def test_it_is_a_tagged_pdf_with_its_title(render):
    info = subprocess.run(["pdfinfo", "-"], input=render("pdf", "en"), capture_output=True,
                          check=True).stdout.decode()
    assert "Tagged:          yes" in info
    assert "Title:           Training plan — Testland 2026" in info
