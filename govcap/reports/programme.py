"""The programme's training plan for a donor: every country's approved plan side by side —
organisations assessed, cohorts, participant places, period and cost, by country and by
training domain, with a timeline by quarter — and where each figure comes from (which plan
version, approved when, at which rate card and catalogue version). Each plan keeps its own
currency; totals across countries are in the catalogue's currency (US dollars), converted at
the rate each plan states.

One round per country: the latest that has an approved plan, summed whole; of an earlier
round, only what it delivered (its courses recorded as completed, with their share of its
contingency) is added, on a row of its own naming its round — money spent does not vanish
when a newer plan is approved, and a course the newer plan replaces is not counted twice.
An organisation in several plans is counted once. One rule counts a delivered course,
whatever its round: at the cost and participants its delivery records, else as planned,
and the row says which. Places are the courses' seats (coaching and other interventions
have none)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.utils.translation import gettext_noop as _

from govcap.planning import wording
from govcap.planning.core.budget import at_workplace, to_cents, travellers, venue_days
from govcap.planning.core.period import plan_period
from govcap.planning.core.plan import SCHEDULED, Cohort, PlanData
from govcap.reports import costing
from govcap.reports.course_states import STATES, Recorded, state
from govcap.reports.delivered_figures import Actual
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Cell, Column, Document, Money, Para, Section, Sheet, Table
from govcap.reports.plan import find_catalogue
from govcap.reports.xlsx import Count, sheet_title
from govcap.scale import DOMAINS

BASE_CURRENCY = "USD"  # the shipped catalogue's; plans state their rate to it


@dataclass(frozen=True)
class CountryPlan:
    """One engagement's approved plan, as the programme document reads it."""

    country: str
    engagement: str
    round_label: str
    version: int
    approved_on: datetime.date | None
    data: PlanData
    is_demo: bool = False
    # its courses' delivery records (course_states.recorded); None: not read (counted as
    # planned)
    records: dict[str, Recorded] | None = None
    # what its deliveries record, cost and participants (delivered_figures.actuals); None:
    # not read (its delivered courses said as planned)
    actuals: dict[str, Actual] | None = None

    @property
    def rate(self) -> Decimal:
        rate = self.data.settings.get("constraints", {}).get("exchange_rate", 1)
        return Decimal(str(rate or 1))

    def base_cents(self, cents: int) -> int:
        """Plan currency → the catalogue's currency, in cents, rounded half up as the
        workbook's ``=ROUND(amount/rate,2)`` rounds it."""
        return int((Decimal(cents) / self.rate).to_integral_value(rounding=ROUND_HALF_UP))

    @property
    def cohorts(self) -> list:
        return [c for c in self.data.cohorts if c.status == SCHEDULED and c.month]

    @cached_property
    def _interventions(self) -> frozenset[str]:
        """Its modules that are not courses (coaching, on-the-job projects, training of
        trainers, e-learning): their cohorts are not counted as cohorts (module_count)."""
        catalogue = find_catalogue(self.data, "en")
        if catalogue is None:
            return frozenset()
        return frozenset(code for code, m in catalogue.by_code.items() if not m.is_course)

    def courses(self, cohorts: list[Cohort]) -> list[Cohort]:
        """Of ``cohorts``, the courses' — those a "Cohorts" column counts."""
        return [c for c in cohorts if c.module_code not in self._interventions]

    @property
    def places(self) -> int:
        """Its planned places: the courses' seats (a coaching or other intervention's
        participants are not places: it counted Kenya's follow-up coaching as seats)."""
        return sum(m.participants for c in self.courses(self.cohorts) for m in c.members)

    def counted_places(self, cohorts: list[Cohort], today: datetime.date | None = None
                       ) -> int:
        """The places of ``cohorts``' courses as counted: a delivered course's those its
        delivery records as nominated (``delivered_places``), any other's as planned."""
        delivered = {c.cohort_id for c in self.delivered(today)}
        return sum(self.delivered_places(c) if c.cohort_id in delivered
                   else sum(m.participants for m in c.members) for c in self.courses(cohorts))

    def delivered(self, today: datetime.date | None = None) -> list[Cohort]:
        """Its courses its delivery records say were delivered (as the timeline counts them)."""
        return [c for c in self.cohorts
                if state(c, self.records if self.records is not None else {}, today)[0]
                == "completed"]

    def recorded_cost(self, cohort: Cohort) -> int | None:
        """The cost its delivery records for ``cohort``, in cents of its currency (None: no
        cost recorded)."""
        actual = (self.actuals or {}).get(cohort.cohort_id)
        return actual.cost_cents if actual is not None else None

    def recorded_people(self, cohort: Cohort) -> tuple[int, int] | None:
        """(nominated, completed) as its delivery records them (None: no participant
        recorded)."""
        actual = (self.actuals or {}).get(cohort.cohort_id)
        return (actual.nominated, actual.completed) if actual and actual.nominated else None

    def delivered_places(self, cohort: Cohort) -> int:
        """A delivered course's participants: those nominated as recorded, else the plan's."""
        people = self.recorded_people(cohort)
        return people[0] if people else sum(m.participants for m in cohort.members)

    def _as_recorded(self, parts: dict[str, int], planned: int,
                     today: datetime.date | None) -> dict[str, int]:
        """The one rule for a round's cost, whatever the round: ``parts`` (its planned
        cents by domain, no contingency) with each delivered course whose delivery records
        a cost counted at that cost instead of its plan's, and the contingency the plan's
        percent of what is still counted as planned (``planned``, less those courses')
        under ``contingency``."""
        parts = dict(parts)
        for cohort in self.delivered(today):
            recorded = self.recorded_cost(cohort)
            if recorded is not None:
                parts[cohort.domain] = parts.get(cohort.domain, 0) + recorded - cohort.cost_cents
                planned -= cohort.cost_cents
        percent = Decimal(self.data.budget.contingency_percent or "0")
        contingency = int((Decimal(planned) * percent / 100).quantize(
            Decimal(1), rounding=ROUND_HALF_UP))
        if contingency:
            parts["contingency"] = contingency
        return parts

    def delivered_parts(self, today: datetime.date | None = None) -> dict[str, int]:
        """What its delivered courses cost, in cents of its currency, by domain: the cost
        their delivery records, else the plan's with its share of the contingency (at its
        percent, as the plan's committed part is counted) under ``contingency``."""
        parts: dict[str, int] = {}
        for cohort in self.delivered(today):
            parts[cohort.domain] = parts.get(cohort.domain, 0) + cohort.cost_cents
        return self._as_recorded(parts, sum(parts.values()), today)

    def counted_parts(self, today: datetime.date | None = None) -> dict[str, int]:
        """Its whole budget by domain (a latest round's), its delivered courses counted as
        an earlier round's are (``delivered_parts``): a course whose delivery records a
        cost at that cost, the others as planned. A plan whose courses ran said its planned
        budget."""
        budget = self.data.budget
        parts = {k: v for k, v in budget.by_domain.items() if k != "contingency"}
        return self._as_recorded(parts, budget.total_cents - budget.contingency_cents, today)

    def unrecorded(self, today: datetime.date | None = None
                   ) -> tuple[list[Cohort], list[Cohort], list[Cohort]]:
        """(its delivered courses, those with no cost recorded, those of its courses with
        no participant recorded): what its row says is as recorded, and what as planned."""
        cohorts = self.delivered(today)
        return (cohorts, [c for c in cohorts if self.recorded_cost(c) is None],
                [c for c in self.courses(cohorts) if self.recorded_people(c) is None])

    def recorded_part(self, today: datetime.date | None = None) -> int:
        """Of ``delivered_parts``' total, what their delivery records, in cents of its
        currency (the rest is planned)."""
        return sum(c for cohort in self.delivered(today)
                   if (c := self.recorded_cost(cohort)) is not None)

    def base_parts(self, parts: dict[str, int]) -> dict[str, int]:
        """``parts`` in the catalogue's currency, each rounded so that they add up to their
        total converted once (a table's rows then add up to the total it states)."""
        out, before, running = {}, 0, 0
        for key, cents in parts.items():
            running += cents
            converted = self.base_cents(running)
            out[key] = converted - before
            before = converted
        return out


