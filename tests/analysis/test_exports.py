"""REFI-QDA exports (codebook .qdc and project .qdpx) and the coded-segments CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
import zipfile
from xml.etree import ElementTree as ET

import pytest

from govcap.analysis import coding, exports
from govcap.analysis.core import qda
from govcap.analysis.models import Code

CB = "{urn:QDA-XML:codebook:1.0}"
PR = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
NOW = dt.datetime(2026, 4, 1, 9, 30, tzinfo=dt.UTC)


def test_a_codebook_file_has_the_refi_qda_elements_and_attributes() -> None:
    codes = [qda.QdaCode(str(uuid.uuid4()), "Funding", "Money & budgets <cut>", "#8A6D00"),
             qda.QdaCode(str(uuid.uuid4()), "Skills")]
    data = qda.codebook_qdc(codes)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(data)
    assert root.tag == f"{CB}CodeBook" and root.get("origin") == "govcap"
    assert [child.tag for child in root] == [f"{CB}Codes"]
    first, second = root.find(f"{CB}Codes")
    assert first.attrib == {"guid": codes[0].guid, "name": "Funding", "isCodable": "true",
                            "color": "#8A6D00"}
    assert first.find(f"{CB}Description").text == "Money & budgets <cut>"
    assert second.find(f"{CB}Description") is None and "color" not in second.attrib


def test_a_session_document_keeps_each_parts_offset() -> None:
    text, offsets = qda.session_document("Title", [("a", "Notes", "first text"),
                                                   ("b", "Quote (P1)", "second")])
    assert text[offsets["a"]:offsets["a"] + 10] == "first text"
    assert text[offsets["b"]:offsets["b"] + 6] == "second"
    assert text.startswith("Title\n")


@pytest.fixture
def coded(analysed):
    w = analysed
    coding.ensure_codebook(w.engagement)
    funding = Code.objects.get(codebook__engagement=w.engagement, name="Funding")
    rating = w.notes["change-management"]
    coding.code_span(w.facilitator, w.session, coding.SpanInput(
        uuid.uuid4(), "notes", str(rating.uuid), "The budget was cut", [str(funding.uuid)],
        memo="a memo"))
    coding.code_span(w.coordinator, w.session, coding.SpanInput(
        uuid.uuid4(), "quote", str(w.quote.uuid), "We send a memo", [str(funding.uuid)]))
    w.funding = funding
    return w


def test_the_project_zip_holds_the_qde_and_one_text_per_session(coded) -> None:
    w = coded
    data = exports.project_qdpx(w.coordinator, w.engagement, now=NOW)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names[0] == "project.qde"
    root = ET.fromstring(archive.read("project.qde"))
    assert root.tag == f"{PR}Project" and root.get("name").endswith(w.engagement.name)
    assert root.get("creationDateTime") == "2026-04-01T09:30:00Z"
    assert [c.tag for c in root] == [f"{PR}{t}" for t in ("Users", "CodeBook", "Variables",
                                                          "Cases", "Sources")]
    for element in root.iter():
        for name in ("guid", "targetGUID", "creatingUser"):
            if name in element.attrib:
                assert GUID.match(element.attrib[name]), (element.tag, name)

    code_guids = {c.get("guid") for c in root.iter(f"{PR}Code")}
    user_guids = {u.get("guid"): u.get("name") for u in root.iter(f"{PR}User")}
    assert str(w.funding.uuid) in code_guids and len(code_guids) == 12
    assert set(user_guids.values()) == {"facilitator", "coordinator"}

    sources = {s.get("guid"): s for s in root.iter(f"{PR}TextSource")}
    assert str(w.session.uuid) in sources and str(w.agency_session.uuid) in sources
    assert str(w.other_session.uuid) not in sources  # another engagement
    source = sources[str(w.session.uuid)]
    path = source.get("plainTextPath")
    assert path == f"internal://{w.session.uuid}.txt"
    text = archive.read(f"sources/{w.session.uuid}.txt").decode("utf-8")
    selections = source.findall(f"{PR}PlainTextSelection")
    assert len(selections) == 2
    spans = set()
    for selection in selections:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        spans.add(text[start:end])
        coding_el = selection.find(f"{PR}Coding")
        assert coding_el.find(f"{PR}CodeRef").get("targetGUID") == str(w.funding.uuid)
        assert coding_el.get("creatingUser") in user_guids
    assert spans == {"The budget was cut", "We send a memo"}
    memo = [s.find(f"{PR}Description") for s in selections]
    assert "a memo" in [m.text for m in memo if m is not None]

    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{PR}Variable")}
    assert {"Country", "Organisation", "Round"} <= set(variables.values())
    for value in source.iter(f"{PR}VariableValue"):
        assert value.find(f"{PR}VariableRef").get("targetGUID") in variables
    cases = {c.get("name"): [r.get("targetGUID") for r in c.iter(f"{PR}SourceRef")]
             for c in root.iter(f"{PR}Case")}
    assert cases[w.ministry.name] == [str(w.session.uuid)]
    assert all(ref in sources for refs in cases.values() for ref in refs)


def test_exporting_twice_gives_the_same_guids(coded) -> None:
    first = exports.project_qdpx(coded.coordinator, coded.engagement, now=NOW)
    second = exports.project_qdpx(coded.coordinator, coded.engagement, now=NOW)
    read = [zipfile.ZipFile(io.BytesIO(d)).read("project.qde") for d in (first, second)]
    assert read[0] == read[1]


def test_a_facilitator_exports_only_the_sessions_they_see(coded) -> None:
    data = exports.project_qdpx(coded.colleague, coded.engagement, now=NOW)
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("project.qde"))
    assert not list(root.iter(f"{PR}TextSource"))


def test_the_segments_csv_neutralises_formulas(coded) -> None:
    w = coded
    rating = w.notes["change-management"]
    coding.code_span(w.facilitator, w.session, coding.SpanInput(
        uuid.uuid4(), "notes", str(rating.uuid), "=SUM(A1) is not a formula",
        [str(w.funding.uuid)], memo="+danger"))
    body = exports.segments_csv(w.coordinator, w.engagement).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["text"] for r in rows} >= {"The budget was cut", "'=SUM(A1) is not a formula"}
    assert "'+danger" in {r["memo"] for r in rows}
    assert {r["coder"] for r in rows} == {"facilitator", "coordinator"}
    assert {r["level_agreed"] for r in rows} == {"basic"}
