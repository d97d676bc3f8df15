"""One organisation's plan says a course it shares the same way on its page and in its
documents: its own name with how many other organisations attend, never their names (the
organisation's page listed "State Department for Immigration…, Office of the Data Protection
Commissioner, …" where its DOCX, PDF and workbook say "Kenya Revenue Authority with 5 other
organisations")."""

from __future__ import annotations

import io
import re
import subprocess

from django.urls import reverse
from openpyxl import load_workbook

from govcap.reports import documents
from tests.planning.test_plan_views import planned  # noqa: F401  (the fixture)
from tests.reports.test_docx import docx_text


def test_the_page_and_every_document_count_the_others_and_name_none(client, planned):  # noqa: F811
    plan = planned.plan
    shared = [c for c in plan.data["cohorts"] if len(c["members"]) > 1]
    assert shared, "the fixture's two organisations share a course"
    names = {o["org_id"]: o["org_name"] for o in plan.data["organisations"]}
    own = shared[0]["members"][0]["org_id"]
    other = next(n for o, n in names.items() if o != own)
    said = f"{names[own]} with 1 other organisation"
    client.force_login(planned.viewer)
    page = client.get(reverse("plan-organisation", args=[planned.engagement.slug, own]))
    text = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    assert said in text
    assert other not in text
    word = " ".join(docx_text(documents.render(plan, "docx", org_id=own,
                                               language="en")).split())
    assert said in word and other not in word
    pdf = subprocess.run(["pdftotext", "-", "-"], input=documents.render(
        plan, "pdf", org_id=own, language="en"), capture_output=True, check=True).stdout
    assert other not in " ".join(pdf.decode().split())
    book = load_workbook(io.BytesIO(documents.render(plan, "xlsx", org_id=own, language="en")))
    cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value]
    assert any(said in c for c in cells)
    assert not [c for c in cells if other in c]
