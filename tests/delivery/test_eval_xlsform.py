"""The level 1 and 2 forms as XLSForms, and their KoboToolbox/ODK exports read back: all or
nothing, every problem naming file, sheet, row and column; random malformed rows never
leave anything written; the same export imported twice changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from govcap.delivery import evaluation as ev
from govcap.delivery import evaluation_xlsform, services
from govcap.delivery.models import LearningCheck, Reaction
from govcap.interchange.problems import ImportProblem
from tests.interchange.xform import to_xform

KOBO_META = ("start", "end", "_id", "_uuid", "_submission_time")


@pytest.fixture
def two(course):
    services.nominate(course.coordinator, course.delivery,
                      services.Nomination(organisation_id=course.agency.pk, gender="male"))
    return course


def xlsx(rows, title="Reaction") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows) -> bytes:
    return ("\n".join(",".join(str(c) for c in r) for r in rows) + "\n").encode()


def reaction_export(delivery, rows, extra_uuid=None):
    """A KoboToolbox export of the level 1 form: XML names, its metadata columns."""
    header = ("trainee", "relevance", "quality", "trainer", "recommend", "comment",
              "govcap_delivery", *KOBO_META)
    body = [(code, *ratings, comment, str(extra_uuid or delivery.uuid), "", "", i, f"uuid-{i}",
             "2026-03-02")
            for i, (code, ratings, comment) in enumerate(rows, start=1)]
    return [header, *body]


def stored(delivery):
    return sorted(Reaction.objects.filter(trainee__delivery=delivery).values_list(
        "trainee__code", "relevance", "quality", "trainer", "recommend", "comment", "source"))


@pytest.mark.parametrize("level", [1, 2])
def test_the_xlsforms_convert_without_errors_or_warnings(course, level):
    xform = to_xform(evaluation_xlsform.xlsform_bytes(course.delivery, level, ["en", "fr"]))
    assert xform.warnings == []
    leaves = {path[-1] for path in xform.leaves()}
    assert {"trainee", "govcap_delivery"} <= leaves
    if level == 2:
        n = len(ev.objectives(course.delivery))
        assert {"phase", *(f"o{i}" for i in range(1, n + 1))} <= leaves
    else:
        assert {"relevance", "quality", "trainer", "recommend", "comment"} <= leaves


def test_the_level_2_form_asks_the_objectives_and_offers_codes_only(course):
    spec = evaluation_xlsform.build_spec(course.delivery, 2)
    labels = [f.labels["en"] for f in spec.fields() if f.name.startswith("o")]
    assert labels == [f"{i}. {t}" for i, t in enumerate(ev.objectives(course.delivery), 1)]
    assert [c.name for c in spec.choices["trainee"]] == ["T1"]


def test_an_export_is_imported_once_and_again_changes_nothing(two):
    data = csv_bytes(reaction_export(two.delivery, [("T1", (5, 4, 5, 4), "Useful"),
                                                    ("t2", (3, "", "", 2), "")]))
    first = evaluation_xlsform.import_answers(data, two.delivery, name="kobo.csv")
    assert (first.level, first.created, first.unchanged) == (1, 2, 0)
    assert stored(two.delivery) == [("T1", 5, 4, 5, 4, "Useful", "xlsform"),
                                    ("T2", 3, None, None, 2, "", "xlsform")]
    again = evaluation_xlsform.import_answers(data, two.delivery, name="kobo.csv")
    assert (again.created, again.unchanged) == (0, 2)


def test_a_level_2_export_with_labels_for_values(two):
    n = len(ev.objectives(two.delivery))
    header = ["trainee", "phase", *(f"o{i}" for i in range(1, n + 1)), "_uuid"]
    rows = [header,
            ["T1", "Before the course", *(["Not yet"] * n), "a"],
            ["T1", "post", *(["yes"] * n), "b"],
            ["T2", "pre", *(["no"] * n), "c"]]
    result = evaluation_xlsform.import_answers(xlsx(rows, "L2"), two.delivery, name="l2.xlsx")
    assert (result.level, result.created) == (2, 3)
    assert sorted(LearningCheck.objects.values_list("trainee__code", "phase", "correct")) == [
        ("T1", "post", n), ("T1", "pre", 0), ("T2", "pre", 0)]


def test_a_bad_file_names_file_sheet_row_and_column_and_writes_nothing(two):
    rows = reaction_export(two.delivery, [("T1", (5, 4, 5, 4), ""), ("T9", (5, 5, 5, 5), ""),
                                          ("T2", (6, 4, 4, 4), "")])
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(xlsx(rows), two.delivery, name="kobo.xlsx")
    message = str(caught.value)
    assert "kobo.xlsx, sheet “Reaction”" in message
    assert "row 3, column “trainee”" in message and "T9" in message
    assert "row 4, column “relevance”" in message
    assert stored(two.delivery) == []


def test_an_answer_that_differs_from_the_stored_one_is_refused_whole(two):
    link = ev.open_link(two.coordinator, two.delivery, 1)
    ev.answer_by_link(link, ev.ReactionAnswer("T1", 2, 2, 2, 2))
    data = csv_bytes(reaction_export(two.delivery, [("T2", (4, 4, 4, 4), ""),
                                                    ("T1", (5, 5, 5, 5), "")]))
    with pytest.raises(ImportProblem, match="row 3.*T1 has already answered"):
        evaluation_xlsform.import_answers(data, two.delivery, name="kobo.csv")
    assert [r[0] for r in stored(two.delivery)] == ["T1"]


def test_an_export_of_another_deliverys_form_is_refused(two):
    data = csv_bytes(reaction_export(two.delivery, [("T1", (5, 4, 5, 4), "")],
                                     extra_uuid="00000000-0000-0000-0000-000000000000"))
    with pytest.raises(ImportProblem, match="column “govcap_delivery”"):
        evaluation_xlsform.import_answers(data, two.delivery, name="other.csv")


def test_a_file_of_no_form_is_refused(two):
    with pytest.raises(ImportProblem, match="not an export of the govcap form"):
        evaluation_xlsform.import_answers(b"a,b\n1,2\n", two.delivery, name="x.csv")


def test_the_command_exports_and_imports(two, tmp_path):
    out = io.StringIO()
    form = tmp_path / "l1.xlsx"
    call_command("evaluation", "export-xlsform", "--delivery", str(two.delivery.uuid),
                 "--level", "1", "--out", str(form), stdout=out)
    assert form.exists() and "govcap_l1_" in out.getvalue()
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_bytes(reaction_export(two.delivery, [("T1", (4, 4, 4, 4), "")])))
    bad.write_bytes(csv_bytes(reaction_export(two.delivery, [("T1", (9, 4, 4, 4), "")])))
    with pytest.raises(CommandError, match="bad.csv: row 2, column “relevance”"):
        call_command("evaluation", "import", "--delivery", str(two.delivery.uuid), str(bad))
    call_command("evaluation", "import", "--delivery", str(two.delivery.uuid), str(good),
                 stdout=out)
    assert "answers imported: 1" in out.getvalue()
    with pytest.raises(CommandError, match="not a delivery UUID"):
        call_command("evaluation", "import", "--delivery", "nope", str(good))


GOOD = st.tuples(st.sampled_from(["T1", "T2", "t1"]),
                 st.tuples(*[st.sampled_from(["1", "3", "5", ""])] * 4),
                 st.sampled_from(["", "ok", "Très utile"]))
BAD = st.one_of(
    st.tuples(st.sampled_from(["T7", "", "P1", "X"]), st.just(("4", "4", "4", "4")),
              st.just("")),
    # "¹⁰" is a digit to str.isdigit() but no number to int(); ("²" folds to the choice "2")
    st.tuples(st.just("T2"), st.tuples(st.sampled_from(["0", "6", "-1", "five", "4.5", "¹⁰",
                                                        "٦"]),
                                       *[st.just("3")] * 3), st.just("")),
    st.tuples(st.just("T1"), st.just(("", "", "", "")), st.just("")),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(good=st.lists(GOOD, max_size=4), bad=st.lists(BAD, min_size=1, max_size=3),
       at=st.integers(min_value=0, max_value=4), as_xlsx=st.booleans())
def test_random_malformed_rows_leave_nothing_written(two, good, bad, at, as_xlsx):
    rows = list(good)
    for row in bad:
        rows.insert(min(at, len(rows)), row)
    table = reaction_export(two.delivery, rows)
    data = xlsx(table) if as_xlsx else csv_bytes(table)
    before = stored(two.delivery)
    with pytest.raises(ImportProblem) as caught:
        evaluation_xlsform.import_answers(data, two.delivery, name="random")
    assert caught.value.problems and all(p.row is None or p.row >= 2
                                         for p in caught.value.problems)
    assert stored(two.delivery) == before


@pytest.mark.parametrize("level", [1, 2])
def test_a_form_asked_in_a_language_is_titled_and_defaults_in_it(course, level):
    """?lang=fr: the form's title and its default language were English ("— Level 1:
    reaction", "English (en)") whatever the language asked for."""
    from django.urls import reverse
    from openpyxl import load_workbook

    from tests.security.helpers import client_for

    url = reverse("evaluation-xlsform", args=[course.delivery.uuid, level])
    body = client_for(course.coordinator).get(url, {"lang": "fr"}).content
    settings_sheet = load_workbook(io.BytesIO(body))["settings"]
    row = dict(zip([c.value for c in settings_sheet[1]], [c.value for c in settings_sheet[2]],
                   strict=True))
    assert row["default_language"] == "French (fr)"
    assert ("Niveau 1" if level == 1 else "Niveau 2") in row["form_title"]
    assert "Level" not in row["form_title"]
