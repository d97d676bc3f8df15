"""Rows of an export → :class:`SubmissionRow`, each value checked, each problem placed.

Pure: no database. Select values are accepted as choice names (``moderate``) or as their
labels in any language of the form (``Moderate``, ``Modéré``), as KoboToolbox's "Labels"
export writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap import localise
from govcap.interchange.formspec import (
    CONSENT,
    COUNTRY,
    DATE,
    FACILITATOR,
    FORM_INSTRUMENT,
    FORM_VERSION,
    ORGANISATION,
    PARTICIPANTS,
    PLACE,
    RECORDING,
    Field,
    FormSpec,
)
from govcap.interchange.headers import ColumnMap, fold
from govcap.interchange.problems import Problem
from govcap.interchange.tables import Table, TableRow
from govcap.scale import NOT_ASSESSED

MAX_TEXT = 20_000  # the limit of govcap.assessments.capture.MAX_TEXT (a test keeps them equal)
MAX_PARTICIPANTS = 100
MAX_INSTANCE_ID = 100  # Session.source_instance_id
_CODE = re.compile(r"^[Pp]([0-9]{1,3})$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})([T ].*)?$")
Report = Callable[[str, str], None]  # (reason, field name) → records a problem of the row
REJECTED_REVIEW_STATES = {"rejected", "not approved", "validation_status_not_approved"}


@dataclass(frozen=True)
class QuoteEntry:
    text: str
    participant_code: str = ""  # "" when the quote is not attributed


@dataclass(frozen=True)
class SectionEntry:
    section_key: str
    level: str
    not_assessed_reason: str = ""
    confidence: str = ""
    notes: str = ""
    evidence: str = ""
    dissent: str = ""
    quotes: tuple[QuoteEntry, ...] = ()


@dataclass(frozen=True)
class SubmissionRow:
    row: int
    instance_id: str
    consent: bool
    recording_allowed: bool = False
    organisation: str = ""
    date: dt.date | None = None
    country: str = ""
    place: str = ""
    facilitator: str = ""
    participants: int = 0  # 0: not given
    submitted_at: dt.datetime | None = None
    review_state: str = ""
    sections: tuple[SectionEntry, ...] = ()


@dataclass(frozen=True)
class RowResult:
    number: int
    instance_id: str
    submission: SubmissionRow | None  # None when the row cannot be read at all
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ParsedRows:
    results: tuple[RowResult, ...]
    form_versions: Mapping[tuple[str, str], tuple[int, ...]]  # (key, version) → rows


def normalise_instance_id(value: str) -> str:
    """OpenRosa's form: ``uuid:<uuid>``. KoboToolbox's _uuid has no prefix; ODK's has."""
    value = value.strip()
    if _UUID.match(value):
        return f"uuid:{value.lower()}"
    if value.lower().startswith("uuid:") and _UUID.match(value[5:]):
        return f"uuid:{value[5:].lower()}"
    return value


def parse_rows(table: Table, columns: ColumnMap, spec: FormSpec) -> ParsedRows:
    parser = _RowParser(columns, spec)
    results = []
    versions: dict[tuple[str, str], list[int]] = {}
    for row in table.rows:
        parsed, problems = parser.parse(row)
        ident = parser.form_identity(row)
        if ident is not None:
            versions.setdefault(ident, []).append(row.number)
        instance_id = normalise_instance_id(parser.meta(row, "instance_id"))
        results.append(RowResult(row.number, instance_id, parsed, tuple(problems)))
    return ParsedRows(tuple(results), {k: tuple(v) for k, v in versions.items()})


