"""Tidy results: one row per session × section, as CSV or XLSX with a data dictionary.

`result_rows` reads the sessions a user may see (through `accounts.scoping`) into plain
rows; `write_csv` / `write_xlsx` / `dictionary_rows` only format them. Demo data are left
out unless asked for; participants appear by code only (pseudonymised) unless an
administrator asks for an identified export. Every text cell goes through
`cells.neutralise`; numbers and dates are written as numbers and dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from govcap.accounts import scoping
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.interchange.cells import neutralise, neutralise_row
from govcap.scale import NOT_ASSESSED, Level

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # text, integer, date, boolean, uuid
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("engagement", "text", "Engagement identifier (slug)"),
    Column("engagement_name", "text", "Engagement name"),
    Column("country_code", "text", "ISO 3166-1 alpha-2 code of the engagement's country"),
    Column("round", "integer", "0 for the baseline, 1 for the first follow-up, and so on"),
    Column("organisation_uuid", "uuid", "Stable identifier of the organisation"),
    Column("organisation", "text", "Ministry or agency assessed"),
    Column("organisation_code", "text", "Short name of the organisation"),
    Column("organisation_kind", "text", "ministry, agency, authority or other"),
    Column("sector", "text", "Sector of the organisation"),
    Column("session_uuid", "uuid", "Stable identifier of the FGD session"),
    Column("session_date", "date", "Date of the discussion"),
    Column("place", "text", "Where the discussion took place"),
    Column("language", "text", "Language of the session"),
    Column("status", "text", "draft, in_progress, submitted or validated"),
    Column("instrument_version", "text", "Version of the instrument the session used"),
    Column("participants", "integer", "Number of participants"),
    Column("participants_female", "integer", "Participants who stated female gender"),
    Column("participants_male", "integer", "Participants who stated male gender"),
    Column("section_number", "integer", "Number of the section in the instrument (1–8)"),
    Column("section_key", "text", "Stable key of the section, the same across versions"),
    Column("section_title", "text", "Title of the section"),
    Column("domain", "text", "Training domain of the section"),
    Column("level", "text", "Consensus level: high, moderate, basic, not_assessed; empty if "
           "not rated yet"),
    Column("level_score", "integer", "Basic=1, Moderate=2, High=3; empty when not assessed "
           "or not rated"),
    Column("not_assessed_reason", "text", "Why the section was not assessed"),
    Column("confidence", "text", "Confidence in the level: low, medium, high"),
    Column("notes", "text", "Notes of the section"),
    Column("evidence", "text", "Evidence cited"),
    Column("dissent", "text", "Points of disagreement"),
    Column("quotes", "integer", "Number of key quotes of the section"),
    Column("quote_texts", "text", "Key quotes, one per line, as “P2: text” (participant code "
           "or “-”)"),
    Column("is_demo", "boolean", "True for synthetic demo data"),
)
IDENTIFIED_COLUMNS: tuple[Column, ...] = (
    Column("participant_names", "text", "Identified export only: “P1 = name” per line"),
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
    qs = scoping.sessions(user) if user is not None else Session.objects.all()
    if engagement is not None:
        qs = qs.filter(engagement=engagement)
    if not options.include_demo:
        qs = qs.filter(is_demo=False, engagement__is_demo=False,
                       organisation__is_demo=False)
    return qs


def result_rows(sessions: QuerySet, options: ExportOptions = ExportOptions()
                ) -> Iterator[list[Any]]:
    """One list of values per session × section of the session's instrument."""
    people = Participant.objects.order_by("id")
    if options.identified:
        people = people.select_related("identity")
    prefetch: list[Any] = [
        Prefetch("ratings", queryset=Rating.objects.filter(rater__isnull=True),
                 to_attr="consensus"),
        Prefetch("quotes", queryset=Quote.objects.select_related("participant")
                 .order_by("created_at", "id"), to_attr="quote_list"),
        Prefetch("participants", queryset=people, to_attr="participant_list"),
    ]
    qs = (sessions.select_related("engagement", "engagement__country", "organisation",
                                  "instrument")
          .prefetch_related(*prefetch)
          .order_by("engagement__country__name", "engagement__round_number", "engagement__name",
                    "organisation__name", "scheduled_date", "id"))
    for session in qs.iterator(chunk_size=200):
        yield from _session_rows(session, options)


