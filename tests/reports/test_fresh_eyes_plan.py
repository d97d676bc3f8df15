"""What a minister, a donor and a trainer reading the demo plans found (issues 14 and 15):
one plan period in every document, kept courses said as what they are, the coordinator's
moves credited, the national rank kept, the organisation's workbook costed line by line,
months in full words, quotations that read in Arabic, French colons."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from functools import cache

from openpyxl import load_workbook

from govcap.planning import Constraints, Targets, generate_plan, load_catalogue
from govcap.planning.core.committed import CommittedCohort
from govcap.planning.core.edits import MoveCohort
from govcap.planning.core.period import PlanPeriod, months_of, plan_period
from govcap.planning.core.plan import PlanData
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports.brief import build_brief
from govcap.reports.build import build_document
from govcap.reports.build_parts import gantt_data
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Document, Para, Table
from govcap.reports.plan import render_plan
from govcap.reports.scope import Scope
from tests.planning.helpers import org_rows
from tests.reports.helpers import ORGS, catalogue, context, normalise
from tests.reports.helpers import plan as base_plan

START = "2026-03"


def _rows(notes: str = "", quote: tuple[str, str] | None = None) -> list:
    rows = []
    for org_id, name, levels in ORGS:
        rows += org_rows(org_id, levels, name=name, notes=notes)
    return rows


@cache
def kept() -> PlanData:
    """A second draft: CHG-101 delivered in January 2026 and DST-101 running since February,
    both before the new horizon (March 2026 on), and the coordinator's move of one course."""
    first = base_plan()
    committed = []
    for code, month, status in (("CHG-101", "2026-01", "completed"),
                                ("DST-101", "2026-02", "in_progress")):
        c = next(c for c in first.cohorts if c.module_code == code and c.month)
        committed.append(CommittedCohort(c.cohort_id, code, c.language, month, status,
                                         tuple((m.org_id, m.participants) for m in c.members), 1))
    constraints = Constraints(start_month=START, horizon_months=12, participants_per_org=4)
    draft = generate_plan(_rows(), load_catalogue(), Targets(), constraints,
                          committed=committed)
    moved = next(c for c in draft.cohorts if c.module_code == "SVC-102" and c.month)
    made = generate_plan(_rows(), load_catalogue(), Targets(), constraints,
                         operations=[MoveCohort("m1", moved.cohort_id, "2026-05", moved.org_ids)],
                         committed=committed)
    return dataclasses.replace(made, extra=first.extra)


def document(data: PlanData, language: str = "en", org: str | None = None,
             brief: bool = False, **changes) -> Document:
    ctx = dataclasses.replace(context(language, org), **changes)
    return (build_brief if brief else build_document)(data, ctx, catalogue(language))


def lines(doc: Document) -> list[str]:
    out: list[str] = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out += block.items
            elif isinstance(block, Table):
                out += [" | ".join(str(c) for c in row) for row in block.rows]
    return [normalise(t) for t in out]


def text(doc: Document) -> str:
    return "\n".join(lines(doc))


# ── 1. one plan period ────────────────────────────────────────────────────────────────


def test_the_period_is_defined_once_first_to_last_course_reassessment_apart() -> None:
    data = kept()
    period = plan_period(data)
    months = sorted(c.month for c in data.cohorts if c.status == "scheduled" and c.month)
    assert (period.first, period.last) == (months[0], months[-1]) == ("2026-01", months[-1])
    assert period.new_first == min(c.month for c in data.cohorts
                                   if c.status == "scheduled" and c.month and not c.delivery)
    reassess = sorted(i.reassess_month for i in data.indicators if i.reassess_month)
    assert period.reassess_last == reassess[-1] > period.last
    assert months_of(PlanPeriod("2026-11", "2027-02")) == ["2026-11", "2026-12", "2027-01",
                                                           "2027-02"]


def test_every_document_says_the_same_period_and_the_reassessments_apart() -> None:
    data = kept()
    L = Labels("en")
    period = plan_period(data)
    span = f"from {L.month(period.first)} to {L.month(period.last)}"
    plan_text, brief_text = text(document(data)), text(document(data, brief=True))
    assert span in brief_text
    assert f"Cohorts run {span}" in plan_text
    assert f"{span}, at a total cost" in plan_text
    assert f"Period | {L.month(period.first)} – {L.month(period.last)}" in plan_text
    # the reassessments after it, said apart, not stretching the period
    assert "the plan runs from" not in plan_text
    assert f"Reassessment | {L.month(period.reassess_first)} – " \
           f"{L.month(period.reassess_last)}" in plan_text
    # the timeline holds the kept courses' months (they were cut off the chart)
    ctx = context("en")
    gantt = gantt_data(Scope(data, ctx, catalogue("en"), L))
    assert len(gantt.months) == len(months_of(period))
    delivered = next(c for c in data.cohorts if c.delivery == "completed")
    assert gantt.rows[[r.label[:7] for r in gantt.rows].index("CHG-101")].bars == (
        (0, delivered.participants),)