# "Plans by country": twelve columns on a landscape page, the number columns wide enough
# for their headers over two lines ("Organisations", "Besoins non placés", "Mahitaji
# yasiyopangwa"); a header wraps (plan.css), its figures do not
SUMMARY_WIDTHS = (1.1, 1.5, 1.4, 1.2, 0.9, 1.0, 0.9, 1.5, 1.4, 1.4, 1.3, 1.4)
SUMMARY_KINDS = ("text", "text", "text", "number", "number", "number", "number", "text",
                 "money", "money", "number", "money")


def _catalogue_name(data: PlanData, language: str) -> str:
    """The catalogue a plan used, named in the document's language (its layer's title, as
    the plan documents cite it); its key when it is not found."""
    catalogue = find_catalogue(data, language)
    return catalogue.title if catalogue is not None else data.catalogue_key


def build_programme(plans: list[CountryPlan], title: str, language: str,
                    not_approved: list[str], earlier: list[CountryPlan] | None = None,
                    reader_countries: list[str] | None = None,
                    today: datetime.date | None = None) -> Document:
    """``plans``: one round per country (its latest approved); ``earlier``: the approved
    plans of earlier rounds, named and not summed; ``reader_countries``: the countries a
    reader who does not see the whole programme can see (None: the whole programme);
    ``today``: the document's date, that of the courses' statuses (None: today)."""
    L = Labels(language)
    # the document's date: it is generated, as the plan documents date their cover, and
    # the courses' statuses it counts are as of that day
    today = today or wording._today()
    orgs = len({o.org_id for p in plans for o in p.data.organisations})
    usd = lambda cents: Money(cents, BASE_CURRENCY, L.money(cents, BASE_CURRENCY))  # noqa: E731
    # of an earlier round, what it delivered: counted, on a row naming its round
    spent = [(p, p.delivered(today), p.delivered_parts(today)) for p in earlier or []]
    spent = [(p, cohorts, parts) for p, cohorts, parts in spent if cohorts]
    rows: list[list[Cell]] = []
    rates: dict[int, CountryPlan] = {}  # a row (its id) → its plan, for the workbook's rate
    total = 0
    unplaced = sum(p.base_cents(p.data.budget.unscheduled_estimate_cents) for p in plans)
    words = Labels(L.language, _EN)
    ran = False  # a latest round has courses delivered, counted as recorded
    for p in plans:
        period = plan_period(p.data)  # the period each country's plan itself says
        # its courses delivered counted as an earlier round's are (one rule): as their
        # delivery records say, else as planned, and said so
        cost = sum(p.counted_parts(today).values())
        total += p.base_cents(cost)
        done, no_cost, no_people = p.unrecorded(today)
        ran = ran or bool(done)
        said = (_version(p, L) if not done
                else words.t(_said(p, done, no_cost, no_people, latest=True),
                             version=p.version, date=L.date(p.approved_on),
                             n=len({c.cohort_id for c in [*no_cost, *no_people]})))
        rows.append([p.country, p.engagement, said,
                     len(p.data.organisations), len(p.data.gaps), len(p.courses(p.cohorts)),
                     p.counted_places(p.cohorts, today),
                     L.span(period.first, period.last) if not period.empty else "–",
                     Money(cost, p.data.budget.currency,
                           L.money(cost, p.data.budget.currency)),
                     usd(p.base_cents(cost)), len(p.data.unfit),
                     usd(p.base_cents(p.data.budget.unscheduled_estimate_cents))])
        rates[id(rows[-1])] = p
    delivered_total = delivered_cohorts = delivered_places = recorded_total = 0
    nominated = completed = 0
    unrecorded_cost: list[Cohort] = []  # delivered courses with no cost recorded: planned
    unrecorded_people: list[Cohort] = []  # … with no participant recorded: planned places
    # an organisation counted once in the total, though in two rows of its country
    seen_orgs = {(p.country, o.org_id) for p in plans for o in p.data.organisations}
    earlier_rows: dict[str, list[list[Cell]]] = {}
    for p, cohorts, parts in spent:
        cost = sum(parts.values())
        months = sorted(c.month for c in cohorts if c.month)
        delivered_total += p.base_cents(cost)
        recorded_total += p.base_cents(p.recorded_part(today))
        delivered_cohorts += len(p.courses(cohorts))
        places = p.counted_places(cohorts, today)
        delivered_places += places
        people = [x for c in p.courses(cohorts) if (x := p.recorded_people(c)) is not None]
        nominated += sum(n for n, _done in people)
        completed += sum(done for _n, done in people)
        _done, no_cost, no_people = p.unrecorded(today)
        unrecorded_cost += no_cost
        unrecorded_people += no_people
        said = _said(p, cohorts, no_cost, no_people)
        # the organisations its delivered courses trained and the gaps they addressed (the
        # sections of the needs they served): counted, as the other rows count theirs
        ids = {c.cohort_id for c in cohorts}
        trained = {m.org_id for c in cohorts for m in c.members}
        addressed = {(n.org_id, k) for n in p.data.needs if n.cohort_id in ids
                     for k in n.sections}
        seen_orgs |= {(p.country, o) for o in trained}
        row: list[Cell] = [
            p.country, p.engagement, words.t(said, version=p.version,
                                             date=L.date(p.approved_on),
                                             n=len({c.cohort_id for c in [*no_cost, *no_people]})),
            len(trained), len(addressed), len(p.courses(cohorts)), places,
            L.span(months[0], months[-1]),
            Money(cost, p.data.budget.currency, L.money(cost, p.data.budget.currency)),
            usd(p.base_cents(cost)), "", ""]
        rates[id(row)] = p
        earlier_rows.setdefault(p.country, []).append(row)
    # an earlier round's row before its country's latest round's, in the order they ran
    rows = [r for country in dict.fromkeys(r[0] for r in rows)
            for r in [*earlier_rows.get(str(country), []), *(q for q in rows if q[0] == country)]]
    total += delivered_total
    cohorts_in_all = sum(len(p.courses(p.cohorts)) for p in plans) + delivered_cohorts
    orgs = len({o for _country, o in seen_orgs})
    twice = sum(r[3] for r in rows if isinstance(r[3], int)) - orgs  # in more than one row
    places_in_all = sum(p.counted_places(p.cohorts, today) for p in plans) + delivered_places
    countries = Table(
        [Column(label, width, kind) for label, width, kind in zip(
            (L["programme.col.country"], L["programme.col.engagement"],
             L["programme.col.plan"], L["programme.col.orgs"], L["programme.col.gaps"],
             L["programme.col.cohorts"], L["programme.col.places"], L["programme.col.period"],
             L["programme.col.cost"], L.t("programme.col.base", currency=BASE_CURRENCY),
             L["programme.col.unplaced"],
             L.t("programme.col.unplaced_cost", currency=BASE_CURRENCY)),
            SUMMARY_WIDTHS, SUMMARY_KINDS, strict=True)],
        rows, total=[L["total"], "", "", orgs,
                     sum(r[4] for r in rows if isinstance(r[4], int)), cohorts_in_all,
                     places_in_all, "", "", usd(total),
                     sum(len(p.data.unfit) for p in plans), usd(unplaced)])
    domains = _domains(plans, spent, L, usd, total, today)
    unplaced_sheet, unplaced_rows = _unplaced_lines(plans, L)
    if not plans:
        summary_note = [Para(L["programme.none"], "lead")]
    else:
        summary_note = [Para(L.t("programme.unplaced_note", currency=BASE_CURRENCY,
                                 table=L.quote(L["programme.h.summary"])), "note")]
        if spent:  # what an earlier round's row counts, and the organisations counted once
            said = words["delivered_row"] + " " + words[
                "delivered_any" if ran else "delivered_as_recorded"]
            if twice:
                said += " " + words.t("orgs_once", n=twice, total=orgs)
            summary_note.append(Para(said, "note"))
        elif ran:  # a latest round's delivered courses, counted by the same rule
            summary_note.append(Para(words["delivered_any"], "note"))
    timeline = _timeline(plans, L, today, earlier=[p for p, _c, _p in spent])
    lead = L.t("programme.lead", plans=len(plans), countries=len({p.country for p in plans}),
               orgs=orgs, cohorts=cohorts_in_all, places=places_in_all, total=usd(total).text)
    if spent:  # which part of the total earlier rounds spent, recorded or planned, and
        # whom they trained, as their delivery records say
        names = L.semicolons(f"{p.engagement} ({_version(p, L)})" for p, _c, _p in spent)
        if not recorded_total:
            lead += " " + words.t("lead_planned", amount=usd(delivered_total).text,
                                  cohorts=delivered_cohorts, names=names)
        elif not unrecorded_cost:
            lead += " " + words.t("lead_recorded", amount=usd(delivered_total).text,
                                  cohorts=delivered_cohorts, names=names)
        else:
            lead += " " + words.t("lead_partly", amount=usd(delivered_total).text,
                                  cohorts=delivered_cohorts, names=names,
                                  recorded=usd(recorded_total).text,
                                  planned=usd(delivered_total - recorded_total).text,
                                  n=len(unrecorded_cost))
        if nominated:
            lead += " " + words.t("lead_people", nominated=nominated, completed=completed)
            if unrecorded_people:
                lead += " " + words.t("lead_people_planned", n=len(unrecorded_people),
                                      places=sum(sum(m.participants for m in c.members)
                                                 for c in unrecorded_people))

    summary_blocks: list = [Para(lead, "lead")]
    before, after = _notes(plans, L, not_approved, earlier or [], reader_countries)
    summary_blocks += [*before, countries, *summary_note, *after]
    sections = [Section("summary", L["programme.h.summary"], summary_blocks, wide=True),
                Section("domains", L["programme.h.domains"],
                        [Para(L.t("programme.domains_note", currency=BASE_CURRENCY), "note"),
                         domains], wide=True),
                Section("timeline", L["programme.h.timeline"],
                        [Para(L["programme.timeline_note"], "note"), timeline], wide=True)]
    for number, section in enumerate(sections, start=1):
        section.number = number
    demo = any(p.is_demo for p in plans)
    watermark = L["demo.mark"] if demo else ""
    return Document(
        language=L.language, title=title, subtitle="",
        cover=[(L["programme.cover.countries"], L.commas(sorted({p.country for p in plans}))),
               (L["programme.cover.plans"], str(len(plans))),
               (L["cover.date"], L.date(today)),
               (L["cover.status_as_of"], L.date(today)),
               (L["cover.currency"], BASE_CURRENCY)],
        cover_note=" ".join(x for x in (L["demo.note"] if demo else "",
                                        L["programme.cover_note"]) if x),
        sections=sections,
        # what the PDF says around its tables, for a donor reading the workbook alone
        sheets=[Sheet(L["programme.h.notes"], _notes_table(
                    [f"{L['cover.date']}: {L.date(today)}",
                     f"{L['cover.status_as_of']}: {L.date(today)}",
                     lead, *before, *(summary_note if plans else []), *after], L)),
                Sheet(L["programme.h.summary"], _summary_sheet(countries, rates, L, unplaced_rows)),
                *([Sheet(L["programme.col.unplaced"], unplaced_sheet)] if unplaced_sheet else []),
                Sheet(L["programme.h.domains"], _domains_sheet(domains)),
                Sheet(L["programme.h.timeline"], dataclasses.replace(
                    timeline, columns=_in_characters(timeline.columns, first=(30, 26))))],
        footer=" · ".join(x for x in (watermark, title) if x), page_label=L["footer.page"],
        page_of=L["footer.of"],
        watermark=watermark, contents_label=L["contents"], made=today)


