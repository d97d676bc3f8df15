"""Level pages built from plain rows: an engagement's heatmap and distributions, and an
organisation's profile, gap and trend. Maths in `aggregate`, drawing in `charts.svg`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from govcap import localise
from govcap.analysis.core import aggregate
from govcap.analysis.core.programme import LevelCounts, counts_by, domain_counts
from govcap.analysis.labels import domain_titles, round_label
from govcap.analysis.queries import EngagementLevels, Org
from govcap.analysis.report import Block, Cell, Report, Table, level_cell, number, signed
from govcap.charts import svg
from govcap.charts.data import RoundProfile, SectionCounts, SectionLevel
from govcap.charts.palette import NOT_RATED, NotRated
from govcap.chartwords import chart_words
from govcap.scale import SECTION_KEYS, Level

SORTS = ("name", "gap")


@dataclass(frozen=True)
class Filters:
    sector: str = ""
    kind: str = ""
    sort: str = "name"
    sectors: tuple[str, ...] = ()
    kinds: tuple[tuple[str, str], ...] = ()


def counts_of(grid: aggregate.Grid,
              not_rated: frozenset[tuple[int, str]] = frozenset()) -> dict[str, LevelCounts]:
    """Per section, organisations at each level in a resolved grid; the (organisation,
    section) pairs of `not_rated` (a session under way) counted as not rated yet, apart
    from "not assessed", as the heatmap shows them."""
    return counts_by(((key, NOT_RATED if (org, key) in not_rated else grid.get(org, key))
                      for key in grid.sections for org in grid.orgs), grid.sections)


def section_counts_chart_input(counts: dict[str, LevelCounts],
                               labels: dict[str, str]) -> list[SectionCounts]:
    return [SectionCounts(labels.get(key, key), c.basic, c.moderate, c.high, c.not_assessed,
                          c.not_rated)
            for key, c in counts.items()]


def distribution_table(counts: dict[str, LevelCounts], labels: dict[str, str],
                       first: str) -> Table:
    """The counts per level; a column "Not rated yet" (the charts' word) when a session
    under way has left a section unrated, counted apart from "Not assessed"."""
    pending = any(c.not_rated for c in counts.values())
    return Table([first, _("Basic"), _("Moderate"), _("High"), _("Not assessed"),
                  *([pgettext("chart legend", "Not rated yet")] if pending else []),
                  _("Mean level (1–3)"), _("Median")],
                 [[labels.get(key, key), c.basic, c.moderate, c.high, c.not_assessed,
                   *([c.not_rated] if pending else []),
                   number(c.mean), level_cell(c.median) if c.assessed else ""]
                  for key, c in counts.items()])


def engagement_report(data: EngagementLevels, titles: dict[str, str], filters: Filters,
                      org_url: Callable[[Org], str]) -> Report:
    engagement = data.engagement
    orgs = [o for o in data.orgs
            if (not filters.sector or o.sector == filters.sector)
            and (not filters.kind or o.kind == filters.kind)]
    ids = [o.id for o in orgs]
    by_id = {o.id: o for o in orgs}
    grid = aggregate.resolve(data.rows, in_round=engagement.id, orgs=ids, sections=SECTION_KEYS)
    org_gaps = {g.org_id: g for g in aggregate.gaps(
        data.rows, {}, in_round=engagement.id, org_targets=data.target_map(), orgs=ids,
        sections=SECTION_KEYS)}
    if filters.sort == "gap":
        ids.sort(key=lambda i: (-org_gaps[i].total, localise.sort_key(by_id[i].name)))
    else:
        ids.sort(key=lambda i: localise.sort_key(by_id[i].name))
    labels = {key: titles.get(key, key) for key in SECTION_KEYS}
    report = Report(_("Capacity levels — %(name)s") % {"name": engagement.local_name})
    if not ids:
        report.intro = _("No organisation matches, or no session has started yet.")
        return report

    cells: list[list[Level | NotRated | None]] = [
        [NOT_RATED if (i, key) in data.not_rated else grid.get(i, key) for key in SECTION_KEYS]
        for i in ids]
    names = {i: _("%(organisation)s (provisional)") % {
                 "organisation": localise.isolate(by_id[i].name)}
             if i in data.provisional else by_id[i].name for i in ids}
    heat_rows: list[list[Cell | str | int | float | None]] = []
    for i, line in zip(ids, cells, strict=True):
        gap = org_gaps[i]
        heat_rows.append([Cell(names[i], href=org_url(by_id[i])),
                          *[level_cell(level) for level in line],
                          Cell(gap.total, numeric=True), Cell(gap.unknown, numeric=True)])
    report.blocks.append(Block(
        "heatmap", _("Organisations by section"),
        svg=svg.heatmap([names[i] for i in ids], [labels[k] for k in SECTION_KEYS],
                        cells, _("Capacity level by organisation and section"),
                        subtitle=engagement.local_name, chart_id="heatmap", label_width=280,
                        cell_width=86, words=chart_words(),
                        links=[org_url(by_id[i]) for i in ids]),
        table=Table([_("Organisation"), *[labels[k] for k in SECTION_KEYS],
                     _("Total gap to target"), _("Sections without a level")], heat_rows),
        note=_("Gap: target level minus the level reached, per section, added up; a section "
               "not assessed has no gap and is counted apart.") + (" " + _(
               "Each organisation's levels come from its latest validated session; "
               "“provisional”: none is validated yet, so its latest started session is "
               "shown, and the plan does not use it.") if any(
               i in data.provisional for i in ids) else "")))

    counts = counts_of(grid, data.not_rated)
    report.blocks.append(Block(
        "distribution", _("Levels per section"),
        svg=svg.level_distribution(section_counts_chart_input(counts, labels),
                                   _("Organisations at each level, per section"),
                                   subtitle=engagement.local_name, chart_id="distribution",
                                   words=chart_words()),
        table=distribution_table(counts, labels, _("Section"))))

    domains = {d: c for (_e, d), c in domain_counts({(0, k): c for k, c in counts.items()})
               .items()}
    domain_labels = domain_titles()
    report.blocks.append(Block(
        "domains", _("By training domain"),
        svg=svg.level_distribution(section_counts_chart_input(domains, domain_labels),
                                   _("Organisation × section cells at each level, per domain"),
                                   subtitle=engagement.local_name, chart_id="domains",
                                   words=chart_words()),
        table=distribution_table(domains, domain_labels, _("Training domain")),
        note=_("A domain counts each organisation once per section of the domain (sections 5 "
               "and 6 share one).")))

    summary = aggregate.section_gap_summary([org_gaps[i] for i in ids])
    # a section a session under way has not rated yet is counted apart from "Not assessed"
    # (the group's choice), as in "Levels per section"
    unrated = {key: sum(1 for i in ids for item in org_gaps[i].sections
                        if item.section == key and (i, key) in data.not_rated
                        and item.target is not None and item.level is None)
               for key in SECTION_KEYS}
    pending = any(unrated.values())
    report.blocks.append(Block(
        "gaps", _("Gap to target per section"),
        table=Table([_("Section"), _("Below target"), _("At or above target"),
                     _("Not assessed"),
                     *([pgettext("chart legend", "Not rated yet")] if pending else []),
                     _("Total gap"), _("Mean gap")],
                    [[labels.get(s.section, s.section), s.below_target, s.at_target,
                      s.unknown - unrated.get(s.section, 0),
                      *([unrated.get(s.section, 0)] if pending else []),
                      s.total_gap, number(s.mean_gap)] for s in summary]),
        open_table=True))
    return report


def profile_report(org, engagements: Sequence, rows: list[aggregate.RatingRow],
                   selected, targets, titles: dict[str, str]) -> Report:
    """One organisation: its levels in the selected round against targets, and its trend."""
    labels = {key: titles.get(key, key) for key in SECTION_KEYS}
    report = Report(_("Capacity profile — %(name)s") % {"name": org.name})
    if selected is None:
        report.intro = _("No session of this organisation has started yet.")
        return report
    grid = aggregate.resolve(rows, in_round=selected.id, orgs=[org.id], sections=SECTION_KEYS)
    wanted = {key: targets.target(str(org.uuid), key) for key in SECTION_KEYS}
    sections = [SectionLevel(key, labels[key], grid.get(org.id, key)) for key in SECTION_KEYS]
    gap = aggregate.gaps(rows, {}, in_round=selected.id, org_targets={org.id: wanted},
                         orgs=[org.id], sections=SECTION_KEYS)[0]
    gap_rows: list[list[Cell | str | int | float | None]] = [
        [labels[item.section], level_cell(item.level), level_cell(item.target),
         number(item.gap)] for item in gap.sections]
    gap_rows.append([_("Total"), "", "", number(gap.total)])
    below = sum(1 for item in gap.sections if item.gap)
    report.blocks.append(Block(
        "profile", _("Level per section against its target"),
        svg=svg.level_profile(sections, localise.labelled(_("Capacity profile"),
                                                          localise.isolate(org.name)),
                              targets=wanted, subtitle=localise.isolate(selected.local_name),
                              chart_id="profile", words=chart_words()),
        table=Table([_("Section"), _("Level"), _("Target"), _("Gap")], gap_rows),
        note=_("Total gap to target: %(levels)s, %(sections)s below target. Targets come "
               "from the engagement's plan settings (Moderate everywhere unless the "
               "coordinator set others).") % {
            "levels": ngettext("%(n)d level", "%(n)d levels", gap.total) % {"n": gap.total},
            "sections": ngettext("%(n)d section", "%(n)d sections", below) % {"n": below}},
        open_table=True))

    if len(engagements) > 1:
        profiles = []
        for e in engagements:
            g = aggregate.resolve(rows, in_round=e.id, orgs=[org.id], sections=SECTION_KEYS)
            profiles.append(RoundProfile(round_label(e), [
                SectionLevel(key, labels[key], g.get(org.id, key)) for key in SECTION_KEYS]))
        first, last = engagements[0], engagements[-1]
        changes = {c.section: c for c in aggregate.round_changes(
            rows, first.id, last.id, orgs=[org.id], sections=SECTION_KEYS)}
        header = [_("Section"), *[p.label for p in profiles],
                  _("Change %(first)s → %(last)s") % {"first": profiles[0].label,
                                                        "last": profiles[-1].label}]
        table_rows: list[list[Cell | str | int | float | None]] = []
        for key in SECTION_KEYS:
            levels = [next(s.value for s in p.sections if s.key == key) for p in profiles]
            delta = changes[key].delta
            table_rows.append([labels[key], *[level_cell(v) for v in levels],
                               signed(delta) if delta is not None else _("unknown")])
        report.blocks.append(Block(
            "trend", _("Change over rounds"),
            svg=svg.trend(profiles, _("%(name)s over rounds") % {"name": org.name},
                          chart_id="trend", words=chart_words()),
            table=Table(header, table_rows),
            note=_("Sections are matched across rounds by their stable keys, so a new "
                   "instrument version keeps rounds comparable.")))
    return report