# ── 2. kept courses said as what they are; nothing asked to start in the past ───────────


def test_kept_courses_are_delivered_or_running_not_scheduled() -> None:
    # read in its own month: a course running since a month now past is said otherwise
    # (test_kept_overdue)
    plan_text = text(document(kept(), today=dt.date(2026, 2, 20)))
    assert "CHG-101 | Foundations of change management in government" in plan_text
    assert "Delivered, January 2026" in plan_text
    assert "Running, February 2026" in plan_text
    assert "Scheduled January 2026" not in plan_text
    assert "Scheduled February 2026" not in plan_text
    brief_text = text(document(kept(), brief=True))
    assert "kept from an earlier version of the plan: CHG-101" in brief_text
    assert "Priority 1: CHG-101" not in brief_text


def test_an_approved_brief_never_asks_to_start_a_course_in_a_month_past() -> None:
    later = text(document(kept(), brief=True, status="approved", today=dt.date(2026, 7, 10)))
    assert "so that training starts in July 2026" in later or \
        "so that training starts in" not in later
    for past in ("January 2026", "February 2026", "March 2026", "June 2026"):
        assert f"training starts in {past}" not in later
        assert f"for the courses of {past}" not in later
    assert ("were due to start before July 2026: those that have not run the coordinator "
            "will reschedule in a new version of the plan.") in later
    # names are asked by a day still to come
    asked = re.search(r"name its participants by (\d+ \w+ \d{4})", later)
    assert asked is None or dt.datetime.strptime(asked.group(1), "%d %B %Y").date() >= \
        dt.date(2026, 7, 10)


# ── 3. the coordinator's move credited ──────────────────────────────────────────────────


def test_a_course_the_coordinator_moved_says_so() -> None:
    plan_text = text(document(kept()))
    assert "SVC-102 Business process analysis and simplification, moved to May 2026 by " \
           "the coordinator" in plan_text
    assert "Moved to May 2026 by the coordinator" in plan_text  # priorities, cohorts, annex


# ── 5. one organisation's plan keeps the national rank ─────────────────────────────────


def test_an_organisations_plan_keeps_the_national_rank_and_says_so() -> None:
    data = base_plan()
    national = {row[1]: row[0] for row in _priorities(document(data)).rows}
    own = _priorities(document(data, org="org-c"))
    assert {row[1]: row[0] for row in own.rows} == {code: national[code]
                                                   for code in (r[1] for r in own.rows)}
    assert own.rows[0][0] != 1
    assert "Ranks are those of the national plan" in text(document(data, org="org-c"))


def _priorities(doc: Document) -> Table:
    section = next(s for s in doc.sections if s.key == "priorities")
    return next(b for b in section.blocks if isinstance(b, Table))


# ── 7. the organisation's workbook has the unit rates and its budget lines ──────────────


@cache
def costed() -> PlanData:
    made = generate_plan(_rows(), load_catalogue(), Targets(),
                         Constraints(start_month=START, participants_per_org=4,
                                     rate_card=country_rate_card("KE", "2026-03-01")))
    return dataclasses.replace(made, extra=base_plan().extra)


def test_an_organisations_workbook_has_the_unit_rates_and_its_budget_lines() -> None:
    data = costed()
    book = load_workbook(io.BytesIO(render_plan(data, context("en", "org-a"), "xlsx",
                                                catalogue=catalogue("en"))))
    assert "Unit rates" in book.sheetnames and "Budget lines" in book.sheetnames
    lines = book["Budget lines"]
    # its courses' whole lines, each cohort as the documents number it beside its module
    cohorts = {(row[4].value, row[3].value) for row in lines.iter_rows(min_row=2)
               if row[3].value}
    assert cohorts == {(c.module_code, 1) for c in data.cohorts
                       if "org-a" in c.org_ids and c.month}
    assert any(row[1].value == "This organisation's total"
               for row in lines.iter_rows(min_row=2))


# ── 8, 10. months in full words ────────────────────────────────────────────────────────


def test_months_are_written_in_full_in_the_timeline_and_the_load_annex() -> None:
    for language, march in (("en", "March\n2026"), ("fr", "mars\n2026"),
                            ("ar", "مارس\n2026")):
        L = Labels(language)
        s = Scope(base_plan(), context(language), catalogue(language), L)
        assert gantt_data(s).months[0] == march
        load = next(x for x in document(base_plan(), language).sections if x.key == "load")
        headers = [c.label for b in load.blocks if isinstance(b, Table) for c in b.columns]
        assert L.month("2026-03") in headers, language


