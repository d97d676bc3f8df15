"""Trusting the levels: agreement between facilitators who rated independently, and the
spread of participants' anonymous votes ("areas of least consensus")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from govcap import localise
from govcap.analysis.core.agreement import (
    Agreement,
    Spread,
    agreement_report,
    least_consensus,
    vote_spread,
)
from govcap.analysis.labels import level_label
from govcap.analysis.queries import SessionVotes, UnitInfo
from govcap.analysis.report import Block, Cell, Report, Table, level_cell, number, percent
from govcap.charts import svg
from govcap.charts.data import SectionCounts
from govcap.chartwords import chart_words
from govcap.scale import SECTION_KEYS, Level

CONSENSUS = "\u2003consensus"  # a rater name no username can take
Row = list[Cell | str | int | float | None]


def _alpha(result: Agreement) -> Cell:
    if result.insufficient:
        return Cell(_("insufficient data"))
    return number(result.alpha, 3, flag=result.below_threshold)


def _status(result: Agreement) -> str:
    if result.insufficient:
        return _("Insufficient data: alpha is undefined (fewer than two ratings per unit, "
                 "or no variation at all)")
    if result.below_threshold:
        return _("Below the threshold: look at these ratings together")
    return _("Acceptable")


def _row(label: Cell | str, result: Agreement) -> Row:
    return [label, _alpha(result), percent(result.percent), result.pairable_units,
            result.pairable_values, _status(result)]


HEADER = (gettext_noop("Krippendorff's alpha (ordinal)"), gettext_noop("Percent agreement"),
          gettext_noop("Units rated by two or more"), gettext_noop("Ratings in those units"),
          gettext_noop("Reading"))


def agreement_page(units: Mapping[tuple[int, str], Mapping[str, int | None]],
                   info: Mapping[tuple[int, str], UnitInfo], titles: Mapping[str, str],
                   threshold: float, session_url: Callable[[str], str]) -> Report:
    report = Report(_("Rater agreement"))  # the tab's words: one name for the raters
    report.intro = _(
        "Facilitators who rate a session independently before agreeing the consensus leave "
        "one level per section each. A unit is one section of one session. Alpha is "
        "Krippendorff's alpha for ordinal data (1 is perfect agreement, 0 no better than "
        "chance); below %(t)s the ratings need a second look. Percent agreement is the "
        "share of units where all raters gave the same level.") % {
            "t": localise.number(threshold, digits=3)}
    header = [*(_(h) for h in HEADER)]
    if not units:
        report.blocks.append(Block("overall", _("Overall"), note=_(
            "No session of this engagement has independent ratings yet. Facilitators enter "
            "theirs from a session's page: “My independent rating”.")))
        return report
    result = agreement_report(units, threshold)
    report.blocks.append(Block("overall", _("Overall"), table=Table(
        [_("Scope"), *header], [_row(_("All sections"), result.overall)]), open_table=True))
    report.blocks.append(Block("sections", _("By section"), table=Table(
        [_("Section"), *header],
        [_row(titles.get(key, key), r) for key, r in result.by_section.items()]),
        open_table=True))
    report.blocks.append(Block("pairs", _("By pair of raters"), table=Table(
        [_("Raters"), *header],
        [_row(f"{a} · {b}", r) for (a, b), r in result.by_pair.items()]), open_table=True))

    raters = sorted({r for by_rater in units.values() for r in by_rater})
    rows: list[Row] = []
    for rater in raters:
        with_consensus = {u: {rater: by_rater[rater], CONSENSUS: info[u].consensus}
                          for u, by_rater in units.items() if rater in by_rater and u in info}
        rows.append(_row(rater, agreement_report(with_consensus, threshold).overall))
    report.blocks.append(Block("raters", _("Each rater against the agreed consensus"), table=Table(
        [_("Rater"), *header], rows), note=_(
        "How far each facilitator's independent levels were from the level the group "
        "agreed. A rater below the threshold may read the benchmarks differently."),
        open_table=True))

    disagreements: list[Row] = []
    for unit in sorted(units, key=lambda u: (info[u].organisation if u in info else "",
                                             _order(u[1]))):
        by_rater = units[unit]
        given = {r: v for r, v in by_rater.items() if v is not None}
        if len(set(given.values())) < 2:
            continue
        about = info.get(unit)
        disagreements.append([
            Cell(about.organisation if about else str(unit[0]),
                 href=session_url(about.session_uuid) if about else ""),
            titles.get(unit[1], unit[1]),
            localise.join((localise.labelled(r, level_label(Level(v)))
                           for r, v in sorted(given.items())), strong=True),
            level_cell(about.consensus) if about and about.consensus_key else "",
            (about.notes[:280] + ("…" if len(about.notes) > 280 else "")) if about else "",
            about.dissent if about else ""])
    report.blocks.append(Block("disagreements", _("Where raters disagreed"), table=Table(
        [_("Organisation"), _("Section"), _("Independent levels"), _("Consensus"),
         _("Rationale recorded with the consensus"), _("Dissent")], disagreements),
        note=_("Every unit where the independent levels differ, with the consensus and the "
               "reasons the group recorded."), open_table=True))
    return report


def _apart(v: SessionVotes, spread: Spread) -> bool:
    middle = spread["median"]
    return v.consensus is not None and middle is not None and abs(middle - v.consensus) >= 1


def _median(spread: Spread) -> Cell:
    """The median as a decimal number (2, not "2", when the votes' median is a whole one)."""
    middle = spread["median"]
    return number(None if middle is None else float(middle))


def _order(key: str) -> int:
    return SECTION_KEYS.index(key) if key in SECTION_KEYS else len(SECTION_KEYS)


def consensus_page(votes: Sequence[SessionVotes], titles: Mapping[str, str],
                   session_url: Callable[[str], str]) -> Report:
    report = Report(_("Participants' votes: areas of least consensus"))
    report.intro = _(
        "Before the discussion, participants may vote individually and anonymously on each "
        "section; the facilitator enters the counts per level. Dispersion is Leik's ordinal "
        "dispersion: 0 when everyone voted the same level, 1 when votes split evenly "
        "between Basic and High. Sections with the highest dispersion are the areas of "
        "least consensus, to discuss first.")
    if not votes:
        report.blocks.append(Block("sections", _("Areas of least consensus"), note=_(
            "No votes recorded yet. Facilitators enter them from a session's page: "
            "“Participants' votes”.")))
        return report
    pooled: dict[str, list[int | None]] = defaultdict(list)
    for v in votes:
        pooled[v.section_key].extend(v.levels)
    ranked = least_consensus(pooled)
    rows: list[Row] = []
    counts = []
    for rank, (key, s) in enumerate(ranked, start=1):
        c = s["counts"]
        rows.append([titles.get(key, key), rank, s["n"], c["basic"], c["moderate"], c["high"],
                     s["abstentions"], _median(s),
                     percent(s["mode_share"]), number(s["dispersion"]),
                     number(s["consensus"])])
        counts.append(SectionCounts(titles.get(key, key), c["basic"], c["moderate"], c["high"]))
    report.blocks.append(Block(
        "sections", _("Areas of least consensus across the engagement"),
        svg=svg.level_distribution(counts, _("Participants' votes per section"),
                                   subtitle=_("Least consensus first"), chart_id="votes",
                                   words=chart_words()),
        table=Table([_("Section"), _("Rank"), _("Votes"), _("Basic"), _("Moderate"), _("High"),
                     _("Abstentions"), _("Median (1–3)"), _("Share at the most voted level"),
                     _("Dispersion"), _("Consensus (1 − dispersion)")], rows)))

    by_session: dict[str, list[tuple[SessionVotes, Spread]]] = defaultdict(list)
    for v in votes:
        spread = vote_spread(v.levels)
        if spread["n"]:
            by_session[v.session_uuid].append((v, spread))
    summary: list[Row] = []
    detail: list[Row] = []
    for items in by_session.values():
        first = items[0][0]
        worst_v, worst = max(items, key=lambda item: (item[1]["dispersion"] or 0.0,
                                                      -_order(item[0].section_key)))
        apart = [v for v, s in items if _apart(v, s)]
        summary.append([Cell(first.organisation, href=session_url(first.session_uuid)),
                        titles.get(worst_v.section_key, worst_v.section_key),
                        number(worst["dispersion"]),
                        "; ".join(titles.get(v.section_key, v.section_key) for v in apart)])
        for v, s in items:
            detail.append([Cell(v.organisation, href=session_url(v.session_uuid)),
                           titles.get(v.section_key, v.section_key), s["n"],
                           f"{s['counts']['basic']} / {s['counts']['moderate']} / "
                           f"{s['counts']['high']}", _median(s),
                           number(s["dispersion"]), level_cell(v.consensus)
                           if v.consensus else "", _("yes") if _apart(v, s) else ""])
    report.blocks.append(Block("sessions", _("Per session: where to start the discussion"),
                               table=Table([_("Organisation"), _("Least consensus"),
                                            _("Dispersion"),
                                            _("Agreed level a level or more from the median "
                                              "vote")], summary),
                               note=_("The agreed level is the group's after discussion; a "
                                      "gap of a level or more from the median vote is worth a "
                                      "note in the rationale."), open_table=True))
    report.blocks.append(Block("votes", _("Every session and section"), table=Table(
        [_("Organisation"), _("Section"), _("Votes"), _("B / M / H"), _("Median vote"),
         _("Dispersion"), _("Level agreed"), _("A level or more apart")], detail),
        collapsed=True))
    return report
