"""Tidy results: one row per session × section, as CSV or XLSX with a data dictionary.

`result_rows` reads the sessions a user may see (through `accounts.scoping`) into plain
rows; `write_csv` / `csv_chunks` / `write_xlsx` / `dictionary_rows` only format them. Demo
data are left out unless asked for; participants appear by code only (pseudonymised) unless
an administrator asks for an identified export. Every text cell goes through
`cells.neutralise`; numbers and dates are written as numbers and dates.

Exports stream: sessions are read 200 at a time from a database iterator, CSV is written
(or sent, `export_chunks`) a few hundred rows at a time, and the XLSX workbook is
openpyxl's write-only kind saved straight to its file (`write_export`). Memory stays flat
whatever the size of the programme; `export_bytes` is for small exports and tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

from govcap.assessments import access, sharing
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.cells import DANGEROUS_FIRST_CHARACTERS, neutralise, neutralise_row
from govcap.direction import is_rtl
from govcap.instruments.models import Instrument
from govcap.instruments.services import localised
from govcap.orgs.names import sector_name
from govcap.scale import NOT_ASSESSED, Level

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    name: str  # a key: the same in every language
    type: str  # text, integer, date, boolean, uuid
    description: str  # a gettext message, said in the reader's language by dictionary_rows


COLUMNS: tuple[Column, ...] = (
    Column("engagement", "text", _("Engagement identifier (slug)")),
    Column("engagement_name", "text", _("Engagement name")),
    Column("country_code", "text", _("ISO 3166-1 alpha-2 code of the engagement's country")),
    Column("round", "integer", _("0 for the baseline, 1 for the first follow-up, and so on")),
    Column("organisation_uuid", "uuid", _("Stable identifier of the organisation")),
    Column("organisation", "text", _("Ministry or agency assessed")),
    Column("organisation_code", "text", _("Short name of the organisation")),
    # Translators: keep the codes in it (ministry, in_progress…) as the file writes them
    Column("organisation_kind", "text", _("ministry, agency, authority or other")),
    Column("sector", "text", _("Sector of the organisation")),
    Column("session_uuid", "uuid", _("Stable identifier of the FGD session")),
    Column("session_date", "date", _("Date of the discussion")),
    Column("place", "text", _("Where the discussion took place")),
    Column("language", "text", _("Language of the session")),
    # Translators: keep the codes in it (ministry, in_progress…) as the file writes them
    Column("status", "text", _("draft, in_progress, submitted or validated")),
    Column("instrument_version", "text", _("Version of the instrument the session used")),
    Column("participants", "integer", _("Number of participants")),
    Column("participants_female", "integer", _("Participants who stated female gender")),
    Column("participants_male", "integer", _("Participants who stated male gender")),
    Column("section_number", "integer", _("Number of the section in the instrument (1–8)")),
    Column("section_key", "text", _("Stable key of the section, the same across versions")),
    Column("section_title", "text", _("Title of the section")),
    Column("domain", "text", _("Training domain of the section")),
    # Translators: keep the codes in it (ministry, in_progress…) as the file writes them
    Column("level", "text", _("Consensus level: high, moderate, basic, not_assessed; empty if "
           "not rated yet")),
    # Translators: keep the codes in it (basic, moderate, high) as the file writes them
    Column("level_score", "integer", _("basic=1, moderate=2, high=3; empty when not assessed "
           "or not rated")),
    Column("not_assessed_reason", "text", _("Why the section was not assessed")),
    # Translators: keep the codes in it (ministry, in_progress…) as the file writes them
    Column("confidence", "text", _("Confidence in the level: low, medium, high")),
    Column("notes", "text", _("Notes of the section")),
    Column("evidence", "text", _("Evidence cited")),
    Column("dissent", "text", _("Points of disagreement")),
    Column("quotes", "integer", _("Number of key quotes of the section")),
    Column("quote_texts", "text", _("Key quotes, one per line, as “P2: text” (participant code "
           "or “-”)")),
    Column("is_demo", "boolean", _("True for synthetic demo data")),
)
IDENTIFIED_COLUMNS: tuple[Column, ...] = (
    Column("participant_names", "text", _("Identified export only: “P1 = name” per line")),
)


@dataclass(frozen=True)
class ExportOptions:
    include_demo: bool = False
    identified: bool = False  # administrators only (scoping.is_admin)


def columns(options: ExportOptions) -> tuple[Column, ...]:
    return COLUMNS + (IDENTIFIED_COLUMNS if options.identified else ())


def export_sessions(user: Any, engagement: Any = None,
                    options: ExportOptions = ExportOptions()) -> QuerySet:
    """The sessions an export holds: the user's scope (everything for user=None, the
    operator's command line), one engagement or all, demo data only when asked."""
    qs = access.sessions(user) if user is not None else Session.objects.all()
    if engagement is not None:
        qs = qs.filter(engagement=engagement)
    if not options.include_demo:
        qs = qs.filter(is_demo=False, engagement__is_demo=False,
                       organisation__is_demo=False)
    return qs