def _said(p: CountryPlan, cohorts: list[Cohort], no_cost: list[Cohort],
          no_people: list[Cohort], latest: bool = False) -> str:
    """Which of ``_EN``'s words a row's Plan column says its delivered ``cohorts`` with:
    as planned (no record), as recorded, or partly; a latest round's row says the rest of
    its plan is counted as planned."""
    if len(no_cost) == len(cohorts) and len(no_people) == len(p.courses(cohorts)):
        return "delivered_planned"
    if not (no_cost or no_people):
        return "latest_recorded" if latest else "delivered_recorded"
    return "latest_partly" if latest else "delivered_partly"


def _notes(plans: list[CountryPlan], L: Labels, not_approved: list[str],
           earlier: list[CountryPlan], reader_countries: list[str] | None
           ) -> tuple[list[Para], list[Para | Bullets]]:
    """The notes around the "Plans by country" table — before it: whose countries, the
    currencies; after it: what each budget includes and its rates, the earlier rounds not
    counted, the plans not approved. The PDF's and DOCX's text and the workbook's Notes sheet
    (``_notes_table``) are both made from these."""
    before = []
    if reader_countries is not None:
        before.append(Para(L.t("programme.reader_countries",
                               countries=_names(reader_countries, L)), "note"))
    before.append(Para(L.t("programme.rates", currency=BASE_CURRENCY), "note"))
    after: list[Para | Bullets] = []
    if plans:
        after += [Para(L["programme.basis"], "note"), Bullets(_basis(plans, L))]
    if earlier:
        after.append(Para(L.t("programme.earlier",
                              table=L.quote(L["programme.h.summary"]), names=L.semicolons(
            f"{p.engagement} ({_version(p, L)})" for p in earlier)), "note"))
    if not_approved:
        after.append(Para(L.t("programme.not_approved", names=L.commas(not_approved)), "note"))
    return before, after


