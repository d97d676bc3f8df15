"""Theme pages: how often each code was applied (by section, organisation, country), which
themes go with low levels, and the quotes behind a code."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from django.utils.translation import gettext as _

from govcap.analysis.bars import count_bars
from govcap.analysis.core.themes import basic_share, frequency, level_links
from govcap.analysis.queries_coding import SegmentRow
from govcap.analysis.report import Block, Cell, Report, Table, level_cell, number, percent
from govcap.charts import svg
from govcap.charts.data import SectionCounts
from govcap.chartwords import chart_words
from govcap.scale import SECTION_KEYS, Level

Row = list[Cell | str | int | float | None]


def _cross(rows: Sequence[SegmentRow], by: str, columns: Sequence, labels: Mapping,
           codes: Sequence[str], code_url: Callable[[str], str]) -> Table:
    counts = frequency([r.as_unit() for r in rows], by)
    body: list[Row] = []
    for code in codes:
        c = counts.get(code, Counter())
        body.append([Cell(code, href=code_url(code)), *[c.get(col, 0) or "" for col in columns],
                     sum(c.values())])
    return Table([_("Code"), *[labels.get(col, col) for col in columns], _("Total")], body)


def themes_report(rows: Sequence[SegmentRow], base: Mapping[str, int], titles: Mapping[str, str],
                  scope: str, code_url: Callable[[str], str]) -> Report:
    report = Report(_("Themes in the notes and quotes — %(scope)s") % {"scope": scope})
    if not rows:
        report.intro = _("Nothing is coded yet. Open a session's “Code notes and quotes” page "
                         "to code spans, or accept suggestions from the codebook's keywords.")
        return report
    totals = Counter(r.code for r in rows)
    codes = [code for code, _n in totals.most_common()]
    report.intro = _("%(n)d coded segments, %(c)d codes, %(s)d sessions.") % {
        "n": len(rows), "c": len(codes), "s": len({r.session_uuid for r in rows})}
    report.blocks.append(Block(
        "codes", _("How often each code was applied"),
        svg=count_bars([(code, totals[code]) for code in codes], _("Coded segments per code"),
                       subtitle=scope, chart_id="codes", words=chart_words()),
        table=_cross(rows, "section", [k for k in SECTION_KEYS
                                       if any(r.section == k for r in rows)],
                     titles, codes, code_url),
        note=_("The table splits each code's segments by section.")))
    organisations = sorted({r.organisation for r in rows})
    report.blocks.append(Block(
        "organisations", _("Codes by organisation"),
        table=_cross(rows, "organisation", organisations, {}, codes, code_url)))
    countries = sorted({r.country for r in rows})
    if len(countries) > 1:
        report.blocks.append(Block(
            "countries", _("Codes by country"),
            table=_cross(rows, "country", countries, {}, codes, code_url)))

    units: Counter[Level | None] = Counter()
    for level, n in base.items():
        units[_level(level)] += n
    links = level_links([r.as_unit() for r in rows], units)
    base_share = basic_share(units)
    body: list[Row] = [[Cell(x.code, href=code_url(x.code)), x.units, x.basic, x.moderate,
                        x.high, x.not_assessed, percent(x.share_basic), number(x.lift)]
                       for x in links]
    report.blocks.append(Block(
        "levels", _("Which themes go with Basic ratings?"),
        svg=svg.level_distribution(
            [SectionCounts(x.code, x.basic, x.moderate, x.high, x.not_assessed) for x in links],
            _("Levels of the sections where each code appears"),
            subtitle=_("Codes most associated with Basic first"), chart_id="theme-levels",
            words=chart_words()),
        table=Table([_("Code"), _("Sections coded"), _("Basic"), _("Moderate"), _("High"),
                     _("Not assessed"), _("Share Basic"), _("Lift")], body),
        note=_("A coded section counts once per code, at the level the group agreed for it. "
               "Lift compares the share of Basic with the share of Basic among all rated "
               "sections in scope (%(base)s): above 1, the theme comes up more where capacity "
               "is Basic.") % {"base": f"{round(100 * base_share)}%" if base_share is not None
                               else "—"}))
    return report


def _level(key: str) -> Level | None:
    return {"basic": Level.BASIC, "moderate": Level.MODERATE, "high": Level.HIGH}.get(key)


def code_report(code_name: str, definition: str, rows: Sequence[SegmentRow],
                titles: Mapping[str, str], session_url: Callable[[str], str]) -> Report:
    report = Report(_("“%(code)s”: what people said") % {"code": code_name})
    report.intro = definition
    body: list[Row] = []
    for r in rows:
        text = (_("%(text)s — text changed since coded") % {"text": r.text} if r.text_changed
                else r.text)
        body.append([Cell(r.organisation, href=session_url(r.session_uuid)),
                     titles.get(r.section, r.section),
                     _("Quote") + (f" ({r.participant})" if r.participant else "")
                     if r.source == "quote" else _("Notes"),
                     text, level_cell(r.level), r.coder, r.memo, r.engagement])
    report.blocks.append(Block("segments", _("Coded segments"), table=Table(
        [_("Organisation"), _("Section"), _("From"), _("Text"), _("Level agreed"),
         _("Coder"), _("Memo"), _("Engagement")], body), open_table=True))
    return report


SEGMENT_HEADER = ("segment_uuid", "code", "code_uuid", "engagement", "country", "organisation",
                  "session_uuid", "section_key", "source", "participant", "start", "end", "text",
                  "memo", "coder", "origin", "level_agreed", "coded_at", "text_changed")


def segments_table(rows: Sequence[SegmentRow]) -> Table:
    """Every coded segment, one per line, for the CSV export."""
    return Table(list(SEGMENT_HEADER), [
        [r.uuid, r.code, r.code_uuid, r.engagement, r.country, r.organisation, r.session_uuid,
         r.section, r.source, r.participant, r.start, r.end, r.text, r.memo, r.coder, r.origin,
         r.level.key if r.level else "", r.created_at.isoformat(), str(r.text_changed).lower()]
        for r in rows])
