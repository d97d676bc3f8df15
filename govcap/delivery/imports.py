"""Attendance from a CSV or XLSX sheet, all or nothing: interchange reads the file, the core
checks every row, and only a sheet without a single problem is written. Problems name the
file, the sheet (XLSX), the row and the column."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from govcap import localise
from govcap.delivery import services, texts
from govcap.delivery.core import attendance as sheet
from govcap.delivery.models import Delivery, Trainee
from govcap.interchange.problems import ImportProblem, Problem
from govcap.interchange.tables import read_table

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class AttendanceImport:
    marks: int  # the sheet's marks (yes or no), whether new, changed or as recorded
    dry_run: bool
    # the recorded marks the sheet changed (a sheet filled away from the page)
    changed: tuple[services.Changed, ...] = ()
    new: int = 0  # marks not recorded before
    same: int = 0  # marks as recorded already: nothing written
    blank: int = 0  # rows whose "present" was left blank: their marks stay as they are


@dataclass(frozen=True)
class Upload:
    """A file to import, read: its bytes, its name, and where its problems are said to be
    ("attendance.xlsx, sheet “Day 1”")."""

    data: bytes
    label: str
    where: str


def read_upload(source: bytes | str | Path, name: str = "") -> Upload:
    """The bytes of an upload or of a file on disk, refused when unreadable or over 5 MB —
    the opening step of every import of this package (attendance, evaluation answers)."""
    if isinstance(source, bytes):
        data, label = source, name or "the file"
    else:
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportProblem.one(_("cannot be read: %(why)s") % {
                "why": exc.strerror or exc}, label) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem.one(_("the file is larger than 5 MB"), label)
    tab = _sheet_name(data)
    if label.lower().endswith((".xlsx", ".xlsm")) and (tab is None or not _may_be_read(data)):
        # said as what it is: read on, a damaged workbook was told to hold an ODK export's
        # CSV, and other bytes to be saved as UTF-8 text
        raise ImportProblem.one(_(
            "the file is not a readable XLSX workbook (damaged, or another kind of file "
            "named .xlsx): open the sheet in Excel or LibreOffice, save it again as .xlsx "
            "or as “CSV UTF-8”, and import that file"), label)
    return Upload(data, label, f"{label}, sheet “{tab}”" if tab else label)


def _sheet_name(data: bytes) -> str | None:
    """The first sheet's name of a workbook ("" when it has none, or is not a ZIP file);
    None for a ZIP file no workbook reader can open."""
    if not data.startswith(b"PK"):
        return ""
    try:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), read_only=True)
        try:
            return wb.worksheets[0].title if wb.worksheets else ""
        finally:
            wb.close()
    except Exception:  # unreadable: read_table says so in its own words
        return None


def _may_be_read(data: bytes) -> bool:
    """A workbook, or UTF-8 text (a CSV named .xlsx is read as the CSV it is)."""
    if data.startswith(b"PK"):
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def grouped(problems: list[sheet.SheetProblem]) -> list[Problem]:
    """One problem per reason and column, naming its rows once ("column “present”: rows
    3, 4, 9: empty…"), in the order first met: a sheet with the same gap on every row is
    one line, not one per row."""
    rows: dict[tuple[str, str], list[int]] = {}
    for p in problems:
        rows.setdefault((texts.sheet_problem_text(p), p.column), []).extend(
            [p.row] if p.row is not None else [])
    out = []
    for (reason, column), numbers in rows.items():
        if len(numbers) > 1:
            reason = _("rows %(rows)s: %(reason)s") % {
                "rows": localise.join(numbers), "reason": reason}
        out.append(Problem(reason, numbers[0] if len(numbers) == 1 else None, column or None))
    return out


def _score(headers) -> int:
    return sum(1 for h in headers if sheet.column_of(h))


def import_attendance(source: bytes | str | Path, delivery: Delivery, *, user=None,
                      name: str = "", dry_run: bool = False) -> AttendanceImport:
    """Read and check a sheet; write its marks unless ``dry_run``. Any problem raises
    ImportProblem listing them all, and nothing is written."""
    upload = read_upload(source, name)
    try:
        table = read_table(_as_utf8(upload.data), upload.label, _score)
    except ImportProblem as exc:
        raise exc.with_source(upload.where) from None
    codes = Trainee.objects.filter(delivery=delivery).values_list("code", flat=True)
    read = sheet.read_sheet(table.headers, [(r.number, r.cells) for r in table.rows],
                            list(codes), delivery.days)
    if read.problems:
        raise ImportProblem(grouped(read.problems), upload.where)
    if dry_run:
        return AttendanceImport(len(read.marks), dry_run, blank=read.blank)
    try:
        written = services.record_attendance_sheet(user, delivery, read.marks,
                                                   file=upload.where or name)
    except services.DeliveryError as exc:
        raise ImportProblem.one(str(exc), upload.where) from None
    return AttendanceImport(len(read.marks), dry_run, tuple(written.changed), len(written.new),
                            written.same, read.blank)


def _as_utf8(data: bytes) -> bytes:
    """A CSV saved by Excel in a French, Swahili or English Windows ("CSV (separated by
    semicolons)") is in Windows-1252, not UTF-8: read as such (its semicolons are found by
    the reader). Another text, or a workbook, is left as it is."""
    if data.startswith((b"PK", b"\xd0\xcf\x11\xe0", b"\xff\xfe", b"\xfe\xff")):
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252").encode("utf-8")
        except UnicodeDecodeError:
            raise ImportProblem.one(_(
                "the file is not UTF-8 text: in Excel, save the sheet with “Save as”, type "
                "“CSV UTF-8 (comma delimited)”, and import that file")) from None
    return data
