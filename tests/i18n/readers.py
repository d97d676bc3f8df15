"""The text people read in an answer of govcap, one block a line, whatever its kind: a page,
an SVG, a CSV, JSON, a DOCX, an XLSX (an XLSForm apart), a PDF, a ZIP of those. Used by
the pseudo-locale crawl (test_pseudo_crawl.py), whose docstring says what is read and why.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from xml.etree import ElementTree

BLOCK = "\n"
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
HIDDEN_ELEMENTS = {"script", "style"}
# Machine text (keys, codes, secrets to copy): not language.
MACHINE_ELEMENTS = {"code", "kbd", "samp", "pre"}
BLOCKS = {"p", "div", "li", "td", "th", "tr", "option", "h1", "h2", "h3", "h4", "section",
          "br", "dt", "dd", "label", "legend", "caption", "title", "text", "tspan", "button",
          "a", "span", "summary", "figcaption"}
# An identifier (a column of a data file): `country_code`, `is_demo`.
IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
# A code, or a file's path: `in_progress`, `false`, `below-minimum`, `kenya/plan-v1.xlsx`.
CODE = re.compile(r"[a-z0-9][a-z0-9_.:/-]*")
# JSON: the keys whose values are words for people (a key ending in one, `error_message`,
# `section_title`, or its plural, counts too). Every other value is a key, a code, a number
# or data for programs.
WORDS_KEYS = {"label", "title", "word", "message", "error", "detail", "reason", "definition",
              "description", "summary", "hint", "help", "note", "caption", "heading",
              "explanation", "warning"}
# The XLSForm's translated columns, `label::English (en)`.
XLSFORM_COLUMN = re.compile(r"(label|hint|constraint_message)::.*\((?P<lang>[\w-]+)\)")
DOCUMENT_KINDS = {"docx", "xlsx", "pdf", "zip"}
CONTENT_KINDS = {
    "text/html": "html", "image/svg+xml": "svg", "text/csv": "csv",
    "application/json": "json", "application/xml": "xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/pdf": "pdf", "application/zip": "zip",
}
FILE_KINDS = {"html": "html", "svg": "svg", "csv": "csv", "json": "json", "docx": "docx",
              "xlsx": "xlsx", "pdf": "pdf", "zip": "zip", "qdpx": "zip", "txt": "txt",
              "xml": "xml", "qde": "xml", "qdc": "xml"}


class Unreadable(Exception):
    """A kind of file this machine cannot read (pdftotext missing): the reason, to show."""


def kind_of(content_type: str) -> str | None:
    return CONTENT_KINDS.get(content_type.split(";")[0].strip())


def text_of(kind: str, body: bytes, language: str) -> str:
    """The visible text of BODY, a file of KIND, read in LANGUAGE (an XLSForm's columns)."""
    return READERS[kind](body, language)


class VisibleText(HTMLParser):
    """The visible text, one block a line. Text in an element whose `lang` says another
    language (the language menu's names, the instrument shown in the session's language)
    is meant to be in that language: left out."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.parts: list[str] = []
        self.hidden = 0
        self.foreign: list[str] = []  # the open elements marked with another language

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        lang = (names.get("lang") or "").lower()
        if tag == "html":
            return
        if tag in HIDDEN_ELEMENTS or self.foreign:
            self.hidden += tag in HIDDEN_ELEMENTS
            if self.foreign and tag == self.foreign[-1]:
                self.foreign.append(tag)
            return
        if (lang and lang != self.language) or tag in MACHINE_ELEMENTS:
            self.foreign.append(tag)
            return
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (
                    name == "value" and tag in ("input", "button")
                    and names.get("type") in ("submit", "button", "reset"))):
                self.parts.append(BLOCK + value + BLOCK)
        if tag in BLOCKS:
            self.parts.append(BLOCK)

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1
        if self.foreign and tag == self.foreign[-1]:
            self.foreign.pop()
        if tag in BLOCKS:
            self.parts.append(BLOCK)

    def handle_data(self, data):
        if not self.hidden and not self.foreign:
            self.parts.append(data)


def html_text(body: bytes, language: str) -> str:
    parser = VisibleText(language)
    parser.feed(body.decode("utf-8", "replace"))
    return "".join(parser.parts)


def is_tidy(header: Iterable[object]) -> bool:
    """A table whose header is all identifiers is a data file in a stable schema (the
    results export, its dictionary, a pack's manifest): its header, its codes and its
    sheet's name are keys for programs, not language."""
    filled = [str(cell) for cell in header if cell not in (None, "")]
    return bool(filled) and all(IDENTIFIER.fullmatch(cell) for cell in filled)


def table_text(rows: Iterable[Iterable[object]], name: str = "") -> Iterator[str]:
    """The cells of a table, one a line, after its name; not a formula (the workbook's
    arithmetic), nor a tidy table's header and codes (is_tidy)."""
    rows = iter(rows)
    header = ["" if cell is None else str(cell) for cell in next(rows, ())]
    tidy = is_tidy(header)
    if not (tidy and IDENTIFIER.fullmatch(name)):
        yield name
    for cells in ([] if tidy else [header], rows):
        for row in cells:
            for cell in row:
                text = "" if cell is None else str(cell)
                if not text.startswith("=") and not (tidy and CODE.fullmatch(text)):
                    yield text


def csv_text(body: bytes, language: str) -> str:
    return BLOCK.join(table_text(csv.reader(io.StringIO(body.decode("utf-8-sig", "replace")))))


def json_text(body: bytes, language: str) -> str:
    """The values of the words keys (WORDS_KEYS), every string under them; not the codes
    among them (`below-minimum`)."""
    found: list[str] = []

    def words_key(key: object) -> bool:
        last = str(key).lower().rsplit("_", 1)[-1]
        return last in WORDS_KEYS or last.removesuffix("s") in WORDS_KEYS

    def walk(value, reading: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, reading or words_key(key))
        elif isinstance(value, list):
            for item in value:
                walk(item, reading)
        elif isinstance(value, str) and reading and not CODE.fullmatch(value):
            found.append(value)

    document = json.loads(body.decode("utf-8"))
    if isinstance(document, dict) and "openapi" in document:
        return ""  # the API's schema, made from its code: its words are the docs page's
    walk(document, False)
    return BLOCK.join(found)


def docx_text(body: bytes, language: str) -> str:
    """Paragraphs and table cells (tables in cells too), headers and footers, the title."""
    from docx import Document

    document = Document(io.BytesIO(body))
    parts = [document.core_properties.title or "", document.core_properties.subject or ""]
    seen: set[int] = set()

    def read(container) -> None:
        parts.extend(paragraph.text for paragraph in container.paragraphs)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is listed once a column
                        seen.add(id(cell._tc))
                        read(cell)

    read(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            if not part.is_linked_to_previous:
                read(part)
    return BLOCK.join(parts)


def xlsx_text(body: bytes, language: str) -> str:
    """Sheet names and string cells, not formulas; an XLSForm's words apart (xlsform_text)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body), read_only=True)
    try:
        if {"survey", "choices"} <= set(book.sheetnames):
            return xlsform_text(book, language)
        parts: list[str] = []
        for sheet in book.worksheets:
            rows = ([c for c in row if isinstance(c, str) or c is None]
                    for row in sheet.iter_rows(values_only=True))
            parts.extend(table_text(rows, sheet.title))
        return BLOCK.join(parts)
    finally:
        book.close()


def xlsform_text(book, language: str) -> str:
    """The label, hint and constraint_message columns of LANGUAGE on the survey and choices
    sheets; of every language when the form has no column of it (then each word must be
    data). The instrument's texts in them are data (its translation layer)."""
    parts: list[str] = []
    for name in ("survey", "choices"):
        rows = list(book[name].iter_rows(values_only=True))
        if not rows:
            continue
        header = [str(cell or "") for cell in rows[0]]
        columns = {i: match.group("lang") for i, cell in enumerate(header)
                   if (match := XLSFORM_COLUMN.fullmatch(cell))}
        mine = [i for i, lang in columns.items() if lang == language] or list(columns)
        for row in rows[1:]:
            parts.extend(str(row[i]) for i in mine if i < len(row) and row[i])
    return BLOCK.join(parts)


def pdf_text(body: bytes, language: str) -> str:
    if shutil.which("pdftotext") is None:
        raise Unreadable("pdftotext (poppler-utils) is not installed: PDFs are not read")
    # -raw: in the order drawn, a table's row on a line and no word's hyphen taken away
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],  # noqa: S607
                          input=body, capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8", "replace").replace("\f", BLOCK)


def xml_text(body: bytes, language: str) -> str:
    """Element texts and `name` attributes (a REFI-QDA project's codes and sources)."""
    parts: list[str] = []
    for element in ElementTree.fromstring(body).iter():  # noqa: S314 (govcap's own file)
        parts += [element.text or "", element.get("name") or ""]
    return BLOCK.join(parts)


def txt_text(body: bytes, language: str) -> str:
    return body.decode("utf-8-sig", "replace")


def zip_text(body: bytes, language: str) -> str:
    """Every file inside that is read, by its extension, its name a block before it."""
    parts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(body)) as pack:
        for info in pack.infolist():
            kind = FILE_KINDS.get(info.filename.rsplit(".", 1)[-1].lower())
            if kind is not None:
                parts.append(text_of(kind, pack.read(info), language))
    return BLOCK.join(parts)


READERS: dict[str, Callable[[bytes, str], str]] = {
    "html": html_text, "svg": html_text, "csv": csv_text, "json": json_text, "docx": docx_text,
    "xlsx": xlsx_text, "pdf": pdf_text, "zip": zip_text, "xml": xml_text, "txt": txt_text,
}
