"""What the documents say of the reassessment and of the first month (the scheduler of
commits 8e29f1d…d30ed90): each organisation is reassessed once, after its last training day,
coaching days included; a closed month after the lead time is named with its reason; an
earlier round re-generated once a later round exists says the later round is its
reassessment, not a second horizon from the plan's date."""

from __future__ import annotations

import dataclasses
import datetime
import re

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import MonthBlock
from govcap.planning.core.period import plan_period
from govcap.reports.build import build_document
from govcap.reports.model import Bullets, Heading, Para, Table
from govcap.scale import Level
from tests.planning.helpers import everyone
from tests.reports.helpers import catalogue, context, normalise

B = Level.BASIC
RAMADAN_2027 = MonthBlock("2027-02", 20, 20, ("ramadan:20",))
LATER = "Testland follow-up 2027"


def _plan(**more):
    rows = everyone(4, {"change-management": B, "processes-services": B})
    return generate_plan(rows, catalogue("en"), Targets(),
                         Constraints(start_month="2026-07", plan_date="2026-12-05",
                                     month_blocks=(RAMADAN_2027,), **more))


def words(plan, language: str = "en") -> str:
    ctx = dataclasses.replace(context(language), heatmap=[])
    out: list[str] = []
    for section in build_document(plan, ctx, catalogue(language)).sections:
        for block in section.blocks:
            if isinstance(block, (Para, Heading)):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out += block.items
            elif isinstance(block, Table):
                out += [" | ".join(str(getattr(c, "text", c)) for c in row) for row in block.rows]
    return normalise("\n".join(out))


def test_the_reassessment_is_per_organisation_after_its_last_training_day() -> None:
    text = words(_plan())
    assert "after the last module that serves it" not in text
    assert ("Each organisation is reassessed once, 6 months after its last training day "
            "(coaching and on-the-job days included).") in text


def test_a_closed_month_after_the_lead_time_is_named_with_its_reason() -> None:
    text = words(_plan())
    assert ("in a month that begins that long after it: from March 2027 (February 2027 is "
            "closed to training: Ramadan (20 working days)).") in text
    # the coordinator's start month, stale, is not said to a ministry (issue 14, fresh eyes)
    assert "start month in the settings" not in text


def test_no_reason_when_the_lead_times_month_is_open() -> None:
    plan = generate_plan(everyone(4, {"change-management": B}), catalogue("en"), Targets(),
                         Constraints(start_month="2026-07", plan_date="2026-12-05"))
    text = words(plan)
    assert "from February 2027." in text and "is closed to training" not in text


def later_plan():
    plan = _plan(reassessed_by=LATER)
    return dataclasses.replace(plan, extra={**plan.extra, "later_round": LATER})


def test_an_earlier_round_after_a_later_one_says_the_later_round_reassesses_it() -> None:
    plan = later_plan()
    assert all(not i.reassess_month for i in plan.indicators)
    text = words(plan)
    assert f"Reassessed by {LATER}" in text
    assert f"{LATER}, the next assessment round, is the reassessment" in text
    assert "12 months from" not in text
    assert "The schedule starts in" not in text and "Training starts at least" not in text
    # it plans nothing new (issue 14): what it does not keep is left to the later round
    assert not plan.cohorts and plan.unfit
    assert all(u.reason == "later-round" and not u.alternatives for u in plan.unfit)
    assert (f"{LATER}, the next assessment round, reassesses the organisations of this plan: "
            "this version keeps the courses already under way or delivered, plans nothing new, "
            "and schedules and budgets no reassessment of its own.") in text
    assert "places afresh" not in text


def test_an_earlier_round_with_nothing_new_keeps_its_courses_as_delivered() -> None:
    plan = later_plan()
    kept = dataclasses.replace(plan, cohorts=tuple(
        dataclasses.replace(c, delivery="completed") for c in plan.cohorts))
    text = words(kept)
    assert (f"{LATER}, the next assessment round, reassesses the organisations of this plan: "
            "this version keeps the courses already under way or delivered, plans nothing new, "
            "and schedules and budgets no reassessment of its own.") in text