def _notes_table(blocks: list, L: Labels) -> Table:
    """The notes one a row (a list's items each on its own, indented by a dash)."""
    rows: list[list[Cell]] = []
    for block in blocks:
        if isinstance(block, str):
            rows.append([block])
        elif isinstance(block, Bullets):
            rows += [[f"– {item}"] for item in block.items]
        else:
            rows.append([block.text])
    return Table([Column(L["programme.h.notes"], 120)], rows)


_EN = {
    # the "Plans by country" row of an earlier round's delivered courses
    "delivered_row": _("An earlier round's row counts the organisations its delivered "
                       "courses trained and the gaps those courses addressed, as found in "
                       "that round; a gap still open at the next round is counted again in "
                       "that round's row."),
    # a "Plans by country" row of an earlier round's delivered courses (its Plan column):
    # their cost and participants as their delivery records say, or as planned
    "delivered_recorded": _("version {version}, approved {date}: courses delivered, as "
                            "recorded"),
    "delivered_partly": _("version {version}, approved {date}: courses delivered, as "
                          "recorded; {n:n.cohorts} with no record counted as planned"),
    "delivered_planned": _("version {version}, approved {date}: courses delivered, no "
                           "delivery record: cost and places as planned"),
    # a "Plans by country" row of a latest round some of whose courses were delivered
    "latest_recorded": _("version {version}, approved {date}: courses delivered, as "
                         "recorded; the rest of the plan as planned"),
    "latest_partly": _("version {version}, approved {date}: courses delivered, as "
                       "recorded; {n:n.cohorts} with no record and the rest of the plan "
                       "as planned"),
    "delivered_as_recorded": _("Its cost is the cost each course's delivery records, and "
                               "its places the participants nominated; a course with no "
                               "record is counted as planned: its planned cost, with its "
                               "share of the contingency, and its planned places."),
    # the note under "Plans by country" when a latest round's courses were delivered: the
    # one rule, whatever the round
    "delivered_any": _("A delivered course is counted, whatever its round, at the cost its "
                       "delivery records and with the participants nominated; a course with "
                       "no record is counted as planned: its planned cost, with its share of "
                       "the contingency, and its planned places."),
    # after programme.lead: the part of its total that earlier rounds spent
    "lead_recorded": _("Of this, {amount} is the cost recorded for the {cohorts:n.cohorts} "
                       "that earlier rounds delivered: {names}."),
    "lead_planned": _("Of this, {amount} is the planned cost, with its share of the "
                      "contingency, of the {cohorts:n.cohorts} that earlier rounds delivered, "
                      "no cost being recorded: {names}."),
    "lead_partly": _("Of this, {amount} is for the {cohorts:n.cohorts} that earlier rounds "
                     "delivered ({names}): {recorded} recorded as spent, {planned} planned "
                     "for the {n:n.cohorts} whose cost is not recorded (with their share of "
                     "the contingency)."),
    "lead_people": _("Their delivery records count {nominated:n.participants} nominated, "
                     "{completed} of whom completed."),
    "lead_people_planned": _("For the {n:n.cohorts} with no participant recorded, the "
                             "{places:n.places} planned are counted."),
    "orgs_once": _("An organisation in two rows of its country is counted once in the "
                   "total: the total of organisations, {total}, is the sum of the rows less "
                   "the {n} counted twice."),
    "col.currency": _("Currency"),
    "col.rate": _("Exchange rate (plan currency per {base})"),
}


