"""Malformed exports end in one clear error or a clean import: never a traceback, never a
partial write. Bounded by the active hypothesis profile (tests/conftest.py)."""

from __future__ import annotations

import csv
import io
import uuid

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Quote, Rating, Session
from govcap.interchange.headers import header_score
from govcap.interchange.plan import Context, OrganisationRef, make_plan
from govcap.interchange.problems import ImportProblem
from govcap.interchange.services import import_submissions
from govcap.interchange.tables import read_table
from tests.interchange.conftest import SPEC, fixture_bytes

KOBO_ROWS = list(csv.reader(io.StringIO(fixture_bytes("kobo-xml-values.csv").decode("utf-8"),
                                        newline=""), delimiter=";"))
FIXTURES = [fixture_bytes(n) for n in ("kobo-xml-values.csv", "odk-central.csv",
                                       "kobo-labels.xlsx")]
CONTEXT = Context("Kenya — baseline 2026", "Kenya", "KE", "govstack-rsa", "1.0", organisations=(
    OrganisationRef(1, "Ministry of ICT", "MoICT"), OrganisationRef(2, "ICT Authority", "ICTA")))
ALLOW_DB = settings(suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

PLAUSIBLE = ["", "yes", "no", "Yes", "Oui", "high", "moderate", "basic", "not_assessed",
             "Not assessed", "Modéré", "low", "medium", "2026-03-10", "2026-02-30",
             "10/03/2026", "7", "0", "7.0", "-1", "P1", "P1 P2", "P99", "-", "Ministry of ICT",
             "MoICT", "ICTA", "Somalia", "Kenya", "1.0", "1.1", "govstack-rsa", "=1+1",
             "@SUM(A1)", "\x00", "a\nb", '"', ";", ",", "uuid:" + "0" * 36]
values = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=40))


def check_problem(exc: ImportProblem) -> None:
    assert exc.problems, "an ImportProblem lists its problems"
    for p in exc.problems:
        assert isinstance(p.reason, str) and p.reason
        assert p.row is None or p.row >= 1
    assert str(exc)


def plan_or_problem(data: bytes) -> None:
    try:
        make_plan(read_table(data, "fuzz", header_score(SPEC)), SPEC, CONTEXT)
    except ImportProblem as exc:
        check_problem(exc)
        event("refused")
    else:
        event("read")


@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_clearly(data):
    plan_or_problem(data)


@given(st.sampled_from(FIXTURES), st.data())
def test_damaged_exports_are_refused_clearly_or_read(original, data):
    raw = bytearray(original)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        at = data.draw(st.integers(0, max(0, len(raw) - 1)), label="at")
        edit = data.draw(st.sampled_from(["flip", "cut", "insert", "truncate"]), label="edit")
        if edit == "flip" and raw:
            raw[at] ^= data.draw(st.integers(1, 255), label="mask")
        elif edit == "cut":
            del raw[at:at + data.draw(st.integers(1, 40), label="length")]
        elif edit == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=20), label="bytes")
        else:
            del raw[at:]
    plan_or_problem(bytes(raw))


def mutated_kobo(data: st.DataObject) -> tuple[list[str], list[list[str]]]:
    header, rows = list(KOBO_ROWS[0]), [list(r) for r in KOBO_ROWS[1:]]
    for row in rows:  # fresh submissions, so that a clean file really imports
        row[header.index("_uuid")] = str(uuid.UUID(int=data.draw(st.integers(0, 2**128 - 1),
                                                                 label="uuid")))
    for _ in range(data.draw(st.integers(0, 6), label="changes")):
        r = data.draw(st.integers(0, len(rows) - 1), label="row")
        c = data.draw(st.integers(0, len(header) - 1), label="column")
        rows[r][c] = data.draw(values, label="value")
    if data.draw(st.booleans(), label="drop a column"):
        c = data.draw(st.integers(0, len(header) - 1), label="dropped")
        header.pop(c)
        for row in rows:
            row.pop(c)
    if data.draw(st.booleans(), label="rename a header"):
        header[data.draw(st.integers(0, len(header) - 1))] = data.draw(values, label="header")
    return header, rows


def as_csv(header: list[str], rows: list[list[str]], delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerows([header, *rows])
    return out.getvalue().encode("utf-8")


def as_xlsx(header: list[str], rows: list[list[str]]) -> bytes:
    wb = Workbook()
    for row in [header, *rows]:
        wb.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (Session.objects.count(), Rating.objects.count(), Quote.objects.count(),
            AuditEvent.objects.count())


@ALLOW_DB
@given(data=st.data(), fmt=st.sampled_from([",", ";", "\t", "xlsx"]))
def test_malformed_files_import_whole_or_not_at_all(world, data, fmt):
    header, rows = mutated_kobo(data)
    payload = as_xlsx(header, rows) if fmt == "xlsx" else as_csv(header, rows, fmt)
    before = counts()
    try:
        report = import_submissions(payload, world.engagement, name="fuzz")
    except ImportProblem as exc:
        check_problem(exc)
        assert counts() == before, "a refused file wrote something"
        event("refused")
        return
    event(f"imported {len(report.created)} sessions")
    created = len(report.created)
    sessions, ratings, _quotes, audit = counts()
    assert (sessions, audit) == (before[0] + created, before[3] + created)
    assert ratings == before[1] + 8 * created
    for session in report.created:
        assert session.status == Session.Status.SUBMITTED
        assert session.ratings.filter(rater=None).count() == 8
        assert all(r.is_complete for r in session.ratings.all())
