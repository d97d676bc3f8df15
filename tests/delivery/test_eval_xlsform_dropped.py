"""A participant who dropped out answers the check before the course only: the XLSForms
exported for KoboToolbox or ODK do not let their code answer anything else (the reaction
form does not offer it; the level-2 form takes their "before" only), and an export that
holds such an answer anyway (a form exported before they dropped out) is refused whole,
naming the row and the code."""

from __future__ import annotations

import pytest

from govcap.delivery import evaluation as ev
from govcap.delivery import evaluation_xlsform, services
from govcap.delivery.models import LearningCheck, Reaction, Trainee
from govcap.interchange.problems import ImportProblem
from tests.delivery.test_eval_xlsform import csv_bytes, reaction_export
from tests.interchange.xform import to_xform


@pytest.fixture
def dropped(course):
    """T1 stayed, T2 dropped out on day 1."""
    services.nominate(
        course.coordinator,
        course.delivery,
        services.Nomination(organisation_id=course.agency.pk, gender="male"),
    )
    t2 = Trainee.objects.get(delivery=course.delivery, code="T2")
    services.set_completion(course.coordinator, t2, "dropped", "Left on day 1")
    return course


def test_the_reaction_form_does_not_offer_a_code_that_dropped_out(dropped):
    spec = evaluation_xlsform.build_spec(dropped.delivery, 1)
    assert [c.name for c in spec.choices["trainee"]] == ["T1"]


def test_the_learning_form_takes_a_dropped_out_code_before_the_course_only(dropped):
    spec = evaluation_xlsform.build_spec(dropped.delivery, 2, ["en", "fr"])
    assert [c.name for c in spec.choices["trainee"]] == ["T1", "T2"]
    phase = next(f for f in spec.fields() if f.name == "phase")
    assert phase.constraint == ". = 'pre' or (${trainee} != 'T2')"
    assert "only the check before the course" in phase.constraint_messages["en"]
    xform = to_xform(evaluation_xlsform.xlsform_bytes(dropped.delivery, 2, ["en", "fr"]))
    assert xform.warnings == []


def test_a_reaction_of_a_dropped_out_code_is_refused_naming_row_and_code(dropped):
    data = csv_bytes(
        reaction_export(dropped.delivery, [("T1", (5, 4, 5, 4), ""), ("T2", (3, 3, 3, 3), "")])
    )
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(data, dropped.delivery, name="kobo.csv")
    message = str(caught.value)
    assert "row 3, column “trainee”" in message
    assert "T2 dropped out of the course: the reaction form is not theirs" in message
    assert Reaction.objects.count() == 0


def test_a_check_after_the_course_of_a_dropped_out_code_is_refused_the_one_before_is_not(dropped):
    n = len(ev.objectives(dropped.delivery))
    header = ["trainee", "phase", *(f"o{i}" for i in range(1, n + 1)), "_uuid"]
    before = [header, ["T2", "pre", *(["no"] * n), "a"]]
    result = evaluation_xlsform.import_answers(csv_bytes(before), dropped.delivery, name="l2.csv")
    assert result.created == 1
    after = [header, ["T1", "post", *(["yes"] * n), "b"], ["T2", "post", *(["yes"] * n), "c"]]
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(csv_bytes(after), dropped.delivery, name="l2.csv")
    message = str(caught.value)
    assert "row 3, column “trainee”" in message
    assert "T2 dropped out of the course: only the check before the course" in message
    assert list(LearningCheck.objects.values_list("trainee__code", "phase")) == [("T2", "pre")]