def test_workbook_months_are_whole_words_in_the_documents_language() -> None:
    book = load_workbook(io.BytesIO(render_plan(base_plan(), context("fr"), "xlsx",
                                                catalogue=catalogue("fr"))))
    formats = {c.number_format for row in book["Cohortes"].iter_rows(min_row=2)
               for c in row if isinstance(c.value, dt.datetime)}
    # the months, and the day the names are due by (a date cell too, written whole)
    assert formats == {"[$-40C]mmmm yyyy", "[$-40C]d mmmm yyyy"}
    header = [c.value for c in book["Calendrier"][1]]
    assert "mars 2026" in header and "2026-03" not in header


# ── 9. quotations in an Arabic document ─────────────────────────────────────────────────


def test_each_shared_text_is_a_line_of_its_own_in_the_evidence() -> None:
    gap = next(g for g in base_plan().gaps if g.org_id == "org-b")
    gap = dataclasses.replace(gap, shared_notes="Le PMO « existe » sur le papier.",
                              shared_quotes=(("P4", "Lecture : « de base »."),))
    s = Scope(base_plan(), context("ar"), catalogue("ar"), Labels("ar"))
    found = s.rated_lines(gap)
    assert len(found) == 3  # the rating, the notes, the quotation: not one line run together
    assert "\u2066Le PMO « existe » sur le papier.\u2069" in found[1]
    assert "\u2066Lecture : « de base ».\u2069" in found[2]


# ── 11, 12. the words ───────────────────────────────────────────────────────────────────


def test_the_strongest_is_a_section_as_the_weakest() -> None:
    assert "Strongest section: " in text(document(base_plan()))
    assert "Strongest area" not in text(document(base_plan()))


def test_french_nominations_put_a_space_before_the_colon() -> None:
    section = next(s for s in document(base_plan(), "fr").sections if s.key == "nominations")
    table = next(b for b in section.blocks if isinstance(b, Table))
    column = [c.label for c in table.columns].index("Places par organisation")
    places = [str(row[column]) for row in table.rows]
    assert places and all("\u202f: 4" in p and not re.search(r"[^\u202f]: \d", p)
                          for p in places)


# ── 6. one offer, one price ─────────────────────────────────────────────────────────────


def test_a_coaching_offered_for_two_courses_is_one_offer_at_one_price() -> None:
    from govcap.planning.core.plan import Alternative, Unfit

    def unfit(code: str, cents: int) -> Unfit:
        return Unfit("org-a", "Ministry of Digital Economy", code, "change-management",
                     "basic-moderate", "capacity", "", alternatives=(
                         Alternative("coaching", "CHG-901", cents),))

    data = dataclasses.replace(base_plan(), unfit=(unfit("CHG-101", 100000),
                                                   unfit("CHG-102", 200000)))
    doc = document(data)
    section = next(s for s in doc.sections if s.key == "schedule")
    offers = [row for b in section.blocks if isinstance(b, Table) for row in b.rows
              if "Coaching: CHG-901" in str(row[2])]
    assert len(offers) == 1 and offers[0][1] == "CHG-101, CHG-102"
    assert normalise(offers[0][-1].text) == "USD 1,000.00"
    needs = next(sh for sh in doc.sheets if sh.name == "Needs").table
    cells = [str(row[-1]) for row in needs.rows if row[0] == "Ministry of Digital Economy"
             and row[1] in ("CHG-101", "CHG-102")]
    assert cells and all("USD\u00a01,000.00" in c and "2,000.00" not in c for c in cells)


def test_an_arabic_pdf_holds_a_participants_latin_words_left_to_right_whole() -> None:
    from govcap.reports.model import Section
    from govcap.reports.pdf import _blocks, rtl_text

    quoted = Labels("ar").t("evidence.quote", who="P4",
                            text=Labels("ar").inside_quotes("Le PMO n'existe que sur le papier."))
    html = _blocks(Section("annex", "", [Bullets((quoted,))]), rtl_text)
    # one left-to-right run (pieces set right to left read '…papier.P4: «'), in an item
    # that keeps the document's direction: its bullet at the right (test_quoted_note_own_block)
    assert html.startswith('<ul><li><bdi dir="ltr">P4'), html
    assert html.count("<bdi") == 1, html


def test_more_months_than_a_year_stand_upright_in_the_timeline() -> None:
    from govcap.reports.gantt import gantt
    from govcap.reports.model import GanttData, GanttRow

    def chart(n: int) -> str:
        return gantt(GanttData(months=[f"septembre\n{2026 + i // 12}" for i in range(n)],
                               rows=[GanttRow("AGL-101", "agile", ((0, 3),))], blackout=(),
                               title="", participants_label="", domain_labels={}, rtl=False),
                     "svg").decode()

    assert chart(12).count("rotate(-90") == 0  # across, the year under the month
    assert chart(19).count("rotate(-90") == 19  # "septembre" ran into "octobre" across