def _in_characters(columns: list[Column], scale: float = 9,
                   first: tuple[int, ...] = ()) -> list[Column]:
    """The PDF's relative widths as a workbook's, in characters; ``first``: the first
    columns' own (names a sheet has room for, not wrapped in a narrow column)."""
    out = [dataclasses.replace(c, width=round(c.width * scale)) for c in columns]
    out[:len(first)] = [dataclasses.replace(c, width=w) for c, w in zip(out, first,
                                                                         strict=False)]
    return out


def _summed(money: Money, column: str, rows: int) -> Money:
    """A total as ``=SUM(…)`` of the column above it (rows under a header row)."""
    return dataclasses.replace(money, formula=f"=SUM({column}2:{column}{rows + 1})")


def _unplaced_lines(plans: list[CountryPlan], L: Labels
                    ) -> tuple[Table | None, dict[str, tuple[int, int]]]:
    """The needs the plans could not place, line by line as their estimate costs them
    (planning.core.budget.need_cents: the participants' own lines — materials, allowance,
    travel, the follow-up coaching — at the plan's unit rates): quantity × unit rate, the
    amount a formula; and each plan's (engagement's) first and last row, for the "Plans by
    country" estimate to sum. A plan whose lines do not give its estimate to the cent (priced
    by the catalogue, or stored otherwise) keeps its typed figure."""
    rows: list[list[Cell]] = []
    where: dict[str, tuple[int, int]] = {}
    for p in plans:
        budget = p.data.budget
        catalogue = find_catalogue(p.data, "en")
        if catalogue is None or not p.data.unfit:
            continue
        overrides = p.data.settings.get("constraints", {}).get("cost_overrides") or {}
        unit = budget.unit_rates
        needs = {(n.org_id, n.module_code): n for n in p.data.needs}
        names = {o.org_id: o.org_name for o in p.data.organisations}
        mine: list[tuple[str, str, str, str, str, int, int]] = []
        for gap in p.data.unfit:
            module = catalogue.by_code.get(gap.module_code or "")
            need = needs.get((gap.org_id, gap.module_code or ""))
            if module is None or need is None or module.code in overrides:
                mine = []
                break
            people = need.participants
            at_venue = 0 if at_workplace(module) else venue_days(module)
            share = budget.travelling_share_percent if at_venue else 0
            own = ((("materials", people, unit.get("materials", 0)),
                    ("allowance-day", people * at_venue, unit.get("allowance-day", 0)),
                    ("travel", travellers(people, share), unit.get("travel", 0)),
                    ("coaching", 1 if module.follow_up else 0, unit.get("coaching", 0)))
                   if budget.rate_card else  # the catalogue's price per participant-day
                   (("course-day", people * module.days,
                     to_cents(Decimal(str(module.cost_per_participant_day)) * p.rate)),))
            for rate, quantity, cents in own:
                if quantity and cents:
                    mine.append((p.country, p.engagement, names.get(gap.org_id, gap.org_id),
                                 module.code, costing.rate_label(L.language, rate), quantity,
                                 cents))
        if sum(r[5] * r[6] for r in mine) != budget.unscheduled_estimate_cents:
            continue  # not the estimate's lines: its typed figure stays
        first = len(rows) + 2
        for r in mine:
            n = len(rows) + 2
            cents = r[5] * r[6]
            rows.append([*r[:6], Money(r[6], budget.currency, L.money(r[6], budget.currency)),
                         Money(cents, budget.currency, L.money(cents, budget.currency),
                               formula=f"=F{n}*G{n}")])
        where[p.engagement] = (first, len(rows) + 1)
    if not rows:
        return None, {}
    text = lambda key: costing.text(L.language, key)  # noqa: E731
    return Table([Column(L["programme.col.country"], 14), Column(L["programme.col.engagement"], 30),
                  Column(L["col.organisation"], 34), Column(L["col.module"], 10),
                  Column(text("col.line"), 40), Column(text("col.quantity"), 10, "number"),
                  Column(text("col.rate"), 14, "money"), Column(text("col.amount"), 14, "money")],
                 rows), where


