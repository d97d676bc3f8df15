"""Recognising the columns of a KoboToolbox or ODK Central export of a govcap form.

The two tools name the same question differently:

- KoboToolbox: the group path joined by "/" (the separator can be changed in its export
  settings, and groups can be left out), or the question's label in one of the form's
  languages ("Labels" export), optionally preceded by its group's label;
- ODK Central: the group path joined by "-" (``s1-s1_level``), always XML names.

Field names are unique in a govcap form, so an XML-style header is recognised by its last
name segment, and its group prefix is checked. Each tool adds its own metadata columns
(``_uuid``, ``_submission_time``… for KoboToolbox; ``SubmissionDate``, ``KEY``,
``FormVersion``… for ODK Central), read here by exact name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from govcap import localise
from govcap.interchange.formspec import Field, FormSpec
from govcap.interchange.problems import ImportProblem, Problem

KOBO, ODK, UNKNOWN = "KoboToolbox", "ODK Central", "an unknown tool"


def tool_name(tool: str) -> str:
    """The tool that made an export, for a reader: its own name, or "an unknown tool" in the
    reader's language."""
    return _("an unknown tool") if tool == UNKNOWN else tool

# Metadata the tools add, by what the importer makes of it; the first column found wins.
META_COLUMNS: Mapping[str, tuple[str, ...]] = {
    # ODK Central's KEY and KoboToolbox's meta/rootUuid stay the same when a submission is
    # edited; instanceID changes with each edit, so it comes last.
    "instance_id": ("KEY", "meta/rootUuid", "meta-rootUuid", "_uuid", "meta/instanceID",
                    "meta-instanceID", "instanceID"),
    "submitted_at": ("SubmissionDate", "_submission_time"),
    "tool_form_version": ("FormVersion",),  # ODK Central: the XLSForm's version setting
    "review_state": ("ReviewState", "_validation_status"),
    "encryption_status": ("Status",),  # ODK Central: set when a submission cannot be read
}
ODK_ONLY = {"SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
            "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"}
KOBO_ONLY = {"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"}
_ALL_META = {name for names in META_COLUMNS.values() for name in names} | ODK_ONLY | KOBO_ONLY

_NAME_AT_END = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)$")
_NAME_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def fold(text: str) -> str:
    """Text compared without regard to case, Unicode form or runs of spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class ColumnMap:
    headers: tuple[str, ...]
    fields: Mapping[str, int]  # form field name → column index
    meta: Mapping[str, int]  # META_COLUMNS key → column index
    tool: str
    label_languages: tuple[str, ...]  # languages whose labels were used as headers
    ignored: tuple[str, ...]  # headers that are neither form fields nor known metadata

    def header(self, name: str) -> str:
        """The header, as written in the file, of a field or metadata column."""
        index = self.fields.get(name, self.meta.get(name))
        return self.headers[index] if index is not None else name

    @property
    def tool_label(self) -> str:
        """The tool, as the reader says it ("an unknown tool" translated)."""
        return tool_name(self.tool)

    @property
    def style(self) -> str:
        if self.label_languages:
            return "question labels (" + ", ".join(self.label_languages) + ")"
        return "XML names"


class _Recogniser:
    """Header → form field, for one form in all its languages."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self.by_name = {f.name: f for f in spec.fields()}
        self.by_label: dict[str, tuple[Field, str]] = {}
        self.group_labels: dict[str, set[str]] = {}
        for g in spec.groups():
            self.group_labels[g.name] = {fold(t) for t in g.labels.values() if t}
        for f in self.by_name.values():
            if f.type == "note":  # a note's label is long text, never a header
                continue
            for lang, label in f.labels.items():
                if label:
                    self.by_label.setdefault(fold(label), (f, lang))
            for lang, label in f.former.items():  # an earlier form's label
                if label:
                    self.by_label.setdefault(fold(label), (f, lang))

    def xml_name(self, header: str) -> Field | None:
        m = _NAME_AT_END.search(header)
        if m is None or m.group(1) not in self.by_name:
            return None
        f = self.by_name[m.group(1)]
        prefix = _NAME_TOKEN.findall(header[: m.start()])
        expected = [f.group] if f.group else []
        # Groups may be left out of headers (a KoboToolbox option); a root ("data/…") is
        # tolerated.
        if not prefix or prefix == expected or prefix[1:] == expected:
            return f
        return None

    def label(self, header: str) -> tuple[Field, str] | None:
        folded = fold(header)
        if folded in self.by_label:
            return self.by_label[folded]
        # "Group label/Question label", whatever the separator.
        for label, (f, lang) in self.by_label.items():
            if f.group and folded.endswith(label) and len(folded) > len(label):
                prefix = folded[: -len(label)].rstrip(" /-:.|>\\")
                if prefix in self.group_labels.get(f.group, set()):
                    return f, lang
        return None

    def score(self, headers: Sequence[str]) -> int:
        return sum(1 for h in headers if h.strip() in _ALL_META or self.xml_name(h.strip())
                   or self.label(h))


