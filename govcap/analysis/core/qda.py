"""REFI-QDA exchange files, so analysts can continue in NVivo, ATLAS.ti, MAXQDA or QualCoder.

- `codebook_qdc`: a codebook file (``.qdc``), namespace ``urn:QDA-XML:codebook:1.0``:
  ``CodeBook/Codes/Code[guid, name, isCodable, color]/Description``.
- `project_qdpx`: a project (``.qdpx``), a zip holding ``project.qde`` (namespace
  ``urn:QDA-XML:project:1.0``) and one plain-text file per FGD session in ``sources/``.
  ``project.qde`` has, in the schema's order: Users, CodeBook, Variables, Cases (one per
  organisation, pointing at its sessions), Sources (a TextSource per session whose
  ``plainTextPath`` is ``internal://GUID.txt``, with PlainTextSelections at character
  offsets in that text, each with a Coding whose CodeRef names a Code's GUID, and the
  session's country, organisation, round and levels as variable values).

GUIDs are govcap's UUIDs (codes, segments, sessions, organisations) or UUIDs derived from
them (users, variables, codings), so exporting twice gives the same GUIDs. Pure functions
over dataclasses; `coding_export` reads the database into them.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
GUID_NAMESPACE = uuid.UUID("6f1c2b1e-4c4e-4d0c-9a55-6f7d2c0b7a11")  # govcap's, for derived GUIDs


def derived_guid(*parts: object) -> str:
    """A stable GUID for something govcap has no UUID for (a user, a variable, a coding)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass(frozen=True)
class QdaCode:
    guid: str
    name: str
    definition: str = ""
    colour: str = ""


@dataclass(frozen=True)
class QdaUser:
    guid: str
    name: str


@dataclass(frozen=True)
class QdaSelection:
    guid: str
    start: int
    end: int
    code_guid: str
    coder_guid: str
    created: dt.datetime
    memo: str = ""
    name: str = ""


@dataclass(frozen=True)
class QdaSource:
    guid: str
    name: str
    text: str
    created: dt.datetime
    selections: Sequence[QdaSelection] = ()
    variables: Mapping[str, str] = field(default_factory=dict)  # variable name → text value


@dataclass(frozen=True)
class QdaCase:
    guid: str
    name: str
    description: str = ""
    source_guids: Sequence[str] = ()


def _timestamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _code(parent: ET.Element, ns: str, code: QdaCode) -> None:
    attrs = {"guid": code.guid, "name": code.name, "isCodable": "true"}
    if code.colour:
        attrs["color"] = code.colour
    element = ET.SubElement(parent, f"{{{ns}}}Code", attrs)
    if code.definition:
        ET.SubElement(element, f"{{{ns}}}Description").text = code.definition


def _bytes(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def codebook_qdc(codes: Sequence[QdaCode], origin: str = "govcap") -> bytes:
    """The codebook as a REFI-QDA ``.qdc`` file."""
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": origin})
    holder = ET.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for code in codes:
        _code(holder, CODEBOOK_NS, code)
    return _bytes(root, CODEBOOK_NS)


def session_document(title: str, parts: Sequence[tuple[object, str, str]]
                     ) -> tuple[str, dict[object, int]]:
    """One plain text for a session: a title, then each part's heading and text.

    `parts` are (key, heading, text); returns the text and {key: offset of the part's text},
    so a span at (start, end) of a part is at (offset + start, offset + end) in the text.
    """
    out = [title, "\n"]
    length = len(title) + 1
    offsets: dict[object, int] = {}
    for key, heading, text in parts:
        block = f"\n{heading}\n"
        out.append(block)
        length += len(block)
        offsets[key] = length
        out.append(text)
        out.append("\n")
        length += len(text) + 1
    return "".join(out), offsets


def project_qde(name: str, codes: Sequence[QdaCode], users: Sequence[QdaUser],
                sources: Sequence[QdaSource], cases: Sequence[QdaCase],
                created: dt.datetime, origin: str = "govcap") -> bytes:
    ns = PROJECT_NS

    def sub(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
        return ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)

    root = ET.Element(f"{{{ns}}}Project", {"name": name, "origin": origin,
                                           "creationDateTime": _timestamp(created)})
    if users:
        holder = sub(root, "Users")
        for user in users:
            sub(holder, "User", guid=user.guid, name=user.name)
    if codes:
        book = sub(sub(root, "CodeBook"), "Codes")
        for code in codes:
            _code(book, ns, code)
    names = list(dict.fromkeys(n for s in sources for n in s.variables))
    variable_guids = {n: derived_guid("variable", n) for n in names}
    if names:
        holder = sub(root, "Variables")
        for n in names:
            sub(holder, "Variable", guid=variable_guids[n], name=n, typeOfVariable="Text")
    if cases:
        holder = sub(root, "Cases")
        for case in cases:
            element = sub(holder, "Case", guid=case.guid, name=case.name)
            if case.description:
                sub(element, "Description").text = case.description
            for guid in case.source_guids:
                sub(element, "SourceRef", targetGUID=guid)
    if sources:
        holder = sub(root, "Sources")
        for source in sources:
            element = sub(holder, "TextSource", guid=source.guid, name=source.name,
                          plainTextPath=f"internal://{source.guid}.txt",
                          creationDateTime=_timestamp(source.created))
            for s in source.selections:
                selection = sub(element, "PlainTextSelection", guid=s.guid,
                                name=s.name or source.text[s.start:s.end][:60],
                                startPosition=str(s.start), endPosition=str(s.end),
                                creatingUser=s.coder_guid,
                                creationDateTime=_timestamp(s.created))
                if s.memo:
                    sub(selection, "Description").text = s.memo
                coding = sub(selection, "Coding", guid=derived_guid("coding", s.guid),
                             creatingUser=s.coder_guid, creationDateTime=_timestamp(s.created))
                sub(coding, "CodeRef", targetGUID=s.code_guid)
            for n, value in source.variables.items():
                value_element = sub(element, "VariableValue")
                sub(value_element, "VariableRef", targetGUID=variable_guids[n])
                sub(value_element, "TextValue").text = value
    return _bytes(root, ns)


def project_qdpx(name: str, codes: Sequence[QdaCode], users: Sequence[QdaUser],
                 sources: Sequence[QdaSource], cases: Sequence[QdaCase],
                 created: dt.datetime, origin: str = "govcap") -> bytes:
    """The project as a REFI-QDA ``.qdpx`` zip: ``project.qde`` and ``sources/GUID.txt``."""
    buffer = io.BytesIO()
    stamp = created.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        entry = zipfile.ZipInfo("project.qde", date_time=stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(entry, project_qde(name, codes, users, sources, cases, created,
                                            origin))
        for source in sources:
            entry = zipfile.ZipInfo(f"sources/{source.guid}.txt", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, source.text.encode("utf-8"))
    return buffer.getvalue()
