"""The plan documents never contradict themselves: a need the coordinator left out is said
as such (never "every need found a cohort"), an approved plan's brief asks what comes after
approval, every table's rows add up to its total, interventions are not worded as courses,
a draft's documents say when the draft last changed, and the workbook opens on the plan.

Built from a small follow-up engagement costed with Kenya's rate card: the ICT Authority's
only gap persists after two courses of the previous round (so it gets coaching, CHG-901),
two other organisations share two service-management courses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from functools import cache

import pytest
from openpyxl import load_workbook

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import DropModule
from govcap.planning.core.inputs import PreviousCourse
from govcap.planning.core.plan import PlanData
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports.brief import build_brief
from govcap.reports.build import build_document
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Document, Heading, Money, Para, Table
from govcap.reports.plan import render_plan
from govcap.scale import Level
from tests.planning.helpers import org_rows
from tests.reports.helpers import catalogue, context, normalise
from tests.reports.helpers import plan as helpers_plan

B = Level.BASIC
ICT, SCHOOL, MINISTRY = "org-a", "org-b", "org-c"
GAP = "4. Setting expectations to accommodate and sustain change (Basic, target Moderate)"
HISTORY = ("Completed CHG-101 Foundations of change management in government (May 2025), "
           "CHG-102 Communicating and supporting change for digital services (May 2025) in Testland baseline 2025; "
           "still Basic on 4. Setting expectations to accommodate and sustain change")


@cache
def follow_up(dropped: bool = False, drop: tuple[str, str] | None = None) -> PlanData:
    """The engagement's plan; ``dropped``: after the coordinator removed the ICT Authority's
    coaching (a drop-module edit), its only need; ``drop``: another (org, module) removed."""
    rows = org_rows(ICT, {"change-management": B}, name="ICT Authority")
    rows += org_rows(SCHOOL, {"processes-services": B}, name="School of Government")
    rows += org_rows(MINISTRY, {"processes-services": B}, name="Ministry of ICT")
    made = generate_plan(
        rows, catalogue("en"), Targets(),
        Constraints(start_month="2026-03", rate_card=country_rate_card("KE", "2026-03-01")),
        operations=([DropModule("op-1", ICT, "CHG-901")] if dropped else [])
        + ([DropModule("op-2", *drop)] if drop else []),
        previous_courses=[PreviousCourse(ICT, code, "2025-05", "Testland baseline 2025", 0,
                                         source="delivered") for code in ("CHG-101", "CHG-102")])
    return dataclasses.replace(made, extra={**made.extra, "women_target_percent": 50})


def document(data: PlanData, org: str | None = None, brief: bool = False,
             **changes) -> Document:
    ctx = dataclasses.replace(context("en", org), heatmap=[], **changes)
    build = build_brief if brief else build_document
    return build(data, ctx, catalogue("en"))


def texts(doc: Document) -> list[str]:
    """Every sentence, heading, bullet and table row of the document, spaces normalised."""
    out: list[str] = []
    for section in doc.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, (Para, Heading)):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out += block.items
            elif isinstance(block, Table):
                out += [" | ".join(str(c) for c in row) for row in block.rows]
    return [normalise(t) for t in out]


def text(doc: Document) -> str:
    return "\n".join(texts(doc))


def empty_headings(doc: Document) -> list[str]:
    """Headings with nothing under them before the next heading of their level or above."""
    found = []
    for section in doc.sections:
        blocks = section.blocks
        for i, block in enumerate(blocks):
            if not isinstance(block, Heading):
                continue
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if after is None or (isinstance(after, Heading) and after.level <= block.level):
                found.append(block.text)
    return found


def tables(doc: Document) -> list[tuple[str, Table]]:
    found = [(section.heading, b) for section in doc.sections for b in section.blocks
             if isinstance(b, Table)]
    return found + [(sheet.name, sheet.table) for sheet in doc.sheets]


def table_after(doc: Document, heading: str, nth: int = 0) -> Table:
    """The ``nth`` table after a heading, in its chapter."""
    for section in doc.sections:
        for i, block in enumerate(section.blocks):
            if isinstance(block, Heading) and block.text == heading:
                return [b for b in section.blocks[i + 1:] if isinstance(b, Table)][nth]
    raise AssertionError(f"no table under {heading!r}")


# ── 1. a need left out by the coordinator ────────────────────────────────────────────


CONTRADICTIONS = (
    "No cohort could be scheduled for these gaps",  # nothing failed: a need was removed
    "Every need found a cohort",
    "No training need was found",  # there is a gap, and a need for it
    "Cohorts run from – to –",
    "None: every need found a cohort.",
)


def test_an_organisation_whose_only_need_was_left_out_reads_so_without_contradiction():
    doc = document(follow_up(dropped=True), ICT)
    said = text(doc)
    for sentence in CONTRADICTIONS:
        assert sentence not in said, sentence
    assert "left out of the plan by the coordinator" in said
    assert (f"ICT Authority: CHG-901 Coaching in change management, for the gap on {GAP}, "
            "which stays without training in this plan.") in said
    assert f"{HISTORY}: the gap persists." in said  # the follow-on's history, still shown
    assert "→ coaching instead" not in said  # no coaching comes: it was left out
    summary = doc.sections[0]
    figures = next(b for b in summary.blocks if isinstance(b, Table))
    assert ["Needs left out by the coordinator", "1"] in [list(r) for r in figures.rows]
    assert empty_headings(doc) == []
    assert not any(isinstance(b, Table) and b.columns[0].label == "Month"
                   for s in doc.sections for b in s.blocks)  # no "Jun 2027 · 0 · –" row
    indicators = table_after(doc, "Indicators")
    assert [row[-1] for row in indicators.rows] == ["Left out by the coordinator"]
    left = table_after(doc, "Left out of the plan by the coordinator")
    assert [list(map(str, r[:3])) for r in left.rows] == [
        ["ICT Authority", "CHG-901 Coaching in change management", GAP]]
    needs = next(sheet.table for sheet in doc.sheets if sheet.name == "Needs")
    assert [(r[1], r[9]) for r in needs.rows] == [("CHG-901", "Left out by the coordinator")]
    assert [(r[7], r[8]) for r in needs.rows] == [("", "")]  # no rank, no score: not planned


def test_the_whole_plan_says_which_gap_was_deliberately_left_without_training():
    doc = document(follow_up(dropped=True))
    summary = "\n".join(texts(doc)[:12])
    assert "1 need was left out of the plan by the coordinator." in summary
    assert (f"ICT Authority: CHG-901 Coaching in change management, for the gap on {GAP}, "
            "which stays without training in this plan.") in summary
    assert "Every other need found a cohort" in summary
    assert "Every need found a cohort" not in summary
    left = table_after(doc, "Left out of the plan by the coordinator")
    assert [str(c) for c in left.rows[0][:2]] == ["ICT Authority",
                                                  "CHG-901 Coaching in change management"]
    assert HISTORY in str(left.rows[0][3])
    assert "None: every need kept in the plan found a cohort." in text(doc)
    assert empty_headings(doc) == []


def test_a_gap_another_course_still_serves_is_not_said_to_stay_without_training():
    doc = document(follow_up(drop=(SCHOOL, "SVC-102")), SCHOOL)
    said = text(doc)
    assert ("School of Government: SVC-102 Business process analysis and simplification, for "
            "the gap on 7.") in said
    # what trains for that gap instead: a course replaced must not read as a gap dropped
    assert ("the plan serves that gap with SVC-101 Defining and cataloguing government "
            "services instead.") in said
    assert "stays without training" not in said
    assert "Every other need found a cohort" in said


def test_the_brief_of_an_organisation_left_without_training_says_why_and_asks_nothing():
    doc = document(follow_up(dropped=True), ICT, brief=True)
    said = text(doc)
    assert "No cohort could be scheduled" not in said
    assert "left out of the plan by the coordinator" in said and GAP in said
    assert "What is asked of you" not in said  # nothing to ask: no heading over nothing
    assert empty_headings(doc) == []
    whole = text(document(follow_up(dropped=True), brief=True))
    assert "ICT Authority: CHG-901 Coaching in change management" in whole


# ── 2. the brief of an approved plan ──────────────────────────────────────────────────


def test_an_approved_plan_brief_asks_to_confirm_the_cohorts_not_to_approve_it():
    approved = text(document(follow_up(), brief=True, status="approved"))
    assert "Approve the training plan" not in approved
    assert ("Confirm the cohorts of the approved training plan (version 2) with the "
            "organisations, so that training starts in March 2026.") in approved
    draft = text(document(follow_up(), brief=True))
    assert "Approve the training plan (version 2) so cohorts can be confirmed." in draft


# ── 3. every table adds up to its total ───────────────────────────────────────────────


def plans() -> dict[str, PlanData]:
    return {"costed": follow_up(), "costed, one need left out": follow_up(dropped=True),
            "catalogue prices": helpers_plan()}


def documents_of(data: PlanData) -> list[tuple[str, Document]]:
    orgs = [o.org_id for o in data.organisations]
    return [(org or "whole plan", document(data, org)) for org in [None, *orgs]]


@pytest.mark.parametrize("name", list(plans()))
def test_in_every_document_each_table_rows_add_up_to_its_total(name):
    wrong = []
    checked = 0
    for who, doc in documents_of(plans()[name]):
        for where, table in tables(doc):
            if not table.total:
                continue
            for index, total in enumerate(table.total):
                if not isinstance(total, Money):
                    continue
                checked += 1
                rows = sum(row[index].cents for row in table.rows
                           if isinstance(row[index], Money))
                if rows != total.cents:
                    wrong.append((who, where, table.columns[index].label, rows, total.cents))
    assert checked > 20
    assert wrong == []


def test_the_month_table_lists_the_reassessment_and_the_contingency():
    doc = document(follow_up())
    months = table_after(doc, "Month by month")
    labels = [row[0] for row in months.rows]
    assert labels[-2:] == ["Reassessment sessions", "Contingency"]
    assert all(row[1] for row in months.rows[:-2])  # a month is listed for its cohorts
    actions = next(b for s in doc.sections if s.key == "actions" for b in s.blocks
                   if isinstance(b, Table))
    assert [row[0] for row in actions.rows[-2:]] == ["Reassessment sessions", "Contingency"]


# ── 4. the workbook's formulas, said only where they are ──────────────────────────────


def test_each_budget_says_what_its_workbook_recomputes():
    formulas = "The workbook recomputes every line from the unit rates with formulas."
    assert formulas in text(document(follow_up()))
    for org in (ICT, SCHOOL):
        said = text(document(follow_up(), org))
        assert formulas not in said and "this organisation's total" in said
        # its own workbook rebuilds its share (tests/reports/test_organisation_workbook.py)
        assert ("The workbook recomputes this organisation's share of every line from the "
                "unit rates with formulas.") in said


# ── 5. interventions worded as what they are ──────────────────────────────────────────


def test_coaching_is_not_worded_as_a_course():
    doc = document(follow_up())
    actions = next(b for s in doc.sections if s.key == "actions" for b in s.blocks
                   if isinstance(b, Table))
    row = next(str(r[0]) for r in actions.rows if "CHG-901" in str(r[0]))
    assert row == ("Coaching in change management (CHG-901): coaching at the workplace for "
                   "1 organisation, with a coach for 4 days; a team of 3 participants (at "
                   "most 4)")
    when = table_after(doc, "Evaluation of each module (Kirkpatrick's four levels)", 1)
    coaching = next(r for r in when.rows if str(r[0]).startswith("CHG-901"))
    assert list(coaching[1:3]) == ["not a course", "not a course"]
    assert coaching[3] != "not a course" and coaching[4] != "not a course"
    course = next(r for r in when.rows if str(r[0]).startswith("SVC-101"))
    assert "not a course" not in course
    assert "Coaching (CHG-901) is not a course" in text(doc)


def test_the_brief_names_only_the_kinds_of_intervention_the_plan_has():
    said = text(document(follow_up(), brief=True))
    # the courses in their cohorts, the coaching one per organisation
    assert ("2 training modules in 2 cohorts and 1 follow-on coaching at the workplace, "
            "for ") in said
    assert "on-the-job" not in said


# ── 6. a draft says when it last changed; the workbook opens on the plan ─────────────


def test_a_draft_gives_the_time_of_its_last_change_and_its_edits():
    changed = dt.datetime(2026, 3, 1, 14, 32)
    doc = document(follow_up(dropped=True), generated_on=changed)
    cover = dict(doc.cover)
    assert cover["Last change"] == "1 March 2026, 14:32 (1 edit applied)"
    assert "Draft · 1 March 2026, 14:32" in doc.footer
    later = document(follow_up(dropped=True), generated_on=changed + dt.timedelta(minutes=5))
    assert later.footer != doc.footer
    brief = document(follow_up(dropped=True), brief=True, generated_on=changed)
    assert "14:32" in brief.subtitle and "14:32" in brief.footer
    approved = document(follow_up(), generated_on=changed, status="approved")
    assert dict(approved.cover)["Date"] == "1 March 2026"
    assert "14:32" not in approved.footer and "Last change" not in dict(approved.cover)


def test_the_workbook_opens_on_a_sheet_saying_which_plan_it_is():
    changed = dt.datetime(2026, 3, 1, 14, 32)
    ctx = dataclasses.replace(context("en"), generated_on=changed, is_demo=True)
    book = load_workbook(io.BytesIO(render_plan(follow_up(dropped=True), ctx, "xlsx",
                                                catalogue=catalogue("en"))))
    assert book.sheetnames[:2] == ["DEMO DATA", "Plan"]  # the demo mark stays first
    rows = {row[0]: row[1] for row in book["Plan"].iter_rows(min_row=2, values_only=True)}
    assert rows["Title"] == "Training plan — Testland 2026"
    assert rows["Engagement"] == "Testland baseline 2026" and rows["Country"] == "Testland"
    assert rows["Version"] == 2 and rows["Status"] == "Draft"
    # a date cell, with the time the text gave (it was the text "1 March 2026, 14:32")
    assert rows["Last change"] == changed and rows["Edits applied"] == 1
    assert rows["Currency"] == "USD" and rows["Catalogue"] == (
        "Digital government capacity building — default training catalogue version 1.1")
    assert rows["DEMO DATA"].startswith("DEMO DATA: the organisations are real")
    plain = load_workbook(io.BytesIO(render_plan(
        follow_up(), dataclasses.replace(context("en", SCHOOL), status="approved"), "xlsx",
        catalogue=catalogue("en"))))
    assert plain.sheetnames[0] == Labels("en")["sheet.plan"]
    about = {row[0]: row[1] for row in plain["Plan"].iter_rows(min_row=2, values_only=True)}
    assert about["Organisation"] == "School of Government" and about["Date"] == dt.datetime(2026, 3, 1)
    assert "DEMO DATA" not in about