def test_the_later_round_is_named_in_the_documents_language() -> None:
    plan = later_plan()
    ctx = dataclasses.replace(context("en"), heatmap=[], later_round="Follow-up 1 (2027)")
    doc = build_document(plan, ctx, catalogue("en"))
    text = normalise(" ".join(
        " | ".join(str(getattr(c, "text", c)) for c in row)
        for section in doc.sections for block in section.blocks if isinstance(block, Table)
        for row in block.rows))
    assert "Reassessed by Follow-up 1 (2027)" in text and LATER not in text


def test_the_documents_context_names_the_later_round_by_its_number(world) -> None:
    from django.utils import translation

    from govcap.orgs.models import Engagement
    from govcap.planning.inputs_db import later_round_label as _later_round

    Engagement.objects.create(country=world.engagement.country, round_number=2, name=LATER,
                              instrument=world.instrument, start_date=datetime.date(2027, 1, 10))
    with translation.override("fr"):
        assert _later_round(world.engagement, LATER) == "Suivi 2 (2027)"
    assert _later_round(world.engagement, "Gone round") == "Gone round"
    assert _later_round(world.engagement, "") == ""


def test_the_schedule_lists_the_closed_months_that_shaped_it() -> None:
    # it listed the horizon's closed months after the last course, and not February 2027,
    # the Ramadan that moved the start to March
    december = MonthBlock("2027-12", 20, 20, ("fiscal-year-end",))
    rows = everyone(4, {"change-management": B, "processes-services": B})
    plan = generate_plan(rows, catalogue("en"), Targets(),
                         Constraints(start_month="2026-07", plan_date="2026-12-05",
                                     month_blocks=(RAMADAN_2027, december)))
    assert max(c.month for c in plan.cohorts) < "2027-12"
    closed = re.search(r"Months closed to training: ([^.]*)\.", words(plan))
    assert closed is not None
    assert "February 2027" in closed[1]
    # a closed month after the training counts while the reassessments still run (they are
    # moved out of it); the horizon's closed months after the plan's period do not
    period = plan_period(plan)
    assert ("December 2027" in closed[1]) == bool(
        period.reassess_last and period.reassess_last >= "2027-12")


def test_a_need_left_to_the_later_round_is_worded_in_the_documents_language() -> None:
    # the documents printed the planning core's English message for it (issue 14)
    plan = later_plan()
    text = words(plan)
    assert ("Not planned here: the next assessment round reassesses this organisation, and "
            "that round's plan takes up this need.") in text
    french = words(plan, "fr")
    assert "the next assessment round reassesses" not in french
    assert "Non prévu ici : le cycle d’évaluation suivant réévalue cette organisation" in french


def test_the_closed_months_sentence_counts_the_closed_months_the_schedule_lists() -> None:
    # Kenya's plans said "Months closed to training: none." above "June 2027: closed (fiscal
    # year-end)": a plan stored with the fiscal year-end among its month blocks only
    june = MonthBlock("2027-03", 20, 20, ("fiscal-year-end",))
    rows = everyone(4, {"change-management": B, "processes-services": B})
    plan = generate_plan(rows, catalogue("en"), Targets(),
                         Constraints(start_month="2027-01", plan_date="2026-10-01",
                                     month_blocks=(june,)))
    assert min(c.month for c in plan.cohorts) < "2027-03" < max(c.month for c in plan.cohorts)
    stored = dataclasses.replace(plan, blackout_months=())
    text = words(stored)
    assert "March 2027: closed (fiscal year-end)" in text
    closed = re.search(r"Months closed to training: ([^.]*)\.", text)
    assert closed is not None and closed[1] == "March 2027"
