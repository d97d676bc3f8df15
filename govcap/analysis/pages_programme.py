"""Programme pages: countries side by side per section and per domain, rounds side by side
(has capacity moved since the baseline?), and one country's rounds in detail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import cast

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap import localise
from govcap.analysis.core import aggregate
from govcap.analysis.core.programme import LevelCounts, domain_counts, rounds_lines
from govcap.analysis.labels import domain_titles, level_label, round_label
from govcap.analysis.pages_levels import distribution_table, section_counts_chart_input
from govcap.analysis.report import Block, Cell, Report, Table, level_cell, number, percent, signed
from govcap.charts import svg
from govcap.charts.data import RoundProfile, SectionLevel
from govcap.chartwords import chart_words
from govcap.orgs.models import Country, Engagement
from govcap.scale import DOMAINS, SECTION_KEYS, Level

Counts = dict[tuple[int, str], LevelCounts]


def by_country(engagements: Sequence[Engagement]) -> dict[Country, list[Engagement]]:
    """Country → its engagements, oldest round first."""
    out: dict[Country, list[Engagement]] = defaultdict(list)
    for e in sorted(engagements, key=lambda e: (e.country.local_name, e.round_number,
                                                 e.start_date or e.created_at.date(), e.id)):
        out[e.country].append(e)
    return dict(out)


def pick_round(rounds: list[Engagement], choice: str) -> Engagement | None:
    """The engagement of a country for a round choice: "latest", or a round number."""
    if choice == "latest" or not choice.isdigit():
        return rounds[-1] if rounds else None
    return next((e for e in reversed(rounds) if e.round_number == int(choice)), None)


def _median_cell(c: LevelCounts) -> Cell:
    if not c.assessed:
        return level_cell(None)
    return level_cell(c.median, label=f"{level_label(c.median)} · {c.mean:.1f}")


def _comparison(rows: list[tuple[str, Engagement]], counts: Counts, keys: Sequence[str],
                labels: dict[str, str], name: str, title: str, first: str) -> Block:
    cells = [[counts.get((e.id, k), LevelCounts()).median for k in keys] for _l, e in rows]
    table_rows: list[list[Cell | str | int | float | None]] = [
        [label, *[_median_cell(counts.get((e.id, k), LevelCounts())) for k in keys]]
        for label, e in rows]
    return Block(
        name, title,
        svg=svg.heatmap([label for label, _e in rows], [labels[k] for k in keys], cells,
                        title, subtitle=_("Median level of the organisations assessed"),
                        chart_id=name, words=chart_words()),
        table=Table([first, *[labels[k] for k in keys]], table_rows),
        note=_("Each cell: the median level of the country's organisations (the lower one "
               "when two are in the middle) and their mean on the scale Basic 1 – High 3."))


def programme_report(engagements: Sequence[Engagement], counts: Counts,
                     titles: dict[str, str], *, round_choice: str, section: str,
                     country_url: Callable[[Country], str]) -> Report:
    labels = {key: titles.get(key, key) for key in SECTION_KEYS}
    domains = domain_titles()
    countries = by_country(engagements)
    report = Report(_("Programme: countries and rounds"))
    picked = [(c, pick_round(rounds, round_choice)) for c, rounds in countries.items()]
    chosen = [(c, e) for c, e in picked if e is not None]
    if not chosen:
        report.intro = _("No engagement to compare yet.")
        return report
    rows = [(f"{localise.isolate(c.local_name)} — {round_label(e)}", e) for c, e in chosen]
    report.blocks.append(_comparison(rows, counts, SECTION_KEYS, labels, "countries",
                                     _("Countries side by side, per section"), _("Country")))
    dcounts = domain_counts({k: v for k, v in counts.items()
                             if k[0] in {e.id for _c, e in chosen}})
    report.blocks.append(_comparison(rows, dcounts, list(DOMAINS), domains, "domains",
                                     _("Countries side by side, per training domain"),
                                     _("Country")))
    key = section if section in SECTION_KEYS else SECTION_KEYS[0]
    per_country = {label: counts.get((e.id, key), LevelCounts()) for label, e in rows}
    report.blocks.append(Block(
        "section", _("Organisations at each level: %(section)s") % {"section": labels[key]},
        svg=svg.level_distribution(section_counts_chart_input(per_country, {}),
                                   labels[key], subtitle=_("Countries side by side"),
                                   chart_id="section", words=chart_words()),
        table=distribution_table(per_country, {}, _("Country"))))
    long_rows: list[list[Cell | str | int | float | None]] = []
    for label, e in rows:
        for k in SECTION_KEYS:
            c = counts.get((e.id, k), LevelCounts())
            long_rows.append([e.country.code, label, k, labels[k], c.basic, c.moderate, c.high,
                              c.not_assessed, number(c.mean),
                              level_label(c.median) if c.assessed else ""])
    report.blocks.append(Block(
        "counts", _("All counts (for spreadsheets)"),
        table=Table([_("Country code"), _("Country and round"), _("Section key"), _("Section"),
                     _("Basic"), _("Moderate"), _("High"), _("Not assessed"), _("Mean"),
                     _("Median")], long_rows), collapsed=True))
    report.blocks.append(rounds_block(countries, counts, labels, country_url, key))
    return report


def rounds_block(countries: dict[Country, list[Engagement]], counts: Counts,
                 labels: dict[str, str], country_url: Callable[[Country], str],
                 section: str) -> Block:
    bars = {f"{country.local_name} — {round_label(e)}": counts.get((e.id, section), LevelCounts())
            for country, rounds in countries.items() if len(rounds) > 1 for e in rounds}
    chart = svg.level_distribution(
        section_counts_chart_input(bars, {}), labels[section],
        subtitle=_("Organisations at each level in each round"),
        chart_id="rounds", words=chart_words()) if bars else ""
    rows: list[list[Cell | str | int | float | None]] = []
    for country, rounds in countries.items():
        if len(rounds) < 2:
            continue
        for line in rounds_lines(counts, [e.id for e in rounds], SECTION_KEYS):
            first, last = line.steps[0], line.steps[-1]
            rows.append([Cell(country.local_name, href=country_url(country)), labels[line.key],
                         number(first.counts.mean), round_label(rounds[-1]),
                         number(last.counts.mean), signed(last.delta_mean),
                         percent(_share(first.counts)),
                         percent(_share(last.counts)),
                         signed(None if last.delta_share is None
                                else round(100 * last.delta_share))])
    note = _("The baseline is each country's first round. Means are over the organisations "
             "assessed in each round, which need not be the same ones: open a country to "
             "follow the same organisations from round to round.")
    if not rows:
        note = _("No country has more than one round yet.")
    return Block("rounds", _("Rounds side by side: has capacity moved since the baseline?"),
                 svg=chart, table=Table([_("Country"), _("Section"), _("Baseline mean"), _("Latest round"),
                              _("Latest mean"), _("Change in mean"),
                              _("Moderate or above, baseline"), _("Moderate or above, latest"),
                              _("Change (points)")], rows),
                 note=note, open_table=True)


def _share(counts: LevelCounts) -> float | None:
    return counts.share_at_least(Level.MODERATE)


def country_report(country: Country, rounds: list[Engagement], rows: list[aggregate.RatingRow], counts: Counts,
                   titles: dict[str, str], org_names: dict[int, str],
                   org_url: Callable[[int], str],
                   provisional: frozenset[tuple[int, int]] = frozenset()) -> Report:
    """One country's rounds: median level per round, counts per round, and the same
    organisations followed from the baseline to the latest round. ``provisional``: the
    (round, organisation) pairs with no validated session yet; the comparison counts an
    organisation only when both its rounds are validated, as the plan does, and marks the
    others provisional."""
    labels = {key: titles.get(key, key) for key in SECTION_KEYS}
    report = Report(_("%(country)s: rounds of assessment") % {"country": country.local_name})
    if not rounds:
        report.intro = _("No engagement to show.")
        return report
    profiles = [RoundProfile(round_label(e), [
        SectionLevel(k, labels[k], counts.get((e.id, k), LevelCounts()).median)
        for k in SECTION_KEYS]) for e in rounds]
    header = [_("Section")]
    for e in rounds:
        header += [_("%(round)s: B / M / H / n/a") % {"round": round_label(e)},
                   _("%(round)s: mean") % {"round": round_label(e)}]
    table_rows: list[list[Cell | str | int | float | None]] = []
    for k in SECTION_KEYS:
        line: list[Cell | str | int | float | None] = [labels[k]]
        for e in rounds:
            c = counts.get((e.id, k), LevelCounts())
            line += [f"{c.basic} / {c.moderate} / {c.high} / {c.not_assessed}", number(c.mean)]
        table_rows.append(line)
    report.blocks.append(Block(
        "rounds", _("Median level per round"),
        svg=svg.trend(profiles, _("%(country)s over rounds") % {"country": country.local_name},
                      subtitle=_("Median level of the organisations assessed in each round"),
                      chart_id="rounds", words=chart_words()),
        table=Table(header, table_rows)))
    if len(rounds) < 2:
        return report
    first, last = rounds[0], rounds[-1]
    changes = aggregate.round_changes(rows, first.id, last.id, sections=SECTION_KEYS)
    unsure = {org for round_id, org in provisional if round_id in (first.id, last.id)}
    summary = aggregate.change_summary([c for c in changes if c.org_id not in unsure])
    note = _("Only organisations assessed in both rounds count; the others are "
             "'not comparable'.")
    shown = {c.org_id for c in changes} & unsure
    if shown:
        note += " " + ngettext(
            "%(n)d organisation whose session is not validated yet is not counted here, "
            "as in the plan; it is marked “provisional” below.",
            "%(n)d organisations whose sessions are not validated yet are not counted here, "
            "as in the plan; they are marked “provisional” below.", len(shown)) % {
            "n": len(shown)}
    report.blocks.append(Block(
        "paired", _("The same organisations, %(first)s → %(last)s") % {
            "first": round_label(first), "last": round_label(last)},
        table=Table([_("Section"), _("Improved"), _("Declined"), _("Unchanged"),
                     _("Not comparable"), _("Mean change")],
                    [[labels.get(s.section, s.section), s.improved, s.declined, s.unchanged,
                      s.unknown, signed(s.mean_delta)] for s in summary]),
        note=note, open_table=True))
    by_org: dict[int, list[aggregate.Change]] = defaultdict(list)
    for change in changes:  # the rows are queries.RatingRow: organisation ids
        by_org[cast(int, change.org_id)].append(change)
    org_rows: list[list[Cell | str | int | float | None]] = []
    for org_id, items in sorted(by_org.items(), key=lambda kv: org_names.get(kv[0], "")):
        known = [c.delta for c in items if c.delta is not None]
        name = org_names.get(org_id, str(org_id))
        if org_id in unsure:  # its levels may still change: never read as settled
            name = _("%(organisation)s (provisional)") % {"organisation": name}
        org_rows.append([Cell(name, href=org_url(org_id)),
                         *[signed(c.delta) if c.delta is not None else "" for c in items],
                         signed(sum(known)) if known else ""])
    report.blocks.append(Block(
        "organisations", _("Change per organisation (levels gained or lost)"),
        table=Table([_("Organisation"), *[labels[k] for k in SECTION_KEYS], _("Total")],
                    org_rows)))
    return report
