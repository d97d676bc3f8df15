"""The results as a workbook a programme manager can compute with: every figure a numeric
cell with a number format (a share as a percentage, a change with its sign, an amount with
its currency), never a number written as text; readable sheet names; a "Notes" sheet with
the definitions and the caveats; and, for demo data, "DEMO DATA" above every sheet's table
(not only on a sheet of its own).

Built from ``build.Results`` in the active language; the texts come from ``document`` and
``words``, the cells from openpyxl (text cells through ``govcap.cells.neutralise``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from govcap import localise
from govcap.analysis.labels import level_label, round_label
from govcap.analysis.queries import section_titles
from govcap.cells import neutralise
from govcap.planning.core.money import spreadsheet_format
from govcap.reports.direction import is_rtl
from govcap.reports.model import plain_text
from govcap.results import document as doc
from govcap.results import words
from govcap.results.build import Results
from govcap.results.core import indicators as ind
from govcap.results.core import l4
from govcap.scale import Level

HEADER_FILL = PatternFill("solid", fgColor="1F4E89")
DEMO_RED = "B00020"
# whole, as the page, the documents and the IATI file print a share; the cell keeps the
# exact ratio for those who compute with it
PERCENT = "0%"
SIGNED = "+0.00;-0.00;0.00"
SIGNED_1 = "+0.0;-0.0;0.0"
WHOLE = "0"
P_VALUE = "0.000"
DATE = "yyyy-mm-dd"
MAX_TITLE = 31


@dataclass(frozen=True)
class Col:
    label: str
    width: float = 14
    number_format: str = ""  # "" for text


@dataclass
class Grid:
    name: str
    columns: list[Col]
    rows: list[list[object]]
    # a row's own number format for a column (amounts in their currency)
    formats: dict[tuple[int, int], str] | None = None


def _at_a_word(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word's end: a word cut short can mean another
    ("المجموعة", by group, cut to "المجموع", by the total)."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:-—") or text[:limit]


def _unique_title(name: str, taken: set[str]) -> str:
    """A valid sheet title (at most 31 characters, none of []:*?/\\), distinct from those
    taken (case-insensitively, as Excel compares them)."""
    cleaned = " ".join("".join(" " if ch in "[]:*?/\\" else ch
                               for ch in plain_text(name)).split()).strip("'")
    base = _at_a_word(cleaned, MAX_TITLE) or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" {n}"
        title, n = base[:MAX_TITLE - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _share(value: float | None) -> float | None:
    return None if value is None else value / 100


def _number(i: ind.Indicator, value: float | None) -> float | int | None:
    if value is None:
        return None
    if i.unit == ind.PERCENT:
        return value / 100
    if i.unit == ind.MONEY:
        return ind.whole_cents(value) / 100
    if i.unit == ind.COUNT:
        return int(value)
    return round(value, ind.DIGITS.get(i.unit, 2))  # a gain to the page's decimal


def _format(i: ind.Indicator, language: str) -> str:
    return {ind.PERCENT: PERCENT, ind.POINTS: SIGNED_1, ind.COUNT: WHOLE}.get(
        i.unit, spreadsheet_format(i.currency, language) if i.unit == ind.MONEY else "")


def indicators_grid(results: Results, language: str) -> Grid:
    rows: list[list[object]] = []
    formats: dict[tuple[int, int], str] = {}
    for r, i in enumerate(results.indicators):
        start, end = i.period if i.period else (None, None)
        rows.append([doc.name(i), str(UNITS[i.unit]), _number(i, i.baseline),
                     _number(i, i.target), _number(i, i.value), i.numerator, i.n, start, end,
                     _note(i)])
        for c in (2, 3, 4):
            formats[r, c] = _format(i, language)
    return Grid(pgettext("sheet name", "Indicators"), [
        Col(_("Indicator"), 44), Col(_("Unit"), 18), Col(_("Baseline"), 12),
        Col(_("Target"), 14), Col(_("Actual"), 14), Col(_("Count"), 10, WHOLE),
        Col(_("n"), 8, WHOLE), Col(_("Period start"), 12, DATE), Col(_("Period end"), 12, DATE),
        Col(_("Notes"), 44),
    ], rows, formats)


def _note(i: ind.Indicator) -> str:
    """What the page says beside a cost: which courses it is of ("cost recorded for 6 of
    the 8 courses that ran"), or why it has none ("no cost recorded")."""
    return doc.no_cost(i) if i.value is None else doc.costed(i).strip().removeprefix("—").strip()


def breakdown_grid(results: Results) -> Grid:
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    rows: list[list[object]] = [
        [str(words.DIMENSIONS[s.dimension]), doc._label(s.dimension, s.key), s.count,
         s.count / s.of if s.of else None]
        for s in (trained.breakdown if trained else ())]
    return Grid(pgettext("sheet name", "Trained by group"), [
        Col(words.by(), 18), Col(_("Group"), 40), Col(_("Officials trained"), 16, WHOLE),
        Col(_("Share"), 10, PERCENT)], rows)


def countries_grid(results: Results, language: str) -> Grid:
    """The programme's countries side by side as numbers (a row per country and
    indicator): each figure as the indicators sheet gives it, or in Notes why it cannot
    be counted yet; each country's first row says what its courses are at."""
    rows: list[list[object]] = []
    formats: dict[tuple[int, int], str] = {}
    for c in results.by_country:
        rows.append([c.country.local_name, _("Courses so far"), "", None, None, None,
                     doc.courses_so_far(c)])
        for i in c.indicators:
            formats[len(rows), 3] = _format(i, language)
            rows.append([c.country.local_name, doc.name(i), str(UNITS[i.unit]),
                         _number(i, i.value), i.numerator, i.n,
                         doc.not_yet(i, c) if i.value is None else _note(i)])
    return Grid(pgettext("sheet name", "By country"), [
        Col(_("Country"), 16), Col(_("Indicator"), 44), Col(_("Unit"), 18),
        Col(_("Actual"), 14), Col(_("Count"), 10, WHOLE), Col(_("n"), 8, WHOLE),
        Col(_("Notes"), 50)], rows, formats)


def _mean(g: l4.Group) -> float | None:
    return None if g.mean_change is None else round(g.mean_change, 4)


def comparison_grid(name: str, comparisons: Sequence[l4.SectionComparison[int]],
                    titles: dict[str, str]) -> Grid:
    rows: list[list[object]] = []
    for c in comparisons:
        a, b = c.trained_group, c.untrained_group
        rows.append([titles.get(c.section, c.section), a.n, _mean(a), a.up, a.same, a.down,
                     b.n, _mean(b), b.up, b.same, b.down,
                     None if c.difference is None else round(c.difference, 4),
                     c.test.p_value if c.test else None,
                     doc._test(c)])
    return Grid(name, [
        Col(_("Section"), 34), Col(_("Trained: n"), 10, WHOLE),
        Col(_("Trained: mean change"), 12, SIGNED), Col(_("Trained: up"), 9, WHOLE),
        Col(_("Trained: same"), 9, WHOLE), Col(_("Trained: down"), 9, WHOLE),
        Col(_("Not trained: n"), 10, WHOLE), Col(_("Not trained: mean change"), 12, SIGNED),
        Col(_("Not trained: up"), 9, WHOLE), Col(_("Not trained: same"), 9, WHOLE),
        Col(_("Not trained: down"), 9, WHOLE), Col(_("Difference"), 11, SIGNED),
        Col(_("p-value"), 9, P_VALUE), Col(_("Test"), 36)], rows)


def paired_grid(name: str, p, titles: dict[str, str]) -> Grid:
    rows: list[list[object]] = []
    for c in p.comparisons:
        for attr, label in doc._groups():
            for change in getattr(c, attr):
                rows.append([p.pair.names.get(change.org, str(change.org)),
                             titles.get(c.section, c.section), str(label),
                             level_label(Level(change.before)),
                             level_label(Level(change.after)), change.change])
    return Grid(name, [
        Col(_("Organisation"), 34), Col(_("Section"), 34), Col(_("Group"), 16),
        Col(_("Before"), 10), Col(_("After"), 10), Col(_("Change"), 9, "+0;-0;0")], rows)


def words_grid(results: Results) -> Grid:
    """The texts the donor's documents quote (``document.marked``: marked for quoting,
    masked; the report quotes a few per course and level and the others in its annex), and
    per course and level how many are left out, not marked."""
    rows: list[list[object]] = []
    for course in results.texts:
        for level, texts in ((1, course.comments), (3, course.examples)):
            for t in doc.marked(texts):
                rows.append([course.course, level,
                             _("Supervisor") if t.who == "supervisor" else _("Participant"),
                             t.text])
            more = doc.not_quoted(texts, level)
            if more:
                rows.append([course.course, level, _("Not quoted"), more])
    return Grid(pgettext("sheet name", "Participants' words"), [
        Col(_("Course"), 40), Col(_("Level"), 7, WHOLE), Col(_("Written by"), 14),
        Col(_("Text"), 90)], rows)


def definitions_grid(results: Results) -> Grid:
    keys = list(dict.fromkeys(i.key for i in results.indicators))
    return Grid(pgettext("sheet name", "Definitions"), [Col(_("Indicator"), 40), Col(_("Definition"), 110)],
                [[str(words.NAMES[k]), str(words.DEFINITIONS[k])] for k in keys])


def notes_grid(results: Results) -> Grid:
    """What to know before using a figure: how the workbook writes them, the scope, the
    level-4 caveats."""
    notes = [
        _("Every figure is a number: shares are percentages (0.5 is 50%), changes are in "
          "levels (Basic 1, Moderate 2, High 3) or percentage points, amounts in the "
          "currency their format names. Amounts in different currencies are never added."),
        _("An empty Baseline means the indicator was not measured before the programme; an "
          "empty Actual means nothing can be counted yet (n = 0); an empty p-value means "
          "too few organisations to test."),
        _("Count is how many of n (for a share); n is what a figure is counted over."),
        str(words.TOO_FEW_RULE) % {"n": l4.MIN_PER_GROUP},
    ]
    named = doc.pair_sheet_names(results)
    notes += [_("Level 4, %(country)s: %(earlier)s → %(later)s (sheets “%(level4)s” and "
                "“%(changes)s”).") % {"country": p.pair.earlier.country.local_name,
                                       "earlier": round_label(p.pair.earlier),
                                       "later": round_label(p.pair.later),
                                       "level4": level4, "changes": changes}
              for p, (level4, changes) in zip(results.pairs, named, strict=True)]
    for p, (level4, _changes) in zip(results.pairs, named, strict=True):
        titles = section_titles(p.pair.later)  # only those that hold, per comparison
        notes += [localise.labelled(level4, caveat)
                  for caveat in [*doc.caveats(p, titles), *doc.not_compared(p, titles),
                                 *doc.not_validated(p)]]
    notes += [p.text for p in doc.moving_from_note(results)]
    notes += [p.text for p in doc.narrowed_note(results)]
    if results.texts:
        notes.append(_("Participants' words: every text a coordinator or a programme "
                       "manager marked for quoting, phone numbers and e-mail addresses masked "
                       "(the report quotes at most %(n)d per course and level and the others "
                       "in its annex); the texts not marked are not in the workbook.") % {
            "n": doc.QUOTES})
    mark = doc.demo_mark(results)
    if mark:
        notes.insert(0, localise.labelled(mark, "") + _(
            "the organisations are real; everything recorded about them is invented for the "
            "demonstration."))
    return Grid(pgettext("sheet name", "Notes"), [Col(_("Read before using the figures"), 130)],
                [[n] for n in notes])


UNITS = {
    ind.COUNT: words.UNIT_NAMES["count"], ind.PERCENT: words.UNIT_NAMES["percent"],
    ind.POINTS: words.UNIT_NAMES["points"], ind.MONEY: words.UNIT_NAMES["money"],
}


def grids(results: Results, language: str) -> list[Grid]:
    out = [indicators_grid(results, language), breakdown_grid(results)]
    if results.engagement is None and results.by_country:
        out.insert(1, countries_grid(results, language))
    for p, (level4, changes) in zip(results.pairs, doc.pair_sheet_names(results), strict=True):
        titles = section_titles(p.pair.later)
        out.append(comparison_grid(level4, p.comparisons, titles))
        out.append(paired_grid(changes, p, titles))
    out.append(words_grid(results))
    out.append(definitions_grid(results))
    out.append(notes_grid(results))
    return out


def _write(book: Workbook, grid: Grid, title: str, mark: str) -> None:
    ws = book.create_sheet(title)
    first = 1
    if mark:  # every sheet says so, above its table
        ws.append([neutralise(plain_text(mark))])
        ws["A1"].font = Font(bold=True, size=12, color=DEMO_RED)
        ws.sheet_properties.tabColor = DEMO_RED
        first = 2
    ws.append([neutralise(plain_text(c.label)) for c in grid.columns])
    for cell in ws[first]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for r, values in enumerate(grid.rows):
        ws.append([neutralise(plain_text(v)) if isinstance(v, str) else v for v in values])
        for c, (cell, column) in enumerate(zip(ws[ws.max_row], grid.columns, strict=False)):
            fmt = (grid.formats or {}).get((r, c)) or column.number_format
            if fmt and not isinstance(cell.value, str):
                cell.number_format = fmt
            elif isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(grid.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = f"A{first + 1}"
    if ws.max_row > first:
        ws.auto_filter.ref = f"A{first}:{get_column_letter(len(grid.columns))}{ws.max_row}"


def render(results: Results) -> bytes:
    """The workbook in the active language."""
    language = doc._lang()
    mark = doc.demo_mark(results)
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    taken: set[str] = set()
    for grid in grids(results, language):
        _write(book, grid, _unique_title(grid.name, taken), mark)
    if is_rtl(language):
        for ws in book.worksheets:
            ws.sheet_view.rightToLeft = True
    book.properties.title = plain_text(doc.title(results))[:250]
    book.properties.language = language
    book.properties.category = "programme results"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
