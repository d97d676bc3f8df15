"""What an analysis page shows: blocks of a chart (SVG) and its data table, each downloadable.

Every page is a `Report` of `Block`s. A table cell is a plain value or a `Cell` carrying a
level (for the coloured chip), a link or a number format; the CSV of a table writes the
cells' text, each passed through `interchange.cells.neutralise` so no cell can run as a
spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.http import Http404, HttpResponse
from django.utils.translation import pgettext

from govcap import localise
from govcap.analysis.labels import level_label
from govcap.cells import neutralise
from govcap.charts.palette import NotRated
from govcap.scale import Level


@dataclass(frozen=True)
class Cell:
    text: str | int | float | None
    level: str = ""  # basic / moderate / high / not_assessed: shown as a level chip
    href: str = ""
    numeric: bool = False
    flag: bool = False  # below a threshold, to look at
    plain: str = ""  # a number as a spreadsheet reads it ("0.509"), for the CSV

    def __str__(self) -> str:
        return "" if self.text is None else str(self.text)


def level_cell(level: Level | NotRated | int | None, *, label: str | None = None) -> Cell:
    """A level as a chip; None is "not assessed"; NOT_RATED "not rated yet" (a session
    under way), which the group did not choose."""
    if level is None:
        return Cell(label or level_label(None), level="not_assessed")
    if isinstance(level, NotRated):
        return Cell(label or pgettext("chart legend", "Not rated yet"), level="not_rated")
    value = Level(int(level))
    return Cell(label or level_label(value), level=value.key)


def number(value: float | int | None, digits: int = 2, *, flag: bool = False) -> Cell:
    if value is None:
        return Cell("", numeric=True, flag=flag)
    if not isinstance(value, float):
        return Cell(localise.number(value), numeric=True, flag=flag, plain=str(value))
    # on the page as the reader writes it ("0,509" in French); in the CSV as data
    return Cell(localise.number(value, digits=digits), numeric=True, flag=flag,
                plain=f"{value:.{digits}f}")


def percent(value: float | None) -> Cell:
    if value is None:
        return Cell("", numeric=True)
    return Cell(localise.percent(100 * value), numeric=True, plain=f"{round(100 * value)}%")


def signed(value: float | int | None, digits: int = 2) -> Cell:
    if value is None:
        return Cell("", numeric=True)
    text = f"{value:+.{digits}f}" if isinstance(value, float) else f"{value:+d}"
    # held left to right in Arabic: "−12" read "12−" in the round-comparison table
    shown = localise.signed(value, digits=digits if isinstance(value, float) else 0)
    return Cell(shown, numeric=True, plain=text)


@dataclass
class Table:
    header: Sequence[str]
    rows: list[list[Cell | str | int | float | None]]
    caption: str = ""

    def cells(self) -> list[list[Cell]]:
        return [[c if isinstance(c, Cell) else Cell(c, numeric=isinstance(c, int | float))
                 for c in row] for row in self.rows]

    def csv_bytes(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in self.header])
        for row in self.cells():
            writer.writerow([neutralise((c.plain or str(c)).replace("−", "-") if c.numeric
                                        else str(c)) for c in row])
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


@dataclass
class Block:
    name: str  # slug for downloads: NAME.svg, NAME.csv
    title: str
    svg: str = ""
    table: Table | None = None
    note: str = ""
    open_table: bool = False  # show the data table unfolded (when it is the main content)
    collapsed: bool = False  # a long table without a chart: folded under its title


@dataclass
class Report:
    title: str
    blocks: list[Block] = field(default_factory=list)
    intro: str = ""

    def block(self, name: str) -> Block:
        for block in self.blocks:
            if block.name == name:
                return block
        raise Http404(f"no chart or table named {name!r}")


def download(report: Report, name: str, ext: str, filename_prefix: str) -> HttpResponse:
    """The chart of a block as SVG, or its table as CSV (a 404 when it has none)."""
    block = report.block(name)
    if ext == "svg" and block.svg:
        body, content_type = block.svg.encode("utf-8"), "image/svg+xml; charset=utf-8"
    elif ext == "csv" and block.table is not None:
        body, content_type = block.table.csv_bytes(), "text/csv; charset=utf-8"
    else:
        raise Http404(f"{name}.{ext} is not available")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename_prefix}-{name}.{ext}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