CHUNK = 200  # sessions read at a time


def result_rows(sessions: QuerySet, options: ExportOptions = ExportOptions(),
                internal: set[int] | None = None) -> Iterator[list[Any]]:
    """One list of values per session × section of the session's instrument, read CHUNK
    sessions at a time from a database iterator. Notes, evidence, dissent and quotes as
    captured for the sessions in `internal` (None: all), as shared for documents for the
    others (a viewer's export: assessments.sharing)."""
    # Not select_related("instrument"): its document would be read again for every session.
    qs = (sessions.select_related("engagement", "engagement__country", "organisation")
          .order_by("engagement__country__name", "engagement__round_number", "engagement__name",
                    "organisation__name", "scheduled_date", "id"))
    sections: dict[int, list[tuple]] = {}
    batch: list[Session] = []
    for session in qs.iterator(chunk_size=CHUNK):
        if session.instrument_id not in sections:
            sections[session.instrument_id] = _sections(session.instrument_id)
        batch.append(session)
        if len(batch) == CHUNK:
            yield from _batch_rows(batch, sections, options, internal)
            batch = []
    yield from _batch_rows(batch, sections, options, internal)


def _sections(instrument_id: int) -> list[tuple]:
    """(number, key, title, domain title) of each section, and the instrument's version;
    the titles in the active language as the instrument's layers give them (a French
    export said "Enterprise architecture")."""
    instrument = Instrument.objects.get(pk=instrument_id)
    parsed = localised(instrument, translation.get_language())
    return [(instrument.version, section.number, section.key, str(section.title),
             str(section.domain_title)) for section in parsed.sections]


def _batch_rows(batch: list[Session], sections: dict[int, list[tuple]],
                options: ExportOptions, internal: set[int] | None) -> Iterator[list[Any]]:
    """The rows of a few sessions; their ratings, quotes and participants are read as plain
    values (three queries), not as model instances."""
    if not batch:
        return
    ids = [s.pk for s in batch]
    ratings = {(r[0], r[1]): r[2:] for r in Rating.objects.filter(
        session__in=ids, rater__isnull=True).values_list(
        "session_id", "section_key", "level", "not_assessed_reason", "confidence", "notes",
        "evidence", "dissent")}
    quotes: dict[tuple[int, str], list[str]] = {}
    for session_id, key, code, text in Quote.objects.filter(session__in=ids).order_by(
            "created_at", "id").values_list("session_id", "section_key", "participant__code",
                                            "text"):
        quotes.setdefault((session_id, key), []).append(f"{code or '-'}: {text}")
    outside = [i for i in ids if internal is not None and i not in internal]
    if outside:
        _shared_only(outside, ratings, quotes)
    people: dict[int, list[tuple]] = {}
    fields = ("session_id", "code", "gender") + (("identity__name",) if options.identified
                                                 else ())
    for person in Participant.objects.filter(session__in=ids).order_by("id").values_list(
            *fields):
        people.setdefault(person[0], []).append(person[1:])
    for session in batch:
        yield from _session_rows(session, sections[session.instrument_id],
                                 people.get(session.pk, []), ratings, quotes, options)


