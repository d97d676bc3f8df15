"""An evaluation export is refused with every problem it holds in one pass — by row, column
and participant code — and only the real ones: a participant who dropped out, a rating of 7
and an answer differing from the one stored are each named at once, not one on the next try;
a file whose only row is to another delivery's form is not also said to have no answers."""

from __future__ import annotations

import pytest

from govcap.delivery import evaluation as ev
from govcap.delivery import evaluation_xlsform, services
from govcap.delivery.models import Reaction, Trainee
from govcap.interchange.problems import ImportProblem
from tests.delivery.test_eval_xlsform import csv_bytes, reaction_export


@pytest.fixture
def four(course):
    """T1–T4; T1 answered already (5, 5, 5, 5); T3 dropped out."""
    for _ in range(3):
        services.nominate(
            course.coordinator,
            course.delivery,
            services.Nomination(organisation_id=course.agency.pk, gender="female"),
        )
    ev.record_answers(
        course.coordinator,
        course.delivery,
        [ev.ReactionAnswer("T1", relevance=5, quality=5, trainer=5, recommend=5)],
        source="paper",
    )
    t3 = Trainee.objects.get(delivery=course.delivery, code="T3")
    services.set_completion(course.coordinator, t3, "dropped", "Left on day 1")
    return course


def refused(delivery, rows) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(csv_bytes(rows), delivery, name="kobo.csv")
    return caught.value


def test_three_bad_rows_are_three_problems_named_by_row_column_and_code(four):
    d = four.delivery
    problem = refused(
        d,
        reaction_export(
            d,
            [("T3", (4, 4, 4, 4), "ok"), ("T4", (7, 4, 4, 4), "ok"), ("T1", (1, 1, 1, 1), "other")],
        ),
    )
    lines = [str(p) for p in problem.problems]
    assert len(lines) == 3, lines
    assert lines[0].startswith("row 2, column “trainee”: T3 dropped out")
    assert lines[1] == "row 3, column “relevance”: T4: “7” is not a rating from 1 to 5"
    assert lines[2].startswith("row 4, column “trainee”: T1 has already answered this form")
    assert "3 problems; nothing was imported" in str(problem)
    assert Reaction.objects.filter(trainee__delivery=d).count() == 1


def test_a_bad_row_of_a_dropped_out_code_is_named_for_both_at_once(four):
    d = four.delivery
    problem = refused(d, reaction_export(d, [("T3", (9, 4, 4, 4), "")]))
    lines = [str(p) for p in problem.problems]
    assert lines == [
        "row 2, column “trainee”: T3 dropped out of the course: the reaction form "
        "is not theirs to answer (a form exported now does not offer their code)",
        "row 2, column “relevance”: T3: “9” is not a rating from 1 to 5",
    ]


def test_a_bad_row_of_a_code_that_answered_otherwise_is_named_a_conflict_too(four):
    d = four.delivery
    # quality 4 differs from the stored 5 whatever the relevance is corrected to
    problem = refused(d, reaction_export(d, [("T1", (0, 4, 5, 5), "")]))
    assert [str(p) for p in problem.problems] == [
        "row 2, column “trainee”: T1 has already answered this form with other answers; only "
        "one answer per participant is kept",
        "row 2, column “relevance”: T1: “0” is not a rating from 1 to 5",
    ]
    # the same answer but for the bad rating: correcting it may make it the stored one
    problem = refused(d, reaction_export(d, [("T1", (0, 5, 5, 5), "")]))
    assert [str(p) for p in problem.problems] == [
        "row 2, column “relevance”: T1: “0” is not a rating from 1 to 5"
    ]


def test_a_file_whose_only_row_is_to_another_delivery_says_that_only(four):
    d = four.delivery
    other = "ba5ad293-e0a5-45ca-955d-50703d0a61be"
    problem = refused(d, reaction_export(d, [("T4", (5, 4, 4, 4), "")], extra_uuid=other))
    assert [str(p) for p in problem.problems] == [
        f"row 2, column “govcap_delivery”: this answer is to the form of another delivery ({other})"
    ]


def test_a_file_with_no_rows_says_so(four):
    d = four.delivery
    problem = refused(d, reaction_export(d, [])[:1])
    assert [str(p) for p in problem.problems] == ["the file has no answers"]


def test_a_check_after_the_course_with_a_bad_item_of_a_dropped_out_code_names_both(four):
    d = four.delivery
    n = len(ev.objectives(d))
    header = ["trainee", "phase", *(f"o{i}" for i in range(1, n + 1)), "_uuid"]
    rows = [
        header,
        ["T3", "post", "maybe", *(["yes"] * (n - 1)), "a"],
        ["T4", "later", *(["yes"] * n), "b"],
    ]
    problem = refused(d, rows)
    assert [str(p) for p in problem.problems] == [
        "row 2, column “trainee”: T3 dropped out of the course: only the check before the "
        "course is theirs to answer, not the one after it",
        "row 2, column “o1”: T3: “maybe” is not yes or no",
        "row 3, column “phase”: T4: “later” is not pre or post",
    ]
