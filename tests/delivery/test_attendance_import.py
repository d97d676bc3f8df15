"""The attendance import: CSV or XLSX, all or nothing, problems named by file, sheet, row
and column; random malformed rows never leave anything written."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from govcap.delivery import imports, services
from govcap.delivery.models import Attendance
from govcap.interchange.problems import ImportProblem


def xlsx(rows, title="Attendance") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def two(course):
    services.nominate(course.coordinator, course.delivery,
                      services.Nomination(organisation_id=course.agency.pk, gender="male"))
    return course


def marks(delivery):
    return sorted(Attendance.objects.filter(trainee__delivery=delivery).values_list(
        "trainee__code", "day", "present"))


def test_a_csv_sheet_is_imported(two):
    data = b"code,day,present,comment\nT1,1,yes,\nT1,2,no,late bus\nt2,1,Present,\nT2,2,0,\n"
    result = imports.import_attendance(data, two.delivery, user=two.provider, name="day.csv")
    assert result.marks == 4
    assert marks(two.delivery) == [("T1", 1, True), ("T1", 2, False), ("T2", 1, True),
                                   ("T2", 2, False)]


def test_an_xlsx_sheet_with_a_bad_row_names_file_sheet_row_and_column_and_writes_nothing(two):
    data = xlsx([("code", "day", "present"), ("T1", 1, "yes"), ("T2", 5, "yes"),
                 ("T3", 1, "perhaps")])
    with pytest.raises(ImportProblem) as caught:
        imports.import_attendance(data, two.delivery, user=two.coordinator, name="week.xlsx")
    text = str(caught.value)
    assert text.startswith("week.xlsx, sheet “Attendance”: 3 problems; nothing was imported")
    assert "row 3, column “day”" in text and "“5” is not a day of this course (1 to 2)" in text
    assert "row 4, column “code”" in text and "row 4, column “present”" in text
    assert marks(two.delivery) == []


def test_a_dry_run_checks_without_writing(two):
    result = imports.import_attendance(b"code,day,present\nT1,1,yes\n", two.delivery,
                                       dry_run=True)
    assert result == imports.AttendanceImport(1, True) and marks(two.delivery) == []


def test_the_command_imports_and_reports_problems(two, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("code,day,present\nT1,1,yes\nT2,1,no\n")
    bad.write_text("code,present\nT1,yes\n")
    out = io.StringIO()
    call_command("deliveries", "import-attendance", str(two.delivery.uuid), str(good), stdout=out)
    assert "2 attendance mark(s) imported" in out.getvalue()
    with pytest.raises(CommandError, match="bad.csv: the column “day” is missing; the "
                                           "sheet needs the columns “code”, “day”, "
                                           "“present”"):
        call_command("deliveries", "import-attendance", str(two.delivery.uuid), str(bad))
    out = io.StringIO()
    call_command("deliveries", "show", str(two.delivery.uuid), stdout=out)
    assert "T1" in out.getvalue() and "P?" in out.getvalue()
    out = io.StringIO()
    call_command("deliveries", "list", "--json", stdout=out)
    assert str(two.delivery.uuid) in out.getvalue()


GOOD = st.tuples(st.sampled_from(["T1", "T2", "t1"]), st.sampled_from(["1", "2"]),
                 st.sampled_from(["yes", "no", "1", "0", "x", "absent"]))
BAD = st.one_of(
    st.tuples(st.sampled_from(["T7", "", "P1", "T1 "]).filter(lambda c: c != "T1 "),
              st.just("1"), st.just("yes")),
    st.tuples(st.just("T1"), st.sampled_from(["0", "3", "-1", "one", "", "1.5", "²"]),
              st.just("yes")),
    st.tuples(st.just("T2"), st.just("1"), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8).filter(
        lambda v: v.strip().lower() not in {"yes", "y", "1", "true", "present", "p", "x", "oui",
                                            "o", "haa", "ndiyo", "no", "n", "0", "false",
                                            "absent", "a", "non", "maya", "hapana"}
        and "," not in v and "\n" not in v and "\r" not in v and '"' not in v
        and v.strip() not in ("", "-"))),  # a blank "present" leaves the mark as it is
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(good=st.lists(GOOD, max_size=6), bad=st.lists(BAD, min_size=1, max_size=3),
       at=st.integers(min_value=0, max_value=6), as_xlsx=st.booleans())
def test_random_malformed_rows_leave_nothing_written(two, good, bad, at, as_xlsx):
    rows = list(good)
    for row in bad:
        rows.insert(min(at, len(rows)), row)
    header = ("code", "day", "present")
    if as_xlsx:
        data = xlsx([header, *rows])
    else:
        data = ("\n".join(",".join(r) for r in [header, *rows]) + "\n").encode()
    before = marks(two.delivery)
    with pytest.raises(ImportProblem) as caught:
        imports.import_attendance(data, two.delivery, user=two.coordinator, name="random")
    assert caught.value.problems and all(p.row is None or p.row >= 2
                                         for p in caught.value.problems)
    assert marks(two.delivery) == before


@pytest.mark.parametrize("data", [
    b"PK\x03\x04" + bytes(range(256)) * 4,  # a damaged workbook: a ZIP header, then nothing
    bytes(range(256)) * 8,  # other bytes, named .xlsx
])
def test_a_file_named_xlsx_that_is_no_workbook_is_said_to_be_so(two, data):
    with pytest.raises(ImportProblem) as found:
        imports.import_attendance(data, two.delivery, user=two.coordinator,
                                  name="attendance.xlsx")
    said = str(found.value)
    assert "not a readable XLSX workbook" in said
    assert "ZIP" not in said and "UTF-8 text" not in said