def _shared_only(ids: list[int], ratings: dict[tuple[int, str], tuple],
                 quotes: dict[tuple[int, str], list[str]]) -> None:
    """Replace the captured text of these sessions by what they shared, in place."""
    shared = sharing.for_sessions(ids)
    for key in [k for k in ratings if k[0] in ids]:
        said = shared.get(key) or sharing.Shared()
        level, reason, confidence = ratings[key][:3]
        ratings[key] = (level, reason, confidence, said.notes, said.evidence, said.dissent)
    for key in [k for k in quotes if k[0] in ids]:
        said = shared.get(key) or sharing.Shared()
        quotes[key] = [f"{code or '-'}: {text}" for code, text in said.quotes]


NO_RATING = ("", "", "", "", "", "")


def _session_rows(s: Session, sections: list[tuple], people: list[tuple],
                  ratings: dict[tuple[int, str], tuple], quotes: dict[tuple[int, str], list[str]],
                  options: ExportOptions) -> Iterator[list[Any]]:
    e, org = s.engagement, s.organisation
    head = [
        e.slug, e.local_name, e.country.code, e.round_number,
        str(org.uuid), org.name, org.code, org.kind, sector_name(org.sector),
        str(s.uuid), s.scheduled_date, s.place, s.language, s.status,
        sections[0][0] if sections else "",
        len(people), sum(p[1] == "female" for p in people),
        sum(p[1] == "male" for p in people),
    ]
    names = ""
    if options.identified:
        names = "\n".join(f"{p[0]} = {p[2]}" for p in people if p[2])
    is_demo = bool(s.is_demo or e.is_demo)
    for _version, number, key, title, domain in sections:
        level, reason, confidence, notes, evidence, dissent = ratings.get((s.pk, key),
                                                                          NO_RATING)
        score = Level.from_key(level).value if level and level != NOT_ASSESSED else None
        section_quotes = quotes.get((s.pk, key), [])
        row = head + [
            number, key, title, domain, level, score, reason, confidence, notes, evidence,
            dissent, len(section_quotes), "\n".join(section_quotes), is_demo,
        ]
        if options.identified:
            row.append(names)
        yield row


def dictionary_rows(options: ExportOptions = ExportOptions()) -> list[list[str]]:
    """What each column holds, in the active language (the columns' names are keys)."""
    return [[c.name, c.type, gettext(c.description)] for c in columns(options)]


DICTIONARY_HEADER = ["column", "type", "description"]


