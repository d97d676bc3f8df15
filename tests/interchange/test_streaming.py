"""Exports stream: the same bytes as the in-memory versions, written piece by piece."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.http import StreamingHttpResponse

from govcap.interchange.bundle import (
    BundleOptions,
    build_bundle,
    bundle_bytes,
    verify,
    write_bundle,
)
from govcap.interchange.bundleio import import_bundle, read_bundle
from govcap.interchange.exports import (
    ExportOptions,
    csv_bytes,
    csv_chunks,
    export_bytes,
    export_chunks,
    write_export,
)
from tests.interchange.test_bundle import rich, wipe  # noqa: F401 (a fixture)
from tests.security.helpers import client_for


def test_csv_in_pieces_is_the_csv_in_one_piece():
    rows = [[f"=row {i}", i, None, True] for i in range(1234)]
    header = ["a", "b", "c", "d"]
    pieces = list(csv_chunks(rows, header, rows_per_chunk=100))
    assert len(pieces) == 13
    assert pieces[0].startswith("\ufeff".encode()) and not pieces[1].startswith(b"\xef")
    assert b"".join(pieces) == csv_bytes(rows, header)[0]
    assert b"'=row 7,7,,true" in b"".join(pieces)  # still neutralised


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_written_streamed_and_in_memory_exports_agree(rich, fmt, tmp_path: Path):  # noqa: F811
    options = ExportOptions(identified=True)
    data, n = export_bytes(rich.admin, None, fmt, options)
    with (tmp_path / f"r.{fmt}").open("wb") as f:
        assert write_export(rich.admin, None, fmt, f, options) == n == 16
    streamed = b"".join(export_chunks(rich.admin, None, fmt, options))
    if fmt == "csv":
        assert (tmp_path / f"r.{fmt}").read_bytes() == streamed == data
    else:  # a ZIP stamps its members with the time: compare the cells
        def cells(raw: bytes):
            book = openpyxl.load_workbook(io.BytesIO(raw))
            return [[c.value for c in row] for s in book for row in s.iter_rows()]

        assert cells(streamed) == cells(data) == cells((tmp_path / f"r.{fmt}").read_bytes())


def test_the_web_download_streams(rich):  # noqa: F811
    client = client_for(rich.admin)
    for fmt in ("csv", "xlsx"):
        response = client.get(f"/e/{rich.engagement.slug}/results/results.{fmt}")
        assert isinstance(response, StreamingHttpResponse)
        body = b"".join(response.streaming_content)
        assert body == export_bytes(rich.admin, rich.engagement, fmt)[0] or fmt == "xlsx"
        assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("identified", [False, True])
def test_a_written_bundle_is_the_bundle_byte_for_byte(rich, identified):  # noqa: F811
    options = BundleOptions(identified=identified)
    out = io.BytesIO()
    written = write_bundle(rich.engagement, out, options)
    expected = bundle_bytes(build_bundle(rich.engagement, options))
    assert out.getvalue() == expected
    assert written.sessions == 1
    assert written.content_checksum == json.loads(expected)["checksums"]["content"]


def test_a_written_bundle_of_an_engagement_without_sessions(rich):  # noqa: F811
    rich.session.delete()
    out = io.BytesIO()
    write_bundle(rich.engagement, out)
    assert out.getvalue() == bundle_bytes(build_bundle(rich.engagement))
    verify(json.loads(out.getvalue()))


def test_the_command_writes_a_bundle_that_imports_back(rich, tmp_path: Path):  # noqa: F811
    path = tmp_path / "b.json"
    call_command("bundle", "export", rich.engagement.slug, "--out", str(path),
                 stdout=io.StringIO())
    assert path.read_bytes() == bundle_bytes(build_bundle(rich.engagement))
    wipe(rich.engagement)
    report = import_bundle(read_bundle(path))
    assert report.created["sessions"] == 1 and report.created["ratings"] == 2
