"""The document model the renderers draw: plain sections, tables, texts and figures.

Built once per document by :mod:`.build`, in the document's language; a renderer never
decides what to say, only how it looks in its format.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from govcap.charts.data import Heatmap

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def utc_made(when: datetime.date | None) -> datetime.datetime:
    """A document's time (``Document.made``: a datetime, or a date — its midnight; None:
    now) as naive UTC, to the second, for the files' properties."""
    if when is None:
        when = datetime.datetime.now(datetime.UTC)
    if not isinstance(when, datetime.datetime):
        return datetime.datetime(when.year, when.month, when.day)
    if when.tzinfo is not None:
        when = when.astimezone(datetime.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def plain_text(value: object) -> str:
    """Text a document can hold: control characters (illegal in XML) removed."""
    return _CONTROL.sub("", str(value))


@dataclass(frozen=True)
class Money:
    """An amount: ``cents`` for spreadsheets, ``text`` (formatted) for documents."""

    cents: int
    currency: str
    text: str
    # In the workbook, the formula that computes it from the budget lines (``=SUMIFS(…)``),
    # written instead of the number so a reader can follow every total to its unit rates.
    formula: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Month:
    """A month (``"2026-03"``): ``text`` in documents, a date cell in workbooks."""

    value: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Day:
    """A day (or a day and time): ``text`` in documents, a date cell in workbooks (the Plan
    sheet's date and the Cohorts sheet's "Names due by" were text a reader could not sort
    or count from)."""

    value: datetime.date
    text: str

    def __str__(self) -> str:
        return self.text


Cell = str | int | float | Money | Month | Day


@dataclass(frozen=True)
class Column:
    label: str
    width: float = 1.0  # relative width
    kind: str = "text"  # text | number | money | rate (a number shown with all its decimals)


@dataclass
class Table:
    columns: list[Column]
    rows: Sequence[Sequence[Cell]]  # read-only: a list of lists of str, of Money…
    total: Sequence[Cell] | None = None  # a last, bold row
    caption: str = ""
    empty: str = ""  # said instead of a table with no rows (documents only)


@dataclass(frozen=True)
class Para:
    text: str
    kind: str = "body"  # body | note | lead | intro (kept with what follows)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 2 = subsection, 3 = sub-subsection
    new_page: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart drawn by :mod:`.figures`: ``kind`` heatmap or gantt, ``data`` its input."""

    kind: str
    data: Any
    caption: str


Block = Para | Bullets | Heading | Table | Figure


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    wide: bool = False  # printed on landscape pages
    number: int = 0
    run_on: bool = False  # (PDF) goes on below the section before, not on a new page


@dataclass
class Sheet:
    """A spreadsheet sheet: a name and one table (header row, then rows)."""

    name: str
    table: Table


@dataclass
class Document:
    language: str
    title: str
    subtitle: str
    cover: list[tuple[str, str]]
    cover_note: str
    sections: list[Section]
    sheets: list[Sheet]
    footer: str
    page_label: str = "Page"
    page_of: str = "of"  # "Page 3 of 31": a word, where "3 / 31" reversed in Arabic
    watermark: str = ""  # on every page (and a sheet of its own) when set: demo data
    kind: str = "plan"  # "brief": one page, no cover, chapters run on
    contents_label: str = "Contents"
    # the cover's signature lines (an approved plan): a title, then (who signs, the
    # words under the line: name, signature, date)
    sign_title: str = ""
    signatures: list[tuple[str, str]] = field(default_factory=list)
    # the file's properties (DOCX core properties): when the document's content was made
    # (a plan version's approval, a draft's last change; None: now), by whom, and its
    # revision (the plan's version)
    made: datetime.date | None = None
    made_by: str = ""
    revision: int = 1
    # texts shown in English in another language's document for want of a translation (the
    # instrument's section titles): the PDF marks them lang="en", the DOCX w:lang en-GB
    english: tuple[str, ...] = ()


# What the figures draw (plain data; :mod:`.figures` and :mod:`.gantt` draw them).


# The heatmap's model is the one the pages' SVG heatmap draws too (govcap.charts.data).
HeatmapData = Heatmap


@dataclass(frozen=True)
class GanttRow:
    label: str
    domain: str
    bars: tuple[tuple[int, int], ...]  # (month index, participants)
    # a course's cohorts (boxes); False: coaching, an on-the-job project or e-learning,
    # which is not a cohort (drawn as a lighter, hatched bar with a legend entry of its own)
    course: bool = True


@dataclass(frozen=True)
class GanttData:
    months: list[str]
    rows: list[GanttRow]
    title: str
    participants_label: str
    domain_labels: dict[str, str] = field(default_factory=dict)
    blackout: tuple[int, ...] = ()
    rtl: bool = False  # the document's language reads right to left: months run leftwards
    interventions_label: str = ""  # the legend's words for the rows that are not courses
