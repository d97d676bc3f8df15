"""Checks every uploaded file goes through before an importer reads it.

- size: at most GOVCAP_UPLOAD_MAX_BYTES (or the importer's own smaller limit);
- type by content, not by name: an XLSX is a zip holding ``[Content_Types].xml``, with no
  entry that would unpack to a suspicious size (zip bomb) or path; a CSV is text in UTF-8
  (with or without BOM) or, failing that, another declared encoding, with no NUL bytes;
- XML (XLSForm XML, ODK submissions, a workbook's parts when an importer reads them
  itself) is parsed with defusedxml: no entity expansion, no external entities, no DTDs.

Importers call `check_upload(file, kind)` and get the bytes back, or an UploadError whose
message names the problem in the user's words — in their language, and never with a
library's own (English) text appended.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext as _

XLSX_MAX_RATIO = 200  # an entry may unpack to at most this many times its packed size
XLSX_MAX_UNPACKED = 200 * 1024 * 1024
KINDS = ("xlsx", "csv", "xml", "json")


class UploadError(ValueError):
    """Why an upload was refused, in the user's words."""


def max_bytes() -> int:
    return int(getattr(settings, "GOVCAP_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))


def read_limited(file: IO[bytes] | bytes, limit: int | None = None) -> bytes:
    """The file's bytes, refusing one larger than the limit without reading it all."""
    limit = max_bytes() if limit is None else limit
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    else:
        size = getattr(file, "size", None)
        if size is not None and size > limit:
            raise UploadError(_too_big(limit))
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise UploadError(_too_big(limit))
    if not data:
        raise UploadError(_("The file is empty."))
    return data


def _too_big(limit: int) -> str:
    return _("The file is larger than %(n)s MB.") % {"n": f"{limit / 1024 / 1024:.0f}"}


def check_xlsx(data: bytes) -> None:
    if not data.startswith(b"PK"):
        raise UploadError(_("This is not an Excel workbook (.xlsx): choose the workbook itself, "
                            "or export the sheet again."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                raise UploadError(_("This ZIP file is not an Excel workbook (.xlsx)."))
            total = 0
            for info in archive.infolist():
                if info.filename.startswith(("/", "\\")) or ".." in info.filename.split("/"):
                    raise UploadError(_("The workbook holds a suspicious path: %(path)s")
                                      % {"path": info.filename[:80]})
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > XLSX_MAX_RATIO:
                    raise UploadError(_("The workbook unpacks to a suspicious size."))
            if total > XLSX_MAX_UNPACKED:
                raise UploadError(_("The workbook unpacks to more than 200 MB."))
            parse_xml(archive.read("[Content_Types].xml"))
    except zipfile.BadZipFile:
        raise UploadError(_("This Excel workbook (.xlsx) is damaged: it cannot be "
                            "opened.")) from None


def decode_text(data: bytes, encodings: tuple[str, ...] = ("utf-8-sig",)) -> str:
    """CSV or other text: decoded with the first encoding that fits; NUL bytes refused."""
    if b"\x00" in data:
        raise UploadError(_("This is not a text (CSV) file: it holds binary data."))
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError(_("This CSV file is not in UTF-8: save it again as “CSV UTF-8”."))


def parse_xml(data: bytes):
    """An ElementTree root, parsed safely (no entities, no DTD, no external references)."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise UploadError(_("The XML file uses entities or a DTD, which govcap refuses.")) from None
    except SafeET.ParseError as error:  # its message is the parser's English: say where only
        line, column = getattr(error, "position", None) or (0, 0)
        raise UploadError(_("The XML file is not well formed (line %(line)s, column "
                            "%(column)s).") % {"line": line, "column": column + 1}) from None


def check_upload(file: IO[bytes] | bytes, kind: str, *, limit: int | None = None) -> bytes:
    """Check size and type by content; returns the bytes for the importer to read."""
    if kind not in KINDS:
        raise ValueError(f"unknown upload kind {kind!r}")
    data = read_limited(file, limit)
    if kind == "xlsx":
        check_xlsx(data)
    elif kind == "csv":
        if data.startswith(b"PK"):
            raise UploadError(_("This is an Excel workbook, not a CSV file: choose the .xlsx "
                                "import."))
        decode_text(data)
    elif kind == "xml":
        parse_xml(data)
    elif kind == "json":
        decode_text(data)
    return data