def header_score(spec: FormSpec) -> Callable[[Sequence[str]], int]:
    """How many headers of a candidate header row belong to this form (CSV sniffing)."""
    return _Recogniser(spec).score


def map_columns(headers: Sequence[str], spec: FormSpec) -> ColumnMap:
    """Which column holds which field; refuses duplicates and files of another form."""
    rec = _Recogniser(spec)
    fields: dict[str, int] = {}
    meta: dict[str, int] = {}
    languages: list[str] = []
    ignored: list[str] = []
    problems: list[Problem] = []
    for index, raw in enumerate(headers):
        header = raw.strip()
        key = next((k for k, names in META_COLUMNS.items() if header in names), None)
        if key is not None:
            rank = META_COLUMNS[key].index(header)
            if key not in meta or rank < META_COLUMNS[key].index(headers[meta[key]].strip()):
                meta[key] = index
            continue
        if header in _ALL_META or _NAME_TOKEN.findall(header)[:1] == ["meta"]:
            continue  # other metadata: instanceName, deprecatedID…
        f = rec.xml_name(header)
        if f is None:
            found = rec.label(header)
            if found is not None:
                f, lang = found
                if lang not in languages:
                    languages.append(lang)
        if f is None:
            ignored.append(header or _("(column %(n)d, no header)") % {"n": index + 1})
            continue
        if f.name in fields:
            problems.append(Problem(_("this column and “%(other)s” both hold the question "
                                      "%(question)s") % {"other": headers[fields[f.name]],
                                                         "question": f.name}, column=raw))
            continue
        fields[f.name] = index
    tool = ODK if any(h.strip() in ODK_ONLY for h in headers) else (
        KOBO if any(h.strip() in KOBO_ONLY for h in headers) else UNKNOWN)
    _require(spec, fields, meta, headers, problems)
    if problems:
        raise ImportProblem(problems)
    return ColumnMap(tuple(h.strip() for h in headers), fields, meta, tool, tuple(languages),
                     tuple(ignored))


REQUIRED_ROLES = ("consent", "organisation", "date")


def _require(spec: FormSpec, fields: Mapping[str, int], meta: Mapping[str, int],
             headers: Sequence[str], problems: list[Problem]) -> None:
    questions = [f for f in spec.fields() if f.role and f.type != "calculate"]
    if not any(f.name in fields for f in questions):
        shown = localise.join(h for h in list(headers)[:8] if h.strip())
        problems.append(Problem(
            _("this is not an export of the govcap form %(form)s version %(version)s: none of "
              "its columns is a question of that form (its columns begin: %(columns)s). Export "
              "the submissions of that form from KoboToolbox or ODK Central as CSV or XLSX.")
            % {"form": spec.name(), "version": spec.version, "columns": shown or "—"}))
        return
    missing = [f.name for f in questions
               if f.name not in fields and (f.role in REQUIRED_ROLES or f.role == "level")]
    if missing:
        problems.append(Problem(
            _("the file lacks the columns of these questions of the form %(form)s version "
              "%(version)s: %(questions)s. Was it exported from another form, or with some "
              "questions left out?")
            % {"form": spec.name(), "version": spec.version, "questions": localise.join(missing)}))
    if "instance_id" not in meta:
        problems.append(Problem(
            _("the file has no submission ID column (KoboToolbox: _uuid; ODK Central: KEY or "
              "meta-instanceID), so a second import could not recognise what is already "
              "imported. Export again with the metadata columns included.")))