def _summary_sheet(table: Table, rates: dict[int, CountryPlan], L: Labels,
                   unplaced: dict[str, tuple[int, int]] | None = None) -> Table:
    """"Plans by country" for the workbook: beside each plan's cost its currency and the
    rate it states to the catalogue's currency, the converted cost ``=ROUND(cost/rate,2)``
    (the document's figure: cost ÷ rate, rounded half up to the cent) and the totals as
    ``SUM`` of the rows, so a donor can check every conversion and addition."""
    words = Labels(L.language, _EN)
    columns = _in_characters(table.columns, first=(14, 34, 30))
    columns[:9] += [Column(words["col.currency"], 10),
                    Column(words.t("col.rate", base=BASE_CURRENCY), 14, "rate")]
    rows: list[list[Cell]] = []
    for n, row in enumerate(table.rows, start=2):
        p = rates[id(row)]
        rate = p.rate
        cost, base = row[8], row[9]
        assert isinstance(cost, Money) and isinstance(base, Money)
        estimate = row[11]
        lines = (unplaced or {}).get(p.engagement)
        if isinstance(estimate, Money) and lines and row[10] != "":  # its needs' lines
            sheet = "'" + sheet_title(L["programme.col.unplaced"]).replace("'", "''") + "'!"
            estimate = dataclasses.replace(estimate, formula=(
                f"=ROUND(SUM({sheet}H{lines[0]}:H{lines[1]})/K{n},2)"))
        rows.append([*row[:9], cost.currency, int(rate) if rate == rate.to_integral_value()
                     else float(rate),
                     dataclasses.replace(base, formula=f"=ROUND(I{n}/K{n},2)"), row[10],
                     estimate, *row[12:]])
    said = list(table.total or [])
    total = [*said[:9], "", "", *said[9:]]  # under the currency and the rate: nothing
    # the counts (organisations, gaps, cohorts, places, needs not placed): sums of the
    # rows, so a donor who edits a row sees the total follow; an organisation in two rows
    # of its country counted once (the PDF's total, said in a note)
    last = len(rows) + 1
    for index in (3, 4, 5, 6, 12):
        cell, letter = total[index], _letter(index + 1)
        if isinstance(cell, int) and rows:
            formula = f"=SUM({letter}2:{letter}{last})"
            in_rows = 0
            for r in rows:
                value = r[index]
                in_rows += value if isinstance(value, int) else 0
            if in_rows != cell:  # organisations counted twice
                formula += f"-{in_rows - cell}"
            total[index] = Count(cell, formula)
    # the converted cost (L) and the estimate of needs not placed (N): sums of the rows
    for index, column in ((11, "L"), (13, "N")):
        cell = total[index]
        if isinstance(cell, Money):
            total[index] = _summed(cell, column, len(rows))
    return Table(columns, rows, total=total)


