"""Reading export files into tables: every format the tools produce, every failure a problem."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from govcap.interchange.problems import ImportProblem
from govcap.interchange.tables import cell_text, read_table


def xlsx(rows: list[list]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_commas_and_semicolons_are_told_apart_by_the_recognised_headers():
    score = lambda headers: sum(h in {"a", "b, c"} for h in headers)  # noqa: E731
    kobo = read_table(b'"a";"b, c"\r\n"1";"2"\r\n', score=score)
    assert (kobo.delimiter, kobo.headers, kobo.rows[0].cells) == (";", ("a", "b, c"), ("1", "2"))
    odk = read_table(b"a,x\n1,2\n", score=score)
    assert (odk.delimiter, odk.headers) == (",", ("a", "x"))


def test_rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_rows_skipped():
    table = read_table(b'a,b\n1,"two\nlines"\n,\n3,4\n')
    assert [(r.number, r.cells) for r in table.rows] == [(2, ("1", "two\nlines")),
                                                        (4, ("3", "4"))]


def test_a_byte_order_mark_and_short_rows_are_fine():
    table = read_table("\ufeffa,b,c\n1\n".encode())
    assert table.headers == ("a", "b", "c") and table.rows[0].cells == ("1", "", "")


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"a,b\n\xe9t\xe9,1\n", r"not UTF-8 text \(byte 5, line 2\)"),
    (b"\xd0\xcf\x11\xe0rest", "old Excel 97"),
    (b"PK\x03\x04broken", "cannot be opened"),
    (b"a,b\n1,2,3\n", "this row has 3 cells but the header has 2"),
    (b"\n\na,b\n", "the first row is empty"),
])
def test_unreadable_files_are_problems(data, message):
    with pytest.raises(ImportProblem, match=message):
        read_table(data)


def test_an_xlsx_sheet_is_read_with_typed_cells_as_text():
    table = read_table(xlsx([["date", "n", "x", "when"],
                             [dt.datetime(2026, 3, 10), 7, 2.5,
                              dt.datetime(2026, 3, 10, 13, 22, 41)]]))
    assert table.format == "xlsx"
    assert table.rows[0].cells == ("2026-03-10", "7", "2.5", "2026-03-10T13:22:41")


def test_a_zip_without_a_main_table_is_a_problem():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "x,PARENT_KEY\n")
    with pytest.raises(ImportProblem, match="should hold one main CSV table"):
        read_table(buffer.getvalue())


@pytest.mark.parametrize("value, text", [(None, ""), (True, "true"), (7.0, "7"), (0.5, "0.5"),
                                         (dt.date(2026, 1, 2), "2026-01-02"), ("x", "x")])
def test_cell_text(value, text):
    assert cell_text(value) == text
