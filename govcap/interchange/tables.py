"""Reading an exported file (CSV, XLSX, or ODK Central's ZIP of CSVs) into a plain table.

Only the shape is read here: headers and cells as text, each row with the number a
spreadsheet shows for it (the header is row 1). What the columns mean is decided by the
caller. Anything unreadable ends in an :class:`ImportProblem`, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from govcap import localise
from govcap.cells import restore
from govcap.interchange.problems import ImportProblem, Problem

MAX_ROWS = 5_000
MAX_COLUMNS = 2_000
MAX_CELL = 100_000  # characters; text fields themselves are limited further by the importer
DELIMITERS = (",", ";", "\t")

# Scores a candidate header row: how many of its cells the caller recognises.
HeaderScore = Callable[[Sequence[str]], int]


@dataclass(frozen=True)
class TableRow:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    format: str  # "csv", "xlsx", "zip/csv"
    delimiter: str = ""


def read_table(data: bytes, name: str = "", score: HeaderScore | None = None) -> Table:
    """The table in an exported file, whatever its format (sniffed from the content)."""
    score = score or (lambda headers: 0)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem.one(_("this is an old Excel 97–2003 (.xls) workbook; download "
                                  "the export again as XLSX or CSV"))
    if data.startswith(b"PK"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise ImportProblem.one(_("this file looks like a ZIP archive or an XLSX workbook "
                                      "but cannot be opened; it may be damaged")) from None
        if "[Content_Types].xml" in members:
            return _read_xlsx(data)
        return _read_zip_of_csv(archive, score)
    return _read_csv(data, score)


# --- CSV ----------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblem([Problem(
            _("the file is not UTF-8 text (byte %(byte)d, line %(line)d); download the export "
              "again from KoboToolbox or ODK Central, or save it as “CSV UTF-8”")
            % {"byte": exc.start + 1, "line": line})]) from None


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records = []
    try:
        for record in reader:
            records.append(record)
            if len(records) > MAX_ROWS + 1:
                raise ImportProblem.one(_("the file has more than %(n)s rows; import it in "
                                          "parts") % {"n": localise.number(MAX_ROWS)})
    except csv.Error:  # its message is the csv module's English: say where only
        raise ImportProblem.one(_("the CSV cannot be read near line %(line)d; download the "
                                  "export again") % {"line": reader.line_num},
                                row=len(records) + 1) from None
    return records


def _read_csv(data: bytes, score: HeaderScore, fmt: str = "csv") -> Table:
    text = _decode(data).replace("\x00", "")
    if not text.strip():
        raise ImportProblem.one(_("the file is empty"))
    first_line = text.splitlines()[0] if text.splitlines() else ""

    def rank(d: str) -> tuple[int, int]:
        try:
            header = next(csv.reader([first_line], delimiter=d, strict=False), [])
        except csv.Error:
            return (-1, 0)
        return (score(header), len(header))

    delimiter = max(DELIMITERS, key=rank)
    records = _records(text, delimiter)
    return _table(records, fmt, delimiter)


def _read_zip_of_csv(archive: zipfile.ZipFile, score: HeaderScore) -> Table:
    """ODK Central's "all data" download: the form's table is the CSV without PARENT_KEY."""
    candidates = []
    names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
    for name in names:
        try:
            with archive.open(name) as member:
                head = member.read(64 * 1024)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
            continue
        if b"PARENT_KEY" not in head.split(b"\n", 1)[0]:
            candidates.append(name)
    if len(candidates) != 1:
        listed = localise.join(names) or _("none")
        raise ImportProblem.one(_("this ZIP archive should hold one main CSV table (ODK "
                                  "Central's export); CSV files found: %(files)s")
                                % {"files": listed})
    info = archive.getinfo(candidates[0])
    if info.file_size > 50 * 1024 * 1024:
        raise ImportProblem.one(_("%(file)s in the ZIP archive is too large")
                                % {"file": candidates[0]})
    try:
        data = archive.read(candidates[0])
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        raise ImportProblem.one(_("%(file)s in the ZIP archive cannot be read")
                                % {"file": candidates[0]}) from None
    return _read_csv(data, score, fmt="zip/csv")


# --- XLSX ---------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text an export would have written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # untrusted input: every failure of the reader is the file's
        raise ImportProblem.one(_("the workbook cannot be read; download the export "
                                  "again")) from None
    try:
        sheet = wb.worksheets[0] if wb.worksheets else None
        if sheet is None:
            raise ImportProblem.one(_("the workbook has no sheet"))
        records: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            if len(records) > MAX_ROWS + 1:
                raise ImportProblem.one(_("the sheet has more than %(n)s rows; import it in "
                                          "parts") % {"n": localise.number(MAX_ROWS)})
            records.append([cell_text(v) for v in values[:MAX_COLUMNS + 1]])
    except ImportProblem:
        raise
    except Exception:  # a damaged sheet part, an unreadable cell…
        raise ImportProblem.one(_("the workbook cannot be read; download the export "
                                  "again")) from None
    finally:
        wb.close()
    return _table(records, "xlsx")


# --- both ---------------------------------------------------------------------------------


def _table(records: list[list[str]], fmt: str, delimiter: str = "") -> Table:
    # a cell govcap neutralised when it wrote the sheet reads as it was (``cells.restore``)
    records = [[restore(c).replace("\r\n", "\n").replace("\r", "\n") for c in r]
               for r in records]
    if not records or not any(c.strip() for c in records[0]):
        raise ImportProblem.one(_("the first row is empty; it should hold the column headers"))
    headers = list(records[0])
    while headers and not headers[-1].strip():
        headers.pop()
    if not headers:
        raise ImportProblem.one(_("the file has no header row"))
    if len(headers) > MAX_COLUMNS:
        raise ImportProblem.one(_("the file has more than %(n)s columns")
                                % {"n": localise.number(MAX_COLUMNS)})
    problems: list[Problem] = []
    rows = []
    for index, record in enumerate(records[1:], start=2):
        if not any(c.strip() for c in record):
            continue
        extra = [c for c in record[len(headers):] if c.strip()]
        if extra:
            problems.append(Problem(_("this row has %(cells)d cells but the header has "
                                      "%(headers)d; the file may be damaged")
                                    % {"cells": len(record), "headers": len(headers)}, index))
            continue
        long = next((h for h, c in zip(headers, record, strict=False) if len(c) > MAX_CELL),
                    None)
        if long is not None:
            problems.append(Problem(_("the cell is longer than %(n)s characters")
                                    % {"n": localise.number(MAX_CELL)}, index, long))
            continue
        cells = tuple(record[: len(headers)]) + ("",) * max(0, len(headers) - len(record))
        rows.append(TableRow(index, cells))
    if problems:
        raise ImportProblem(problems)
    return Table(tuple(h.strip() for h in headers), tuple(rows), fmt, delimiter)