def _letter(column: int) -> str:
    """A spreadsheet column's letters (1 → A, 27 → AA)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _domains_sheet(table: Table) -> Table:
    """"Training by domain" for the workbook: its totals (places per country, cost) ``SUM``
    of the rows."""
    total = list(table.total or [])
    for index, cell in enumerate(total):
        if isinstance(cell, int) and table.rows:
            letter = _letter(index + 1)
            total[index] = Count(cell, f"=SUM({letter}2:{letter}{len(table.rows) + 1})")
    last = total[-1]
    if isinstance(last, Money):
        total[-1] = _summed(last, _letter(len(total)), len(table.rows))
    return Table(_in_characters(table.columns, first=(34,)), table.rows, total=total)


def _version(p: CountryPlan, L: Labels) -> str:
    return L.t("programme.version", version=p.version,
               date=L.date(p.approved_on))


def _names(countries: list[str], L: Labels) -> str:
    return L.commas(countries) if countries else L["programme.no_country"]


def _basis(plans: list[CountryPlan], L: Labels) -> tuple[str, ...]:
    """What each plan's budget includes and what it was costed at: one line per country
    (per engagement where a country has several in its round), in the words of the
    per-plan documents' budget chapter."""
    shared = {p.country for p in plans if sum(q.country == p.country for q in plans) > 1}
    lines = []
    for p in plans:
        budget, who = p.data.budget, (p.engagement if p.country in shared else p.country)
        if budget.rate_card:  # the cost model: the card's unit rates, by category
            lines.append(L.t("programme.basis_card", who=who, card=budget.rate_card,
                             date=L.date(budget.rate_card_effective_from),
                             currency=budget.rate_card_currency or budget.currency,
                             catalogue=_catalogue_name(p.data, L.language),
                             version=p.data.catalogue_version, categories=L.semicolons(
                                 costing.text(L.language, f"cat.{k}")
                                 for k in costing.CATEGORY_ORDER if k in budget.by_category)))
        else:  # catalogue prices only (or a plan stored before the cost model)
            lines.append(L.t("programme.basis_catalogue", who=who,
                             catalogue=_catalogue_name(p.data, L.language),
                             version=p.data.catalogue_version))
    if any(p.data.budget.rate_card for p in plans):  # what a card's budget leaves out, as
        # each plan's budget says; the estimate of what is not placed is a column of the
        # "Plans by country" table (a plan's budget has it in a table below)
        lines.append(L.t("programme.excluded", table=L.quote(L["programme.h.summary"]),
                         column=L.quote(L.t("programme.col.unplaced_cost",
                                            currency=BASE_CURRENCY))))
    return tuple(lines)


