"""The shared upload checks importers use: size, type by content, safe XML."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govcap.accounts.uploads import UploadError, check_upload, decode_text, parse_xml


def workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["section", "level"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_real_workbook_passes():
    data = workbook()
    assert check_upload(SimpleUploadedFile("a.xlsx", data), "xlsx") == data


@pytest.mark.parametrize("data, message", [
    (b"section,level\n", "not an Excel workbook"),
    (b"PK\x03\x04garbage", "damaged"),
])
def test_things_that_are_not_workbooks_are_refused(data, message):
    with pytest.raises(UploadError, match=message):
        check_upload(data, "xlsx")


def test_a_zip_without_content_types_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(UploadError, match="not an Excel workbook"):
        check_upload(out.getvalue(), "xlsx")


def test_a_zip_bomb_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/bomb.xml", "0" * 5_000_000)
    with pytest.raises(UploadError, match="suspicious size"):
        check_upload(out.getvalue(), "xlsx")


def test_size_limits(settings):
    settings.GOVCAP_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(UploadError, match="larger than"):
        check_upload(SimpleUploadedFile("a.csv", b"a" * 1001), "csv")
    with pytest.raises(UploadError, match="larger than"):
        check_upload(io.BytesIO(b"a" * 1001), "csv")
    with pytest.raises(UploadError, match="empty"):
        check_upload(b"", "csv")
    assert check_upload(b"a,b\n", "csv", limit=10) == b"a,b\n"


def test_csv_must_be_text():
    assert decode_text("code,نام\nP1,ሰላም\n".encode("utf-8-sig")).startswith("code")
    with pytest.raises(UploadError, match="UTF-8"):
        check_upload("é".encode("latin-1"), "csv")
    with pytest.raises(UploadError, match="binary"):
        check_upload(b"a\x00b", "csv")
    with pytest.raises(UploadError, match="Excel workbook"):
        check_upload(workbook(), "csv")


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>',
])
def test_xml_with_entities_or_a_dtd_is_refused(xml):
    with pytest.raises(UploadError, match="entities or a DTD"):
        check_upload(xml, "xml")


def test_plain_xml_parses_and_broken_xml_names_the_problem():
    assert parse_xml(b"<data><P1>yes</P1></data>").tag == "data"
    with pytest.raises(UploadError, match="not well formed"):
        parse_xml(b"<data>")


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        check_upload(b"x", "exe")
