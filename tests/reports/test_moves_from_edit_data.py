"""The coordinator's moves are credited ("Moved to May 2026 by the coordinator") from what the
replay stored as data — the course and its month — not by parsing the replay's English
message: a message in other words (a French or an Arabic build, a reworded message) lost the
credit in every document."""

from __future__ import annotations

import dataclasses

from govcap.reports.labels import Labels
from tests.reports.test_fresh_eyes_plan import document, kept, text


def _reworded():
    """The plan with its applied move's message in other words (as another language's
    build or a reworded replay would write it), its data unchanged."""
    plan = kept()
    ops = tuple(dataclasses.replace(op, message="cours déplacé") if op.kind == "move-cohort"
                else op for op in plan.operations)
    return dataclasses.replace(plan, operations=ops)


def test_the_replay_stores_the_moved_course_and_its_month_as_data() -> None:
    plan = kept()
    move = next(op for op in plan.operations if op.kind == "move-cohort")
    assert move.status == "applied"
    cohort = next(c for c in plan.cohorts if c.cohort_id == move.facts["cohort"])
    assert cohort.module_code == "SVC-102" and move.facts["month"] == cohort.month == "2026-05"


def test_a_move_is_credited_in_french_and_arabic_whatever_its_message_says() -> None:
    plan = _reworded()
    fr = text(document(plan, "fr"))
    assert Labels("fr").t("status.moved", month=Labels("fr").month("2026-05")) in fr
    assert "Déplacée en mai 2026 par le coordinateur" in fr
    ar = text(document(plan, "ar"))
    assert Labels("ar").t("status.moved", month=Labels("ar").month("2026-05")) in ar
    en = text(document(plan))
    assert "Moved to May 2026 by the coordinator" in en
    assert "moved to May 2026 by the coordinator" in en  # the assumptions' credit
