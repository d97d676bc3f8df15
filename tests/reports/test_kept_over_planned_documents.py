"""A course kept from an earlier version and nominated beyond what the plan counts (the
demo's Djibouti SVC-101: 14 nominated, the plan's 12 in its participants and cost) was
warned of on the plan page only. The plan's documents — the coordinator's and the donor's
— say it under the cohorts and beside the course's state in the workbook; the minister's
brief does not (it asks for decisions, and a kept course needs none)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from govcap.delivery.models import Delivery
from govcap.reports import documents
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text
from tests.reports.test_kept_overdue import djibouti  # noqa: F401  (the fixture)


@pytest.mark.django_db
def test_the_documents_say_a_kept_course_runs_with_more_than_planned(djibouti):  # noqa: F811
    plan, _kept = djibouti
    over = []
    for c in plan.data["cohorts"]:
        if not c.get("carried_from"):
            continue
        delivery = Delivery.objects.get(engagement=plan.engagement, cohort_id=c["cohort_id"],
                                        plan__version=c["carried_from"])
        if delivery.trainees.count() > c["participants"]:
            over.append((c["module_code"], delivery.trainees.count(), c["participants"]))
    assert over, "the demo's Djibouti keeps SVC-101 with more nominated than planned"
    text = normalise(docx_text(documents.render(plan, "docx", language="en")))
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    book = load_workbook(io.BytesIO(documents.render(plan, "xlsx", language="en")))
    rows = [[c.value for c in r] for r in book["Cohorts"].iter_rows()]
    status = rows[0].index("Status")
    for code, n, planned in over:
        said = (f"{n} participants nominated, more than the {planned} this plan counts and "
                "costs for it; the plan's participants and cost are not what the course runs "
                "with.")
        assert f"{code} " in text and f": {said}" in text
        row = next(r for r in rows if r[2] == code)
        assert row[status].endswith(f"; {code}: {said}")
        assert said not in brief
