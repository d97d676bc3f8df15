"""Recognising the columns of KoboToolbox and ODK Central exports (no database)."""

from __future__ import annotations

import pytest

from govcap.interchange.headers import KOBO, ODK, UNKNOWN, map_columns
from govcap.interchange.problems import ImportProblem

REQUIRED = ["consent", "organisation", "session_date", *(f"s{n}_level" for n in range(1, 9))]


def headers(style: str, extra: list[str] = ()) -> list[str]:
    group = {"consent": "", "organisation": "session", "session_date": "session"}
    out = []
    for name in REQUIRED:
        g = group.get(name, name.split("_")[0])
        out.append({"kobo": f"{g}/{name}" if g else name,
                    "odk": f"{g}-{name}" if g else name,
                    "bare": name,
                    "dot": f"data.{g}.{name}" if g else name}[style])
    return [*out, *extra]


@pytest.mark.parametrize("style", ["kobo", "odk", "bare", "dot"])
def test_xml_name_headers_are_read_whatever_the_group_separator(spec, style):
    columns = map_columns(headers(style, ["_uuid"]), spec)
    assert set(columns.fields) == set(REQUIRED)
    assert columns.style == "XML names"


def test_a_group_prefix_must_be_the_fields_own_group(spec):
    with pytest.raises(ImportProblem, match="lacks the columns of these questions.*s1_level"):
        map_columns([h.replace("s1/s1_level", "s2/s1_level") for h in headers("kobo", ["_uuid"])],
                    spec)


@pytest.mark.parametrize("extra, tool, instance_column", [
    (["_id", "_uuid", "_submission_time", "__version__"], KOBO, "_uuid"),
    (["_uuid", "meta/rootUuid"], KOBO, "meta/rootUuid"),
    (["SubmissionDate", "meta-instanceID", "KEY", "FormVersion"], ODK, "KEY"),
    (["meta/instanceID"], UNKNOWN, "meta/instanceID"),
])
def test_the_tool_and_its_submission_id_column_are_recognised(spec, extra, tool, instance_column):
    columns = map_columns(headers("kobo", extra), spec)
    assert columns.tool == tool
    assert columns.header("instance_id") == instance_column
    assert columns.ignored == ()


def test_label_headers_with_or_without_the_group_label(spec):
    labels = ["Did every participant give informed consent to take part in this discussion?",
              "Session/Ministry or agency", "date of the discussion",
              *(f"{n}.1 Agreed level" for n in range(1, 9)), "_uuid"]
    labels[3] = "1. Using systems thinking and design thinking / 1.1 Agreed level"
    columns = map_columns(labels, spec)
    assert set(columns.fields) == set(REQUIRED)
    assert columns.label_languages == ("en",)


def test_unknown_columns_are_listed_as_ignored(spec):
    columns = map_columns(headers("kobo", ["_uuid", "my_extra", "meta/instanceName"]), spec)
    assert columns.ignored == ("my_extra",)


def test_two_columns_for_one_question_are_refused(spec):
    with pytest.raises(ImportProblem, match="both hold the question s3_level"):
        map_columns(headers("kobo", ["_uuid", "s3-s3_level"]), spec)


def test_a_file_without_submission_ids_is_refused(spec):
    with pytest.raises(ImportProblem, match="no submission ID column"):
        map_columns(headers("kobo"), spec)


def test_a_file_of_another_form_is_refused(spec):
    # the form named by its title, its id in brackets (it read "the govcap form govstack-rsa")
    with pytest.raises(ImportProblem, match="not an export of the govcap form “Skills "
                                            "Assessment Focus Group Discussion: Open-Ended "
                                            r"Questions” \(govstack-rsa\) version 1.0.*begin: "
                                            "name, age"):
        map_columns(["name", "age", "_uuid"], spec)


def test_a_file_exported_from_an_earlier_form_is_still_read(spec):
    # the French form said "Degré de confiance dans ce niveau" and "Moyen" before it said the
    # pages' "Confiance dans ce niveau" and "Moyenne": those files are read all the same
    from govcap.interchange.rows import _RowParser

    fields = {f.name: f for f in spec.fields()}
    assert fields["s1_confidence"].former["fr"] == "1.3 Degré de confiance dans ce niveau"
    parser = _RowParser(None, spec)  # type: ignore[arg-type]  # the choices only
    assert parser.choices["confidence"]["moyen"] == "medium"
    assert parser.choices["confidence"]["moyenne"] == "medium"