def _domains(plans: list[CountryPlan], spent: list[tuple[CountryPlan, list[Cohort], dict]],
             L: Labels, usd: Callable[[int], Money], total: int,
             today: datetime.date | None = None) -> Table:
    """Places per country and cost per domain: the latest rounds' whole budgets and the
    earlier rounds' delivered courses, each counted as its row is (a delivered course as
    its delivery records it); a total row equal to the document's total. Places are the
    courses' seats: a coaching or other intervention has none."""
    countries = sorted({p.country for p in plans} | {p.country for p, _c, _p in spent})
    # each plan's amounts converted so that they add up to its converted total
    converted = [(p, p.base_parts(p.counted_parts(today)), p.cohorts) for p in plans]
    converted += [(p, p.base_parts(parts), cohorts) for p, cohorts, parts in spent]
    rows: list[list[Cell]] = []
    in_rows = 0
    for domain in DOMAINS:
        places = {c: 0 for c in countries}
        cents = 0
        for p, parts, cohorts in converted:
            places[p.country] += p.counted_places(
                [c for c in cohorts if c.domain == domain], today)
            cents += parts.get(domain, 0)
        if any(places.values()) or cents:
            rows.append([L.get_or(f"domain.{domain}", domain), *(places[c] for c in countries),
                         usd(cents)])
            in_rows += cents
    for key in ("reassessment", "contingency"):  # the cost model's lines outside any domain
        cents = sum(parts.get(key, 0) for _p, parts, _c in converted)
        if cents:
            rows.append([costing.text(L.language, f"cat.{key}"), *("" for _ in countries),
                         usd(cents)])
            in_rows += cents
    if in_rows != total:  # a budget line of no domain above (none known): said, not lost
        rows.append([L["programme.other"], *("" for _ in countries), usd(total - in_rows)])
    return Table([Column(L["col.domain"], 2.4)]
                 + [Column(c, 1, "number") for c in countries]
                 + [Column(L.t("programme.col.base", currency=BASE_CURRENCY), 1.4, "money")],
                 rows, total=[L["total"], *(
                     sum(r[i + 1] for r in rows if isinstance(r[i + 1], int))  # type: ignore[misc]
                     for i in range(len(countries))), usd(total)])


def _timeline(plans: list[CountryPlan], L: Labels,
              today: datetime.date | None = None,
              earlier: list[CountryPlan] | None = None) -> Table:
    """Cohorts per country and quarter, by what their delivery records say — delivered,
    running, due and not recorded as run, planned, cancelled — each a row: the count counted
    a course whose month had passed with nothing recorded as planned. ``earlier``: rounds
    replaced by a newer plan, whose delivered courses only are counted (their rows come
    before their country's latest round's)."""
    runs: list[tuple[CountryPlan, list[Cohort]]] = []
    for p in plans:  # an earlier round's row before its country's latest
        runs += [(q, q.delivered(today)) for q in earlier or []
                 if q.country == p.country and p.country not in {r.country for r, _ in runs}]
        runs.append((p, p.cohorts))
    quarters = sorted({_quarter(c.month or "") for p, cohorts in runs
                       for c in p.courses(cohorts)})
    rows: list[list[Cell]] = []
    for p, cohorts in runs:
        counts: dict[str, dict[str, int]] = {}
        for cohort in p.courses(cohorts):  # coaching and the like are not cohorts
            said, _month = state(cohort, p.records if p.records is not None else {}, today)
            said = "in_progress" if said == "not_completed" else said  # running, past its month
            by_quarter = counts.setdefault(said, {q: 0 for q in quarters})
            by_quarter[_quarter(cohort.month or "")] += 1
        for key in (k for k in STATES if k in counts):
            rows.append([f"{p.country} — {p.round_label}", L[f"programme.state.{key}"],
                         *(counts[key][q] for q in quarters)])
    return Table([Column(L["programme.col.country"], 2), Column(L["col.status"], 1.6)]
                 + [Column(q, 1, "number") for q in quarters], rows)


def _quarter(month: str) -> str:
    year, number = month.split("-")
    return f"{year} Q{(int(number) - 1) // 3 + 1}"
