"""Kenya's follow-up plan has POL-901 (coaching in digital policy) for two organisations,
for two reasons: the Treasury's follow-on coaching after POL-102, and the Ministry of
Health's, planned by the coordinator instead of POL-103. The brief said them as one
"Priority 3: POL-901 …, for 2 organisations", and the PDF's Origin column "Added,
Follow-on" (the per-organisation plan "Added"): each organisation's reason, in words."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule, DropModule
from govcap.reports.brief import proposed
from govcap.reports.build import priorities
from govcap.reports.labels import Labels
from govcap.reports.left_out import origin_words
from govcap.reports.scope import Scope
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.reports.helpers import context


def _scope(*ops) -> Scope:
    rows = [*org_rows("moh", {"digital-strategic-plan": Level.BASIC}, name="Ministry of Health"),
            *org_rows("tsy", {"digital-strategic-plan": Level.BASIC}, name="Treasury")]
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"), ops)
    return Scope(plan, context("en"), CATALOGUE, Labels("en"))


def test_a_coordinators_substitute_says_what_it_stands_for() -> None:
    s = _scope(AddModule("a1", "moh", "POL-901"), DropModule("d1", "moh", "POL-103"))
    need = next(n for n in s.plan.needs if n.module_code == "POL-901")
    # by code and title, as the brief and the annex name courses (fresh eyes: codes alone)
    assert origin_words(s, need) == ("Planned by the coordinator instead of POL-103 GovTech "
                                     "and digital public infrastructure for policy makers")
    table = priorities(s).blocks[1]
    (row,) = [r for r in table.rows if r[1] == "POL-901"]
    assert row[6] == origin_words(s, need), row


def test_the_brief_says_each_organisations_reason_for_one_module() -> None:
    s = _scope(AddModule("a1", "moh", "POL-901"), DropModule("d1", "moh", "POL-103"),
               AddModule("a2", "tsy", "POL-901"))
    lines = [x for x in proposed(s) if "POL-901" in x and x.startswith("Priority")]
    assert lines, proposed(s)
    assert ("Ministry of Health: planned by the coordinator instead of POL-103 GovTech and "
            "digital public infrastructure for policy makers") in lines[0]
    assert "Treasury: added" in lines[0], lines


def test_the_key_figures_count_as_the_brief_does() -> None:
    # the PDF said "Modules 6, Cohorts 8" where the brief said 3 courses in 3 cohorts and
    # the coaching apart: one count, one vocabulary
    from govcap.reports import module_count
    from govcap.reports.build import summary

    s = _scope(AddModule("a1", "moh", "POL-901"), DropModule("d1", "moh", "POL-103"))
    courses, classes, _words, _key = module_count.offered(s)
    table = next(b for b in summary(s).blocks if hasattr(b, "rows"))
    figures = {row[0]: row[1] for row in table.rows}
    assert "Modules" not in figures
    assert figures["Courses"] == str(courses) and figures["Cohorts"] == str(classes)
    assert figures["Coaching and other interventions"] == "1"
    assert classes < len(s.cohorts)  # the coaching is not counted a cohort


def test_a_follow_on_names_the_courses_it_follows_with_their_titles(db) -> None:
    from tests.planning.test_coaching_per_organisation import coached

    plan = coached()
    s = Scope(plan, context("en", "org00"), CATALOGUE, Labels("en"))
    need = next(n for n in s.needs if n.follows)
    assert origin_words(s, need) == (
        "Follow-on coaching after CHG-101 Foundations of change management in government, "
        "CHG-102 Communicating and supporting change for digital services")
