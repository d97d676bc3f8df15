"""A course's organisations one a line in the plan documents (issue 15): in the Arabic PDF
the Cohorts table's narrow column ran "Ministry of ICT، ICT Authority" on and broke inside
a name; each name now has its line, held left to right whole."""

from __future__ import annotations

import io
import re

import pytest
from django.utils import translation

from govcap.reports import documents
from govcap.reports.build import build_document
from govcap.reports.pdf import render_html
from tests.reports.test_json_language import plan  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def test_each_organisation_of_a_shared_course_has_its_line(world, plan):  # noqa: F811
    shared = next(c for c in plan.plan_data().cohorts if len(c.org_ids) == 2)
    names = sorted((world.agency.name, world.ministry.name), key=str.casefold)
    with translation.override("ar"):
        ctx = documents._context(plan, None, "ar")
    html = render_html(build_document(plan.plan_data(), ctx, plan.catalogue.parsed("ar")))
    lines = "".join(f'<span class="line"><bdi dir="ltr">{n}</bdi></span>' for n in names)
    assert f"<td>{lines}</td>" in html, shared.cohort_id
    assert not re.search(re.escape(names[0]) + r"\W{1,3}" + re.escape(names[1]), html)
    # the places each sends, in "Who is nominated", one a line too
    assert re.search(
        r'<span class="line"><bdi dir="ltr">[^<]*' + re.escape(names[1]) + r"[^<]*</bdi>", html
    )


def test_the_docx_breaks_the_line_between_the_names(world, plan):  # noqa: F811
    from docx import Document

    body = Document(io.BytesIO(documents.render(plan, "docx", language="ar")))
    names = sorted((world.agency.name, world.ministry.name), key=str.casefold)
    texts = {c.text for t in body.tables for row in t.rows for c in row.cells}
    assert "\n".join(names) in texts
