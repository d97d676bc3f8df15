"""Hostile and unusual text to feed every place people type into, and every output.

Teammates: import CORPUS (or SHORT_CORPUS where a field has a length limit) in the tests of
your CSV/XLSX/DOCX/PDF/JSON outputs; `assert_csv_safe` and `assert_html_escaped` check the
usual properties.
"""

from __future__ import annotations

import csv
import io

SCRIPT = '<script>alert("x")</script>'
IMG = '<img src=x onerror=alert(1)>'
ATTR = '" onmouseover="alert(1)" x="'
FORMULA_CMD = "=cmd|' /C calc'!A0"
FORMULA_HYPERLINK = '=HYPERLINK("http://evil.example","click")'
FORMULA_PLUS = "+1+1"
FORMULA_MINUS = "-2+3"
FORMULA_AT = "@SUM(1+1)"
TAB_FORMULA = "\t=1+1"
RTL_OVERRIDE = "P1 \u202eredaolnwod\u202c.exe"
ARABIC = "نحتاج إلى تدريب في البنية المؤسسية"
AMHARIC = "የዲጂታል ክህሎት ስልጠና ያስፈልገናል"
TEMPLATE = "{{ secret }} {% debug %}"
SQL = "'; DROP TABLE accounts_auditevent; --"
NUL_AND_CONTROL = "a\x00b\x07c"
EMOJI = "👩🏽‍💻 digital"
HUGE = "A" * (1024 * 1024)  # 1 MB

SHORT_CORPUS: dict[str, str] = {
    "script": SCRIPT,
    "img": IMG,
    "attribute": ATTR,
    "formula_cmd": FORMULA_CMD,
    "formula_hyperlink": FORMULA_HYPERLINK,
    "formula_plus": FORMULA_PLUS,
    "formula_minus": FORMULA_MINUS,
    "formula_at": FORMULA_AT,
    "tab_formula": TAB_FORMULA,
    "rtl_override": RTL_OVERRIDE,
    "arabic": ARABIC,
    "amharic": AMHARIC,
    "template": TEMPLATE,
    "sql": SQL,
    "emoji": EMOJI,
}
CORPUS: dict[str, str] = {**SHORT_CORPUS, "control": NUL_AND_CONTROL, "huge": HUGE}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def assert_html_escaped(html: str) -> None:
    """No corpus markup survives unescaped."""
    for needle in (SCRIPT, IMG, 'onmouseover="alert(1)"'):
        assert needle not in html, f"unescaped in HTML: {needle!r}"


def assert_csv_safe(text: str) -> None:
    """No cell of a CSV text starts with a formula character."""
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"formula cell in CSV: {cell[:40]!r}"


def assert_cells_safe(cells) -> None:
    """No text cell (e.g. of an openpyxl worksheet's values) starts with a formula character."""
    for cell in cells:
        if isinstance(cell, str):
            assert not cell.startswith(FORMULA_STARTS), f"formula cell: {cell[:40]!r}"