class _RowParser:
    def __init__(self, columns: ColumnMap, spec: FormSpec) -> None:
        self.columns = columns
        self.spec = spec
        self.by_role = {f.role: f for f in spec.fields() if f.role and not f.section_key}
        self.section_fields: dict[str, dict[str, Field]] = {}
        for f in spec.fields():
            if f.section_key:
                self.section_fields.setdefault(f.section_key, {})[f.role] = f
        self.choices = {
            list_name: {**{fold(label): c.name for c in choices
                            for label in (*c.former.values(), *c.labels.values()) if label},
                        **{fold(c.name): c.name for c in choices}}
            for list_name, choices in spec.choices.items()
        }

    # --- cells ----------------------------------------------------------------------------

    def cell(self, row: TableRow, name: str) -> str:
        index = self.columns.fields.get(name)
        return row.cells[index].replace("\x00", "").strip() if index is not None else ""

    def meta(self, row: TableRow, key: str) -> str:
        index = self.columns.meta.get(key)
        return row.cells[index].strip() if index is not None else ""

    def form_identity(self, row: TableRow) -> tuple[str, str] | None:
        """(instrument key, version) the row says it was collected with, if it says."""
        key = self.cell(row, self.by_role[FORM_INSTRUMENT].name)
        version = self.cell(row, self.by_role[FORM_VERSION].name)
        if key or version:
            return key, version
        tool_version = self.meta(row, "tool_form_version")
        if tool_version:
            return self.spec.form_id, tool_version
        return None

    # --- one row --------------------------------------------------------------------------

    def parse(self, row: TableRow) -> tuple[SubmissionRow | None, list[Problem]]:
        problems: list[Problem] = []
        n = row.number

        def problem(reason: str, name: str) -> None:
            problems.append(Problem(reason, n, self.columns.header(name)))

        def choice(f: Field, required: bool = False) -> str:
            value = self.cell(row, f.name)
            if not value:
                if required:
                    problem(_("empty; the form requires an answer"), f.name)
                return ""
            found = self.choices[f.list_name].get(fold(value))
            if found is None:
                names = localise.join(c.name for c in self.spec.choices[f.list_name])
                problem(_("“%(value)s” is not one of the choices: %(choices)s (or their "
                          "labels)") % {"value": _short(value), "choices": names}, f.name)
                return ""
            return found

        def text(f: Field) -> str:
            value = self.cell(row, f.name)
            if len(value) > MAX_TEXT:
                problem(_("longer than %(n)s characters") % {"n": localise.number(MAX_TEXT)},
                        f.name)
                return ""
            return value

        instance_id = normalise_instance_id(self.meta(row, "instance_id"))
        if not instance_id:
            problem(_("no submission ID"), "instance_id")
        elif len(instance_id) > MAX_INSTANCE_ID:
            problem(_("the submission ID is longer than %(n)d characters")
                    % {"n": MAX_INSTANCE_ID}, "instance_id")
        if self.meta(row, "encryption_status"):
            problem(_("ODK Central could not read this submission (%(status)s); decrypt it "
                      "first") % {"status": _short(self.meta(row, "encryption_status"))},
                    "encryption_status")
        consent = choice(self.by_role[CONSENT], required=True)
        review = fold(self.meta(row, "review_state"))
        base: dict[str, Any] = dict(row=n, instance_id=instance_id, review_state=review,
                                    submitted_at=_timestamp(self.meta(row, "submitted_at")))
        if consent != "yes":
            # Nothing of a discussion without consent is imported: the row is skipped.
            return (SubmissionRow(consent=False, **base) if consent == "no" else None), problems

        organisation = text(self.by_role[ORGANISATION])
        if not organisation:
            problem(_("empty; the form requires the ministry or agency"),
                    self.by_role[ORGANISATION].name)
        date = self._date(row, problem)
        participants = self._participants(row, problem)
        sections = tuple(self._section(row, key, fields, participants, choice, text, problem)
                         for key, fields in self.section_fields.items())
        return SubmissionRow(
            consent=True,
            recording_allowed=choice(self.by_role[RECORDING]) == "yes",
            organisation=organisation,
            date=date,
            country=text(self.by_role[COUNTRY]),
            place=text(self.by_role[PLACE])[:200],
            facilitator=text(self.by_role[FACILITATOR]),
            participants=participants or 0,
            sections=sections,
            **base,
        ), problems

    def _date(self, row: TableRow, problem: Report) -> dt.date | None:
        f = self.by_role[DATE]
        value = self.cell(row, f.name)
        if not value:
            problem(_("empty; the form requires the date of the discussion"), f.name)
            return None
        m = _DATE.match(value)
        try:
            date = dt.date.fromisoformat(m.group(1)) if m else None
        except ValueError:
            date = None
        if date is None or not 1990 <= date.year <= 2100:
            problem(_("“%(value)s” is not a date (expected YYYY-MM-DD)")
                    % {"value": _short(value)}, f.name)
            return None
        return date

    def _participants(self, row: TableRow, problem: Report) -> int | None:
        """The number of participants, 0 when not given, None when not a number."""
        f = self.by_role[PARTICIPANTS]
        value = self.cell(row, f.name)
        if not value:
            return 0
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not number.is_integer() or not 1 <= number <= MAX_PARTICIPANTS:
            problem(_("“%(value)s” is not a number of participants from 1 to %(max)d")
                    % {"value": _short(value), "max": MAX_PARTICIPANTS}, f.name)
            return None
        return int(number)

    def _section(self, row: TableRow, key: str, fields: Mapping[str, Field],
                 participants: int | None,
                 choice: Callable[..., str], text: Callable[[Field], str],
                 problem: Report) -> SectionEntry:
        level = choice(fields["level"], required=True)
        reason = text(fields["not_assessed_reason"]) if level == NOT_ASSESSED else ""
        if level == NOT_ASSESSED and not reason:
            problem(_("a section not assessed needs the reason"),
                    fields["not_assessed_reason"].name)
        quotes = [q.strip() for q in text(fields["quotes"]).split("\n") if q.strip()]
        codes_field = fields["quote_codes"]
        raw_codes = self.cell(row, codes_field.name)
        codes: list[str] = [""] * len(quotes)
        if raw_codes and quotes:
            tokens = [t for t in re.split(r"[\s,;]+", raw_codes) if t]
            bad = [t for t in tokens if t != "-" and not _CODE.match(t)]
            if bad:
                problem(_("“%(value)s” is not a participant code (%(codes)s…) or -")
                        % {"value": _short(" ".join(bad)),
                           "codes": localise.join(("P1", "P2"))}, codes_field.name)
            elif len(tokens) != len(quotes):
                # each count said with its own noun's plural ("1 code de participant pour
                # 2 citations"): one ngettext for the two counts agreed with only one
                problem(_("%(codes)s for %(quotes)s; give one per quote, in order (- when "
                          "the speaker is not known)")
                        % {"codes": ngettext("%(n)d participant code", "%(n)d participant codes",
                                             len(tokens)) % {"n": len(tokens)},
                           "quotes": ngettext("%(n)d quote", "%(n)d quotes", len(quotes))
                           % {"n": len(quotes)}},
                        codes_field.name)
            else:
                codes = ["" if t == "-" else f"P{int(t[1:])}" for t in tokens]
                beyond = [c for c in codes if c and participants is not None
                          and int(c[1:]) > participants]
                if beyond:
                    listed = localise.join(sorted(set(beyond)))
                    problem((ngettext("%(codes)s but the session has %(n)d participant",
                                      "%(codes)s but the session has %(n)d participants",
                                      participants) % {"codes": listed, "n": participants})
                            if participants else
                            _("%(codes)s but the session has no participants")
                            % {"codes": listed}, codes_field.name)
                    codes = [""] * len(quotes)
        return SectionEntry(
            section_key=key,
            level=level,
            not_assessed_reason=reason,
            confidence=choice(fields["confidence"]) if level != NOT_ASSESSED else "",
            notes=text(fields["notes"]),
            evidence=text(fields["evidence"]),
            dissent=text(fields["dissent"]),
            quotes=tuple(QuoteEntry(q, c) for q, c in zip(quotes, codes, strict=True)),
        )


def _timestamp(value: str) -> dt.datetime | None:
    """SubmissionDate (ODK: ``…Z``) or _submission_time (KoboToolbox: UTC, no zone)."""
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
