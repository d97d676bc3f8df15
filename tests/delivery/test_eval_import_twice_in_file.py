"""A participant given twice in an imported evaluation file is said to be given twice in
the file, with both rows, not to have "already answered" (issue 17, fresh eyes): nothing
of the file is stored, and the first row may itself be refused."""

from __future__ import annotations

import pytest

from govcap.delivery import evaluation_xlsform, services
from govcap.delivery.models import Reaction
from govcap.interchange.problems import ImportProblem
from tests.delivery.test_eval_xlsform import csv_bytes, reaction_export


@pytest.fixture
def two(course):
    """The course with a second nominee, T2."""
    services.nominate(
        course.coordinator,
        course.delivery,
        services.Nomination(organisation_id=course.agency.pk, gender="male"),
    )
    return course


def test_a_participant_twice_in_the_file_is_named_with_both_rows(two):
    # header row 1; T2 row 2, T1 row 3 (refused: rating 7), T1 again row 4
    rows = reaction_export(
        two.delivery, [("T2", (4, 4, 4, 4), ""), ("T1", (7, 4, 4, 4), ""), ("T1", (5, 5, 5, 5), "")]
    )
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(csv_bytes(rows), two.delivery, name="kobo.csv")
    message = str(caught.value)
    assert "“7” is not a rating from 1 to 5" in message
    assert (
        "T1 is given twice in the file (rows 3 and 4): a participant answers the form once"
    ) in message
    assert "already answered" not in message
    assert not Reaction.objects.filter(trainee__delivery=two.delivery).exists()