def _csv_cell(value: Any) -> Any:
    # Most cells need nothing: answered quickly (a million of them per 30,000 rows).
    kind = value.__class__
    if kind is str and not value.startswith(DANGEROUS_FIRST_CHARACTERS) or kind is int:
        return value
    value = neutralise(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(rows: Iterable[Sequence[Any]], header: Sequence[str], out: io.TextIOBase
              ) -> int:
    """Rows to CSV (UTF-8 text, comma, minimal quoting); returns the number of data rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        n += 1
    return n


def csv_chunks(rows: Iterable[Sequence[Any]], header: Sequence[str],
               rows_per_chunk: int = 500) -> Iterator[bytes]:
    """The CSV file as UTF-8 pieces (the first starts with a BOM: Excel reads UTF-8 right),
    `rows_per_chunk` rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    pending = 0
    first = True
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        pending += 1
        if pending == rows_per_chunk:
            yield _take(buffer, first)
            pending, first = 0, False
    yield _take(buffer, first)


def _take(buffer: io.StringIO, first: bool) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return (("\ufeff" if first else "") + text).encode("utf-8")


def csv_bytes(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> tuple[bytes, int]:
    counted = _Counted(rows)
    return b"".join(csv_chunks(counted, header)), counted.n


class _Counted:
    """Rows passed through, counted on the way."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self) -> Iterator[Sequence[Any]]:
        for row in self.rows:
            self.n += 1
            yield row


def write_xlsx(rows: Iterable[Sequence[Any]], out: IO[bytes] | str,
               options: ExportOptions = ExportOptions()) -> int:
    """A workbook with a `results` sheet and a `dictionary` sheet, written to `out` (a
    binary file or a path); returns the number of data rows. openpyxl's write-only sheets
    keep their rows in temporary files, not in memory."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    data = book.create_sheet("results")
    rtl = is_rtl(translation.get_language() or "")
    data.sheet_view.rightToLeft = rtl  # an Arabic workbook reads from the right
    cols = columns(options)
    data.append(neutralise_row(c.name for c in cols))
    n = 0
    for row in rows:
        data.append(neutralise_row(row))
        n += 1
    sheet = book.create_sheet("dictionary")
    sheet.sheet_view.rightToLeft = rtl
    sheet.append(DICTIONARY_HEADER)
    for entry in dictionary_rows(options):
        sheet.append(neutralise_row(entry))
    book.save(out)
    return n


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")


def export_rows(user: Any, engagement: Any, options: ExportOptions = ExportOptions()
                ) -> Iterator[list[Any]]:
    sessions = export_sessions(user, engagement, options)
    internal = sharing.internal_sessions(user, sessions) if user is not None else None
    return result_rows(sessions, options, internal)


def write_export(user: Any, engagement: Any, fmt: str, out: IO[bytes],
                 options: ExportOptions = ExportOptions()) -> int:
    """Write the export file to `out` (binary, seekable for XLSX) as it is read; returns the
    number of data rows."""
    _check(fmt)
    rows = export_rows(user, engagement, options)
    if fmt == "xlsx":
        return write_xlsx(rows, out, options)
    counted = _Counted(rows)
    for chunk in csv_chunks(counted, [c.name for c in columns(options)]):
        out.write(chunk)
    return counted.n


def export_chunks(user: Any, engagement: Any, fmt: str,
                  options: ExportOptions = ExportOptions()) -> Iterator[bytes]:
    """The export file in pieces, for a streamed download. CSV is produced as it is sent;
    XLSX (a ZIP, whose directory comes last) is written to a temporary file first, then
    sent from it. In the language active when it is asked for: the pieces are made while
    the response streams, after the request's language may have been put away."""
    _check(fmt)
    return _in_language(translation.get_language(), user, engagement, fmt, options)


def _in_language(language: str | None, user: Any, engagement: Any, fmt: str,
                 options: ExportOptions) -> Iterator[bytes]:
    with translation.override(language):
        yield from _chunks(user, engagement, fmt, options)


def _chunks(user: Any, engagement: Any, fmt: str, options: ExportOptions) -> Iterator[bytes]:
    if fmt == "csv":
        yield from csv_chunks(export_rows(user, engagement, options),
                              [c.name for c in columns(options)])
        return
    with tempfile.TemporaryFile() as spool:
        write_export(user, engagement, fmt, spool, options)
        spool.seek(0)
        while chunk := spool.read(256 * 1024):
            yield chunk


def export_bytes(user: Any, engagement: Any, fmt: str,
                 options: ExportOptions = ExportOptions()) -> tuple[bytes, int]:
    """The export file's bytes and its number of data rows (held in memory: for small
    exports; `write_export` and `export_chunks` stream)."""
    out = io.BytesIO()
    n = write_export(user, engagement, fmt, out, options)
    return out.getvalue(), n


def export_filename(engagement: Any, fmt: str, suffix: str = "") -> str:
    stem = engagement.slug if engagement is not None else "govcap"
    return f"{stem}-results{suffix}.{fmt}"