def _session_rows(s: Session, options: ExportOptions) -> Iterator[list[Any]]:
    e, org = s.engagement, s.organisation
    people: list[Participant] = s.participant_list  # type: ignore[attr-defined]
    ratings = {r.section_key: r for r in s.consensus}  # type: ignore[attr-defined]
    quotes: dict[str, list[Quote]] = {}
    for q in s.quote_list:  # type: ignore[attr-defined]
        quotes.setdefault(q.section_key, []).append(q)
    head = [
        e.slug, e.name, e.country.code, e.round_number,
        str(org.uuid), org.name, org.code, org.kind, org.sector,
        str(s.uuid), s.scheduled_date, s.place, s.language, s.status, s.instrument.version,
        len(people), sum(p.gender == "female" for p in people),
        sum(p.gender == "male" for p in people),
    ]
    names = ""
    if options.identified:
        names = "\n".join(f"{p.code} = {p.identity.name}" for p in people
                          if hasattr(p, "identity") and p.identity.name)
    for section in s.instrument.parsed.sections:
        r = ratings.get(section.key)
        level = r.level if r else ""
        score = Level.from_key(level).value if level and level != NOT_ASSESSED else None
        section_quotes = quotes.get(section.key, [])
        row = head + [
            section.number, section.key, str(section.title), str(section.domain_title),
            level, score,
            r.not_assessed_reason if r else "", r.confidence if r else "",
            r.notes if r else "", r.evidence if r else "", r.dissent if r else "",
            len(section_quotes),
            "\n".join(f"{q.participant.code if q.participant else '-'}: {q.text}"
                      for q in section_quotes),
            bool(s.is_demo or e.is_demo),
        ]
        if options.identified:
            row.append(names)
        yield row


def dictionary_rows(options: ExportOptions = ExportOptions()) -> list[list[str]]:
    return [[c.name, c.type, c.description] for c in columns(options)]


DICTIONARY_HEADER = ["column", "type", "description"]


def _csv_cell(value: Any) -> Any:
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


def csv_bytes(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> tuple[bytes, int]:
    out = io.StringIO()
    n = write_csv(rows, header, out)
    return ("\ufeff" + out.getvalue()).encode("utf-8"), n  # BOM: Excel reads UTF-8 right


def xlsx_bytes(rows: Iterable[Sequence[Any]], options: ExportOptions = ExportOptions()
               ) -> tuple[bytes, int]:
    """A workbook with a `results` sheet and a `dictionary` sheet."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    data = book.create_sheet("results")
    cols = columns(options)
    data.append(neutralise_row(c.name for c in cols))
    n = 0
    for row in rows:
        data.append(neutralise_row(row))
        n += 1
    sheet = book.create_sheet("dictionary")
    sheet.append(DICTIONARY_HEADER)
    for entry in dictionary_rows(options):
        sheet.append(neutralise_row(entry))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), n


def export_bytes(user: Any, engagement: Any, fmt: str,
                 options: ExportOptions = ExportOptions()) -> tuple[bytes, int]:
    """The export file's bytes and its number of data rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    rows = result_rows(export_sessions(user, engagement, options), options)
    if fmt == "xlsx":
        return xlsx_bytes(rows, options)
    return csv_bytes(rows, [c.name for c in columns(options)])


def export_filename(engagement: Any, fmt: str, suffix: str = "") -> str:
    stem = engagement.slug if engagement is not None else "govcap"
    return f"{stem}-results{suffix}.{fmt}"
