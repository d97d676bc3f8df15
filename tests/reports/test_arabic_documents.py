"""Plan documents in Arabic (right to left) and Swahili, and the language a download asks for.

One small plan (tests/reports/helpers.py) is built and rendered once per language with the
catalogue's English source texts, so that what is checked here is the documents' own words
(tests/planning/test_catalogue_translations.py checks the catalogue's Arabic and Swahili
layers reach the documents).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from functools import cache

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as read_docx
from docx.oxml.ns import qn
from openpyxl import load_workbook

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.catalogue import load_catalogue
from govcap.planning.services import generate
from govcap.reports import documents
from govcap.reports.build import build_document
from govcap.reports.labels import EN, Labels, Plural, plan_title
from govcap.reports.model import Document, Heading
from govcap.reports.pdf import render_html
from govcap.reports.plan import render_document
from tests.planning.test_plan_models import validated
from tests.reports.helpers import context, plan

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None,
                                     reason="pdftotext (poppler-utils) is not installed")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# pdftotext writes the lam-alef ligatures' letters (and the vowel marks) in either order
# ("الأيام" as "األيام") and may cut a word at a mark: both sides are compared without
# those letters, marks and spaces
LAM_ALEF = re.compile("[\u0644\u0627\u0623\u0625\u0622\u064b-\u065f\u0670]")


@cache
def document(language: str) -> Document:
    with translation.override(language):
        round_label = str(_("Baseline"))
    # the instrument has no Swahili layer: its English section titles, as localised() gives
    ctx = dataclasses.replace(context("ar" if language == "ar" else "en"), language=language,
                              round_label=round_label,
                              title=plan_title(language, "Testland baseline 2026"))
    return build_document(plan(), ctx, load_catalogue())  # no layer: the source texts


@cache
def rendered(language: str, fmt: str) -> bytes:
    return render_document(document(language), fmt)


def pdf_text(data: bytes) -> str:
    """The PDF's text, its bidi control characters (pdftotext adds some) left out."""
    out = subprocess.run([PDFTOTEXT or "pdftotext", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode()
    return BIDI_MARKS.sub("", out)


def same(text: str) -> str:
    """The letters alone: pdftotext may set a large heading's vowel marks on a line of their
    own and its chapter number inside the words ("َّ َمن ي.8 / ُرشح للتدريب" for "8. مَن يُرشَّح
    للتدريب", drawn right on the page)."""
    return LAM_ALEF.sub("", re.sub(r"[\s.\d]+", "", text))


def headings(doc: Document) -> list[str]:
    found = [s.heading for s in doc.sections]
    for section in doc.sections:
        found += [b.text for b in section.blocks if isinstance(b, Heading)]
    return found


def simple_labels(language: str) -> dict[str, str]:
    """Every plain word of the documents (no placeholder, no plural) in `language`."""
    words = Labels(language)
    return {key: words[key] for key, message in EN.items()
            if not isinstance(message, Plural) and "{" not in words[key]}


@needs_pdftotext
def test_the_arabic_pdf_says_its_headings_in_arabic_and_no_english_word():
    text = pdf_text(rendered("ar", "pdf"))
    arabic, english = simple_labels("ar"), simple_labels("en")
    arabic_headings = [h for h in headings(document("ar")) if re.search("[\u0600-\u06ff]", h)]
    assert len(arabic_headings) > 20  # the chapters and their parts, not names
    for heading in arabic_headings:
        assert same(heading) in same(text)
    for key in ("h.summary", "h.budget", "footer.page"):
        assert same(Labels("ar")[key]) in same(text)
    # English words the renderer or the builder might leave: none, except where the
    # catalogue's English texts (loaded here on purpose) say them in a sentence of their own
    catalogue = repr(load_catalogue())
    left = [english[k] for k in english
            if len(english[k]) >= 8 and english[k] != arabic[k] and english[k] in text
            and english[k] not in catalogue]
    assert left == []


def test_the_arabic_pdf_is_laid_out_right_to_left_and_keeps_latin_runs_as_written():
    html = render_html(document("ar"))
    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi dir="ltr">Ministry of Health</bdi>' in html  # a name in a right-to-left cell
    assert re.search(r'<bdi dir="ltr">USD[\s\u00a0][\d,]+\.\d\d</bdi>', html)  # an amount
    assert 'data-page="صفحة" data-of="من"' in html  # "page 3 of 31": a word, not "3 / 31"
    english = render_html(document("en"))
    assert '<html lang="en" dir="ltr">' in english and "<bdi" not in english


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo is not installed")
def test_the_arabic_pdf_is_tagged_with_its_arabic_title():
    info = subprocess.run(["pdfinfo", "-"], input=rendered("ar", "pdf"), capture_output=True,
                          check=True).stdout.decode()
    assert "Tagged:          yes" in info
    assert f"Title:           {plan_title('ar', 'Testland baseline 2026')}" in info


def test_the_arabic_docx_reads_right_to_left():
    data = rendered("ar", "docx")
    word = read_docx(io.BytesIO(data))
    body = word.element.body
    paragraphs = [p for p in body.iter(qn("w:p"))
                  if re.search("[\u0600-\u06ff]", "".join(t.text or "" for t in p.iter(qn("w:t"))))]
    assert len(paragraphs) > 20 and all(right_to_left(p) for p in paragraphs)
    tables = list(body.iter(qn("w:tblPr")))
    assert tables and all(t.find(qn("w:bidiVisual")) is not None for t in tables)
    runs = [r for r in body.iter(qn("w:r")) if r.text]
    arabic = [r for r in runs if re.search("[\u0600-\u06ff]", r.text)]
    latin = [r for r in runs if r.text == "Ministry of Health"]
    assert arabic and all(r.rPr.find(qn("w:rtl")) is not None for r in arabic)
    assert latin and all(r.rPr is None or r.rPr.find(qn("w:rtl")) is None for r in latin)
    assert all(s.find(qn("w:bidi")) is not None for s in body.iter(qn("w:sectPr")))
    footer = word.sections[0].footer.paragraphs[0]._p
    assert footer.pPr.find(qn("w:bidi")) is not None
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:cs="Noto Sans Arabic"' in styles and 'w:bidi="ar-SA"' in styles
    assert "w:cstheme" not in styles  # a theme's font would win over the Arabic one
    assert word.core_properties.language == "ar-SA"
    contents = "".join(t.text or "" for t in body.iter(qn("w:instrText")))
    assert "TOC" in contents  # the table of contents is there, in a right-to-left paragraph


def test_a_heading_size_is_given_to_arabic_text_too():
    """Word draws Arabic with the complex-script size (w:szCs): without it a 16 pt heading
    would print at the default size."""
    styles = zipfile.ZipFile(io.BytesIO(rendered("ar", "docx"))).read("word/styles.xml")
    heading = re.search(rb'w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading and b'<w:szCs w:val="32"/>' in heading.group()


def test_the_english_docx_is_left_to_right():
    word = read_docx(io.BytesIO(rendered("en", "docx")))
    assert not list(word.element.body.iter(qn("w:bidi")))
    assert not list(word.element.body.iter(qn("w:rtl")))


def test_the_arabic_workbook_sheets_read_right_to_left():
    book = load_workbook(io.BytesIO(rendered("ar", "xlsx")))
    assert book.worksheets and all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    assert all(len(ws.title) <= 31 for ws in book.worksheets)
    assert Labels("ar")["sheet.needs"] in book.sheetnames
    english = load_workbook(io.BytesIO(rendered("en", "xlsx")))
    assert not any(ws.sheet_view.rightToLeft for ws in english.worksheets)


@needs_pdftotext
def test_the_swahili_plan_has_its_headings_in_swahili():
    text = pdf_text(rendered("sw", "pdf"))
    sw, en = Labels("sw"), Labels("en")
    for key in ("h.summary", "h.method", "h.priorities", "h.budget", "h.monitoring"):
        assert sw[key] != en[key] and sw[key] in text and en[key] not in text
    assert '<html lang="sw" dir="ltr">' in render_html(document("sw"))


# --- choosing the language ------------------------------------------------------------------


def test_the_default_language_is_the_engagements_when_the_documents_have_it():
    assert documents.document_language("ar") == "ar"
    assert documents.document_language("sw") == "sw"
    assert documents.document_language("so") == "en"  # Somali: no plan documents yet
    assert documents.document_language("fr-ca") == "fr"
    assert documents.document_language("so", "AR") == "ar"
    with pytest.raises(documents.UnknownLanguage, match="en, fr, ar, sw"):
        documents.document_language("en", "xx")


@pytest.fixture
def planned(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    world.plan = generate(world.engagement, world.coordinator)
    return world


def download(client, world, fmt: str, query: str = ""):
    return client.get(reverse("plan-download", args=[world.engagement.slug, fmt]) + query)


def test_the_download_honours_lang_and_refuses_an_unknown_one(client, planned):
    client.force_login(planned.viewer)
    response = download(client, planned, "xlsx", "?lang=ar")
    assert response.status_code == 200 and response["Content-Language"] == "ar"
    assert response["Content-Disposition"].endswith('-ar.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    assert Labels("ar")["sheet.needs"] in book.sheetnames
    response = download(client, planned, "xlsx", "?language=sw")
    assert response["Content-Language"] == "sw"
    assert Labels("sw")["sheet.needs"] in load_workbook(io.BytesIO(response.content)).sheetnames
    bad = download(client, planned, "xlsx", "?lang=klingon")
    assert bad.status_code == 400 and b"en, fr, ar, sw" in bad.content


def test_the_download_defaults_to_the_engagements_language(client, planned):
    client.force_login(planned.viewer)
    planned.engagement.language = "ar"
    planned.engagement.save(update_fields=["language"])
    response = download(client, planned, "xlsx")
    assert response["Content-Language"] == "ar"
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert "-ar." not in response["Content-Disposition"]  # its own language: not named
    planned.engagement.language = "so"
    planned.engagement.save(update_fields=["language"])
    assert download(client, planned, "xlsx")["Content-Language"] == "en"


def test_the_plan_page_offers_the_document_languages(client, planned):
    client.force_login(planned.viewer)
    page = client.get(reverse("plan", args=[planned.engagement.slug])).content.decode()
    assert '<select name="lang">' in page
    for code in documents.LANGUAGES:
        assert f'<option value="{code}"' in page
    assert '<option value="en" lang="en" selected>' in page  # the engagement's, English


def test_the_command_writes_the_language_asked_for(planned, tmp_path):
    out = tmp_path / "plan.xlsx"
    call_command("plan", "export", planned.engagement.slug, "--format", "xlsx",
                 "--lang", "ar", "--out", str(out), stdout=io.StringIO())
    assert all(ws.sheet_view.rightToLeft for ws in load_workbook(out).worksheets)


def right_to_left(p) -> bool:
    """Whether a Word paragraph is set right to left (``w:bidi``, not ``w:val="0"``)."""
    bidi = p.pPr.find(qn("w:bidi")) if p.pPr is not None else None
    return bidi is not None and bidi.get(qn("w:val"), "1") not in ("0", "false", "off")


def test_an_arabic_docx_holds_a_participants_latin_words_left_to_right():
    """A participant's quotation in French with its code ('P4: «…»') is one left-to-right
    run, written as French writes it ("P4 : « … »"), in a paragraph that keeps the
    document's direction, so that a bullet before it stands at the right as every other
    item's (set right to left piece by piece, Word put the code after the quotation's full
    stop; set left to right whole, its bullet went to the far left)."""
    from govcap.reports.docx import render_docx
    from govcap.reports.model import Bullets, Para, Section

    words = Labels("ar")
    quoted = words.t("evidence.quote", who="P4",
                     text=words.inside_quotes("Le PMO n'existe que sur le papier."))
    arabic = words["assume.intro"]
    doc = dataclasses.replace(document("ar"), sections=[Section("annex", words["h.summary"], [
        Bullets((quoted, arabic)), Para(quoted), Para(arabic)], number=1)])
    body = read_docx(io.BytesIO(render_docx(doc))).element.body
    said = {}
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if "P4" in text or arabic in text:
            said.setdefault("P4" if "P4" in text else "ar", []).append(right_to_left(p))
    assert said == {"P4": [True, True], "ar": [True, True]}
    # and none of its pieces is set right to left (a "»" so set is drawn mirrored, "«")
    latin = [p for p in body.iter(qn("w:p"))
             if "P4" in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    assert not [r for p in latin for r in p.iter(qn("w:rtl"))]
    assert [BIDI_MARKS.sub("", "".join(t.text for t in p.iter(qn("w:t")))) for p in latin] == [
        "P4\u202f: «\u00a0Le PMO n'existe que sur le papier.\u00a0»"] * 2
