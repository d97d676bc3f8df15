"""Hostile text typed anywhere is stored as typed, escaped in HTML, never a formula in CSV
or XLSX, and never breaks a page or a document."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import uuid

import pytest
from django.urls import reverse

from govcap.assessments import privacy
from govcap.assessments.models import ParticipantIdentity, Quote, Rating
from govcap.orgs.models import Organisation
from tests.security.corpus import (
    CORPUS,
    HUGE,
    SHORT_CORPUS,
    assert_cells_safe,
    assert_csv_safe,
    assert_html_escaped,
)
from tests.security.helpers import client_for

SECTION = "change-management"


def save(client, session, field: str, value: str):
    return client.post(reverse("save-field", args=[session.uuid]), json.dumps({
        "op_id": str(uuid.uuid4()), "section": SECTION, "field": field, "value": value,
        "base_revision": Rating.objects.filter(session=session, section_key=SECTION)
        .values_list("field_revisions", flat=True).first().get(field, 0)
        if Rating.objects.filter(session=session, section_key=SECTION).exists() else 0,
    }), content_type="application/json")


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_typed_notes_are_saved_or_refused_cleanly_and_shown_escaped(consented, name):
    client = client_for(consented.facilitator)
    value = CORPUS[name]
    response = save(client, consented.session, "notes", value)
    if value is HUGE:
        assert response.status_code == 400 and "too large" in response.json()["message"]
        return
    assert response.status_code == 200, response.content[:200]
    stored = Rating.objects.get(session=consented.session, section_key=SECTION).notes
    assert stored == value.replace("\x00", "")
    for page in ("section", "session-summary"):
        args = [consented.session.uuid, SECTION] if page == "section" else [consented.session.uuid]
        html = client.get(reverse(page, args=args)).content.decode()
        assert_html_escaped(html)


@pytest.fixture
def hostile(consented):
    """Corpus text in every place a person types: organisation, engagement, place,
    participants (role and name), notes, evidence, dissent and quotes (1 MB among them)."""
    w = consented
    Organisation.objects.filter(pk=w.ministry.pk).update(name=f"{CORPUS['script']} Ministry")
    Organisation.objects.filter(pk=w.agency.pk).update(name=CORPUS["formula_cmd"])
    type(w.engagement).objects.filter(pk=w.engagement.pk).update(
        name=CORPUS["img"], project_name=CORPUS["attribute"][:120])
    type(w.session).objects.filter(pk=w.session.pk).update(place=CORPUS["rtl_override"])
    participant = w.session.participants.first()
    participant.role_title = CORPUS["script"]
    participant.save()
    ParticipantIdentity.objects.create(participant=participant, name=CORPUS["formula_cmd"],
                                       contact=CORPUS["formula_hyperlink"])
    Rating.objects.create(session=w.session, section_key=SECTION, level="basic",
                          notes=HUGE + CORPUS["script"], evidence=CORPUS["amharic"],
                          dissent=CORPUS["arabic"] + CORPUS["img"])
    for text in SHORT_CORPUS.values():
        Quote.objects.create(session=w.session, section_key=SECTION, text=text,
                             participant=participant)
    w.session.refresh_from_db()
    return w


def test_every_session_page_escapes_what_people_typed(hostile):
    client = client_for(hostile.admin)
    urls = [reverse("home"), reverse("engagement", args=[hostile.engagement.slug]),
            reverse("session-history", args=[hostile.session.uuid])]
    urls += [reverse(n, args=[hostile.session.uuid]) for n in (
        "session", "session-guide", "session-consent", "session-summary")]
    urls.append(reverse("section", args=[hostile.session.uuid, SECTION]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_html_escaped(html)
    section = client.get(urls[-1]).content.decode()
    assert CORPUS["amharic"] in section and CORPUS["arabic"] in section
    assert "&lt;script&gt;" in section


def test_the_history_csv_has_no_formula_cells(consented):
    client = client_for(consented.facilitator)
    for name in ("formula_cmd", "formula_hyperlink", "formula_plus", "formula_minus",
                 "formula_at", "tab_formula", "arabic", "rtl_override"):
        assert save(client, consented.session, "notes", CORPUS[name]).status_code == 200
    body = client_for(consented.coordinator).get(
        reverse("session-history-csv", args=[consented.session.uuid])).content.decode()
    assert_csv_safe(body)
    assert "'=cmd|" in body and CORPUS["arabic"] in body


def test_the_identified_export_has_no_formula_cells(hostile, tmp_path):
    out = tmp_path / "identified.csv"
    assert privacy.export_identified(hostile.engagement, out) == 1
    text = out.read_text(encoding="utf-8")
    assert_csv_safe(text)
    assert "'=cmd|" in text


@pytest.fixture
def hostile_plan(world):
    from govcap.planning.catalogues import ensure_default_catalogue
    from govcap.planning.services import generate
    from tests.planning.test_plan_models import validated

    ensure_default_catalogue()
    Organisation.objects.filter(pk=world.ministry.pk).update(name=CORPUS["formula_cmd"])
    Organisation.objects.filter(pk=world.agency.pk).update(name=CORPUS["script"])
    notes = " ".join(SHORT_CORPUS.values())
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"}, notes=notes)
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"},
              notes=CORPUS["formula_hyperlink"])
    world.plan = generate(world.engagement, world.coordinator)
    return world


def plan_download(world, fmt: str) -> bytes:
    response = client_for(world.coordinator).get(
        reverse("plan-download", args=[world.engagement.slug, fmt]))
    if response.status_code == 404 and b"not available" in response.content:
        pytest.skip(f"plan {fmt} documents are not in this build yet")
    assert response.status_code == 200, response.content[:200]
    return response.content


def test_plan_pages_escape_names_and_notes(hostile_plan):
    client = client_for(hostile_plan.coordinator)
    html = client.get(reverse("plan", args=[hostile_plan.engagement.slug])).content.decode()
    assert_html_escaped(html)


OWN_FORMULA = re.compile(r"=(?:[A-Z]+\d+|'[A-Za-z ]+'!\$?[A-Z]+\$?\d+|SUM\([A-Z]+\d+:[A-Z]+\d+\)|"
                         r"ROUND[A-Z]*\(|[-+*/(),.\d ])+")
# The other sheets' amounts: a SUMIFS over the budget lines (whole, J, or one organisation's
# share, O) by a module code and cohort number, a module code or
# a category name (never a name or note anyone typed), or a reference to the contingency.
LINES = r"'Budget lines'!"
LINE_FORMULA = re.compile(rf"=SUMIFS\({LINES}\$[JO]:\$[JO](?:,{LINES}\$[BDE]:\$[BDE],"
                          rf"(?:\"[\w /.-]+\"|\d+))+\)|={LINES}\$[JO]\$\d+")
COMPUTED_SHEETS = ("Cohorts", "Budget", "Per organisation")


def test_the_plan_workbook_computes_only_its_own_budget_formulas(hostile_plan):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(plan_download(hostile_plan, "xlsx")))
    formulas = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                # the budget's own arithmetic over cell references, never text from anyone
                if sheet.title in COMPUTED_SHEETS:
                    assert (LINE_FORMULA.fullmatch(cell.value)
                            or OWN_FORMULA.fullmatch(cell.value)), cell.value
                else:
                    assert sheet.title == "Budget lines", f"{sheet.title}!{cell.coordinate}"
                    assert OWN_FORMULA.fullmatch(cell.value), cell.value
                formulas += 1
            assert_cells_safe(cell.value for cell in row if cell.data_type != "f")
    assert formulas  # the budget recomputes from its unit rates


def test_the_plan_json_keeps_the_text_as_typed(hostile_plan):
    data = json.loads(plan_download(hostile_plan, "json"))
    assert CORPUS["formula_cmd"] in json.dumps(data, ensure_ascii=False)


def test_the_plan_document_keeps_the_text_as_text(hostile_plan):
    import docx

    document = docx.Document(io.BytesIO(plan_download(hostile_plan, "docx")))
    xml = document.element.xml
    assert "<script>" not in xml
    # the table of contents is the one field: no name or note became a field instruction
    assert re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml) == [
        'TOC \\o "1-1" \\h \\z \\u']
    assert xml.count("<w:fldChar") == 3  # its begin, separate and end


def test_the_plan_pdf_renders(hostile_plan):
    pytest.importorskip("weasyprint")
    body = plan_download(hostile_plan, "pdf")
    assert body.startswith(b"%PDF")


def test_long_and_hostile_names_in_forms_are_refused_or_escaped(world):
    client = client_for(world.coordinator)
    for name in (CORPUS["script"], CORPUS["rtl_override"], CORPUS["amharic"], HUGE):
        response = client.post(reverse("engagement-add-organisation",
                                       args=[world.engagement.slug]), {"name": name}, follow=True)
        assert response.status_code == 200
        assert_html_escaped(response.content.decode())
    assert not Organisation.objects.filter(name=HUGE).exists()
    assert Organisation.objects.filter(name=CORPUS["amharic"]).exists()
