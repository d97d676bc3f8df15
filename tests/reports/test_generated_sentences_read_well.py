"""Sentences the documents generate read as a person writes them (fresh eyes, Kenya's
follow-up): "Cohorts run from April 2027 to April 2027", "not assessed, and listed rather
than guessed: 0 sections", "its 4 participant places in it", "estimated separately below"
of nothing estimated, "Confirm the cohorts" in a brief of coaching only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from govcap.reports import costing
from govcap.reports.brief import asked
from govcap.reports.build import summary
from govcap.reports.labels import Labels
from govcap.reports.model import Para
from govcap.reports.scope import Scope
from tests.planning.helpers import CATALOGUE
from tests.planning.test_coaching_per_organisation import coached
from tests.reports.helpers import catalogue, context, plan


def test_a_range_of_one_month_is_said_in_that_month():
    L = Labels("en")
    said = L.t("schedule.p", first="April 2027", last="April 2027", parallel=6, blackout="–")
    assert said.startswith("Cohorts run in April 2027; at most 6 cohorts")
    assert L.t("schedule.p", first="April 2027", last="May 2027", parallel=6,
               blackout="–").startswith("Cohorts run from April 2027 to May 2027;")
    both = L.t("monitoring.sessions", first="February 2028", last="February 2028",
               start="April 2027", end="April 2027")
    assert both.endswith("The reassessments are in February 2028, after the training, which "
                         "is in April 2027.")
    assert L.t("monitoring.sessions", first="February 2028", last="March 2028",
               start="April 2027", end="April 2027").endswith(
        "run from February 2028 to March 2028, after the training, which is in April 2027.")
    assert L.sentence("brief.plan", modules=1, cohorts=1, participants=4,
                      first="February 2027", last="February 2027", total="USD 5.00") == (
        "1 training module in 1 cohort for 4 participant places, in February 2027; total "
        "cost USD 5.00.")


def test_nothing_unassessed_is_not_counted_as_zero():
    data = plan()
    assert not [u for u in data.unknowns if u.org_id == "org-a"]
    scope = Scope(data, context("en", "org-a"), catalogue("en"), Labels("en"))
    lead = next(b.text for b in summary(scope).blocks if isinstance(b, Para))
    assert lead.endswith("every section was rated.") and "0 section" not in lead
    assert [u for u in data.unknowns if u.org_id == "org-b"]
    other = Scope(data, context("en", "org-b"), catalogue("en"), Labels("en"))
    assert "not assessed, and listed rather than guessed: 1 section" in next(
        b.text for b in summary(other).blocks if isinstance(b, Para))


def test_nothing_estimated_apart_is_not_said_estimated_below():
    data = plan()
    placed = next(o.org_id for o in data.organisations
                  if Scope(data, context("en", o.org_id), catalogue("en"),
                           Labels("en")).unfit_estimate_cents == 0)
    scope = Scope(data, context("en", placed), catalogue("en"), Labels("en"))
    said = costing.text("en", costing.excluded_key(scope))
    assert "estimated separately" not in said and said.endswith("taxes and duties.")


def test_a_brief_of_coaching_only_does_not_ask_to_confirm_cohorts(db):
    data = coached()
    first = min(c.month for c in data.cohorts if c.month)
    ctx = dataclasses.replace(context("en", "org00"), status="approved", records={},
                              today=dt.date(2026, 1, 5))
    scope = Scope(data, ctx, CATALOGUE, Labels("en"))
    assert scope.cohorts and all(not CATALOGUE.by_code[c.module_code].is_course
                                 for c in scope.cohorts)
    lines = asked(scope)
    assert not any("Confirm the cohorts" in line for line in lines), lines
    assert any(line.startswith("Confirm the coaching and workplace projects") and first
               for line in lines), lines
