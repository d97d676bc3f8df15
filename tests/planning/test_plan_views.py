"""The plan pages and commands: permissions, edits through forms, downloads, the demo."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from govcap.assessments import sharing
from govcap.orgs.models import Engagement
from govcap.planning import inputs_db
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import Catalogue, Plan, PlanEdit, PlanSettings
from govcap.planning.services import generate
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.planning.test_plan_models import validated


@pytest.fixture
def planned(world):
    ensure_default_catalogue()
    session = validated(world, world.ministry, dt.date(2026, 3, 1),
                        {"enterprise-architecture": "basic", "change-management": "basic"},
                        notes="No shared standards. Kept in the room.")
    rating = session.ratings.get(section_key="enterprise-architecture")
    sharing.share(world.coordinator, session, f"notes:{rating.uuid}", "No shared standards.")
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    world.plan = generate(world.engagement, world.coordinator)
    return world


def url(name: str, world, *args: object) -> str:
    return reverse(name, args=[world.engagement.slug, *args])


def test_it_shows_the_plan_to_readers(client, planned):
    for user in (planned.viewer, planned.manager, planned.coordinator, planned.admin):
        client.force_login(user)
        page = client.get(url("plan", planned)).content.decode()
        assert "Needs by priority" in page and "No shared standards." in page
        assert "Training load per organisation" in page
        assert "Kept in the room" not in page  # the part left out when sharing
        assert ("Approve this version" in page) == (user in (planned.coordinator,
                                                             planned.admin))
    org = planned.plan.data["organisations"][0]["org_id"]
    assert client.get(url("plan-organisation", planned, org)).status_code == 200


def test_the_gaps_table_shows_the_shared_notes_as_the_documents_do(client, planned):
    # Its column "Benchmark and notes" showed the benchmark alone; the documents' annex
    # quotes the shared wording of the notes beside it, never the part kept internal
    client.force_login(planned.coordinator)
    page = client.get(url("plan", planned)).content.decode()
    card = page.split("Gaps and the evidence behind them", 1)[1].split("</table>", 1)[0]
    row = next(r for r in card.split("<tr>")
               if "Using well defined architecture" in r and planned.ministry.name in r)
    assert "Benchmark and notes" in card and "Notes: “No shared standards. …”" in row
    assert "Kept in the room" not in card


def test_other_countries_and_viewers_cannot_touch_it(client, planned):
    client.force_login(planned.outsider)
    assert client.get(url("plan", planned)).status_code == 404
    assert client.post(url("plan-generate", planned)).status_code == 404
    client.force_login(planned.viewer)
    assert client.post(url("plan-generate", planned)).status_code == 403
    assert client.post(url("plan-approve", planned, 1)).status_code == 403
    assert client.post(url("plan-edit", planned, "lock-cohort"),
                       {"op_id": "v1", "cohort": "x"}).status_code == 403
    assert client.get(url("plan-settings", planned)).status_code == 403
    assert client.get(reverse("plan-catalogue")).status_code == 403
    assert not PlanEdit.objects.exists()


def test_a_viewer_of_one_organisation_reads_only_its_plan(client, planned, make_user):
    from govcap.accounts.models import Role

    narrow = make_user("narrow", Role.VIEWER, planned.engagement, planned.agency)
    client.force_login(narrow)
    response = client.get(url("plan", planned))
    assert response.status_code == 302 and str(planned.agency.uuid) in response["Location"]
    assert client.get(url("plan-organisation", planned, planned.agency.uuid)).status_code == 200
    assert client.get(url("plan-organisation", planned, planned.ministry.uuid)).status_code == 404
    assert client.get(url("plan-download", planned, "json")).status_code == 404
    assert client.get(url("plan-download", planned, "json")
                      + f"?org={planned.agency.uuid}").status_code == 200


def test_coordinator_edits_regenerates_and_approves(client, planned):
    client.force_login(planned.coordinator)
    cohort = planned.plan.data["cohorts"][0]
    month = [m for m in planned.plan.data["months"] if m != cohort["month"]][0]
    response = client.post(url("plan-edit", planned, "move-cohort"),
                           {"op_id": "op-1", "cohort": cohort["cohort_id"], "month": month})
    assert response.status_code == 302
    assert PlanEdit.objects.get(op_id="op-1").last_status == "applied"
    client.post(url("plan-edit", planned, "lock-cohort"),
                {"op_id": "op-2", "cohort": cohort["cohort_id"]})
    assert PlanEdit.objects.get(op_id="op-2").last_status == "applied"
    # (not a need of the course kept: one organisation fewer would break the keep)
    need = next(n for n in planned.plan.data["needs"]
                if n["module_code"] != cohort["module_code"])
    client.post(url("plan-edit", planned, "drop-module"),
                {"op_id": "op-3", "need": f"{need['org_id']}|{need['module_code']}"})
    assert PlanEdit.objects.count() == 3
    client.post(url("plan-approve", planned, 1))
    plan = Plan.objects.get(engagement=planned.engagement, version=1)
    assert plan.is_read_only
    response = client.post(url("plan-edit", planned, "drop-module"),
                           {"op_id": "op-4", "need": f"{need['org_id']}|{need['module_code']}"},
                           follow=True)
    assert "read-only" in response.content.decode()
    assert PlanEdit.objects.count() == 3
    client.post(url("plan-generate", planned))
    assert Plan.objects.filter(engagement=planned.engagement).count() == 2


def test_settings_page_saves_targets(client, planned, monkeypatch):
    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(2026, 3, 4))
    client.force_login(planned.coordinator)
    assert client.get(url("plan-settings", planned)).status_code == 200
    form = {"default_level": "moderate", "strategic_level": "high", "sustain_high": "on",
            "strategic_sections": ["enterprise-architecture"], "start_month": "2026-07",
            "horizon_months": 9, "max_parallel": 4, "max_parallel_per_domain": "",
            "participants_per_org": 4, "max_participants_per_org": 8, "currency": "kes",
            "exchange_rate": "129.5", "funding_source": "EU", "blackout": "2026-12",
            "costs": "EA-101: 90 / 2500", "days_per_month": 6, "days_per_quarter": 15,
            "staff_away": 8, "fiscal_year_end_month": 1, "block_holidays": "on",
            "women_target_percent": 40, "lead_weeks": 8, f"staff_away_{planned.agency.pk}": 5,
            f"target_{planned.agency.pk}_change-management": "high"}
    response = client.post(url("plan-settings", planned), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    settings = PlanSettings.objects.get(engagement=planned.engagement)
    assert settings.currency == "KES" and settings.blackout_months == ["2026-12"]
    assert settings.women_target_percent == 40
    assert settings.target_overrides == {str(planned.agency.uuid): {"change-management": "high"}}
    assert settings.cost_overrides["EA-101"] == {"per_participant_day": "90",
                                                 "per_cohort": "2500"}
    plan = generate(planned.engagement, planned.coordinator)
    assert plan.version == 2 and plan.data["currency"] == "KES"
    assert plan.data["months"][0] == "2026-07" and "2026-12" in plan.data["blackout_months"]
    assert settings.capacity_overrides == {str(planned.agency.uuid): {"staff_away": 5}}
    assert plan.data["settings"]["constraints"]["days_per_quarter"] == 15
    assert "2027-01" in plan.data["blackout_months"]  # the fiscal year-end month
    bad = client.post(url("plan-settings", planned), {**form, "start_month": "July"})
    assert bad.status_code == 200 and "YYYY-MM" in bad.content.decode()
    bad = client.post(url("plan-settings", planned), {**form, "days_per_quarter": 4,
                                                       f"participants_{planned.agency.pk}": 6})
    page = bad.content.decode()
    assert bad.status_code == 200 and "A quarter cannot take fewer training days" in page
    assert "6 participants but only 5 staff can be away at once" in page


def test_a_start_month_in_the_past_moves_to_the_first_month_the_lead_time_allows(planned,
                                                                                 monkeypatch):
    # dated 4 Dec 2026, 8 weeks (the default) on is 29 Jan 2027: February is the first month
    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(2026, 12, 4))
    PlanSettings.objects.filter(engagement=planned.engagement).update(start_month="2025-05")
    plan = generate(planned.engagement, planned.coordinator)
    constraints = plan.data["settings"]["constraints"]
    assert plan.data["months"][0] == "2027-02" == constraints["first_month"]
    assert constraints["start_month"] == "2025-05" and constraints["plan_date"] == "2026-12-04"
    assert constraints["lead_weeks"] == 8
    assert all(c["month"] >= "2027-02" for c in plan.data["cohorts"] if c["month"])


def test_the_settings_page_saves_the_lead_time_and_refuses_more_than_a_year(client, planned,
                                                                           monkeypatch):
    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(2026, 12, 1))
    client.force_login(planned.coordinator)
    page = client.get(url("plan-settings", planned)).content.decode()
    assert "Weeks before the first course" in page and "nominate participants" in page
    settings = PlanSettings.objects.get(engagement=planned.engagement)
    assert settings.lead_weeks == 8  # the default
    form = {k: v for k, v in settings.as_dict().items()
            if v is not None and not isinstance(v, (dict, list))}
    form.update({"catalogue": "", "start_month": "2026-01", "lead_weeks": 60})
    refused = client.post(url("plan-settings", planned), form)
    assert refused.status_code == 200
    assert "Ensure this value is less than or equal to 52." in refused.content.decode()
    assert PlanSettings.objects.get(engagement=planned.engagement).lead_weeks == 8
    response = client.post(url("plan-settings", planned), {**form, "lead_weeks": 4})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert PlanSettings.objects.get(engagement=planned.engagement).lead_weeks == 4
    # dated 1 Dec with 4 weeks: 29 Dec is the earliest day, so January 2027 (8 weeks: February)
    plan = generate(planned.engagement, planned.coordinator)
    assert plan.data["months"][0] == "2027-01"
    assert plan.data["settings"]["constraints"]["lead_weeks"] == 4


def test_downloads(client, planned):
    client.force_login(planned.viewer)
    response = client.get(url("plan-download", planned, "json"))
    assert response.status_code == 200
    assert response.content.decode() == planned.plan.data_json
    org = str(planned.agency.uuid)
    narrowed = json.loads(client.get(url("plan-download", planned, "json") + f"?org={org}")
                          .content)
    assert {o["org_id"] for o in narrowed["organisations"]} == {org}
    response = client.get(url("plan-download", planned, "docx"))
    # rendered through govcap.reports.plan, or a clear 404 while a renderer is missing
    if response.status_code == 404:
        assert b"not available" in response.content
    else:
        assert response.status_code == 200 and response.content[:2] == b"PK"
        assert "plan-kenya" in response["Content-Disposition"]


def test_admin_edits_a_catalogue_module(client, planned):
    client.force_login(planned.admin)
    page = client.get(reverse("plan-catalogue")).content.decode()
    assert "EA-101" in page
    module_url = reverse("plan-catalogue-module", args=["EA-101"])
    form = client.get(module_url).context["form"]
    data = {**{k: v for k, v in form.initial.items()}, "days": 2}
    assert client.post(module_url, data).status_code == 302
    assert Catalogue.objects.filter(version="1.1.1").exists()
    bad = client.post(module_url, {**data, "prerequisites": "ZZ-999"})
    assert "unknown module" in bad.content.decode()


def test_cli_generates_and_exports(planned, tmp_path):
    out = io.StringIO()
    call_command("plan", "generate", planned.engagement.slug, stdout=out)
    assert "needs" in out.getvalue() and "total budget" in out.getvalue()
    target = tmp_path / "plan.json"
    call_command("plan", "export", planned.engagement.slug, "--format", "json", "--out",
                 str(target), "--organisation", "ICTA", stdout=io.StringIO())
    data = json.loads(target.read_text())
    assert [o["org_name"] for o in data["organisations"]] == ["ICT Authority"]
    shown = io.StringIO()
    call_command("catalogue", "show", stdout=shown)
    assert "43 modules" in shown.getvalue()


@pytest.mark.django_db
def test_demo_countries_get_different_plans(django_user_model):
    demo_data()
    ensure_default_catalogue()
    plans = {}
    for slug in ("djibouti-baseline-2026", "kenya-baseline-2025", "somalia-baseline-2026"):
        plans[slug] = generate(Engagement.objects.get(slug=slug), None).data
    catalogue_size = len(ensure_default_catalogue().parsed().modules)
    mixes, tops = {}, {}
    for slug, data in plans.items():
        assert data["needs"] and data["cohorts"]
        per_org: dict[str, set[str]] = {}
        for need in data["needs"]:
            per_org.setdefault(need["org_id"], set()).add(need["module_code"])
        # not everyone gets everything
        assert len({frozenset(m) for m in per_org.values()}) > 1
        assert all(len(m) < catalogue_size for m in per_org.values())
        mixes[slug] = frozenset(n["module_code"] for n in data["needs"])
        ranked = sorted(data["needs"], key=lambda n: n["rank"] or 10**6)
        tops[slug] = tuple(n["module_code"] for n in ranked[:5])
    assert len(set(mixes.values())) == 3
    assert len(set(tops.values())) == 3
    assert plans["djibouti-baseline-2026"]["organisations"][0]["language"] == "fr"


def test_documents_are_unavailable_or_rendered(planned):
    plan = planned.plan
    try:
        data = documents.render(plan, "xlsx")
    except documents.DocumentUnavailable:
        return
    assert data[:2] == b"PK"


def test_documents_give_the_renderer_what_it_needs(planned, monkeypatch):
    """The context handed to govcap.reports carries the plan's facts, in its language."""
    from govcap.reports import plan as reports

    seen = {}

    def render_plan(plan_data, ctx, fmt, catalogue=None):
        seen.update(plan=plan_data, ctx=ctx, fmt=fmt, catalogue=catalogue)
        return b"PK-fake"

    monkeypatch.setattr(reports, "render_plan", render_plan)
    org = str(planned.agency.uuid)
    assert documents.render(planned.plan, "docx", org) == b"PK-fake"
    ctx = seen["ctx"]
    assert seen["fmt"] == "docx" and seen["plan"].to_json() == planned.plan.data_json
    assert seen["catalogue"].version == planned.plan.data["catalogue_version"]
    assert ctx.organisation_id == org and ctx.status == "draft" and ctx.version == 1
    assert ctx.country == "Kenya" and ctx.currency == "USD" and ctx.language == "en"
    assert ctx.section_titles["enterprise-architecture"].startswith("8. ")
    heat = dict(ctx.heatmap)
    assert heat["Ministry of ICT"]["enterprise-architecture"] == "basic"
    # the title in the document's language: country and round, the stored name on the cover
    assert ctx.title == "Training plan — Kenya — Baseline"
    assert ctx.engagement == planned.engagement.name


def test_an_engagement_without_validated_sessions_gets_an_empty_plan(client, world):
    client.force_login(world.coordinator)
    assert "Generate the plan" in client.get(url("plan", world)).content.decode()
    assert client.post(url("plan-generate", world)).status_code == 302
    plan = Plan.objects.get(engagement=world.engagement)
    assert plan.data["needs"] == [] and plan.data["organisations"] == []
    page = client.get(url("plan", world)).content.decode()
    assert "No needs" in page
    assert client.get(url("plan-download", world, "json")).status_code == 200


def test_the_documents_quote_the_shared_wording_only(planned):
    from openpyxl import load_workbook

    docx = zipfile.ZipFile(io.BytesIO(documents.render(planned.plan, "docx")))
    text = docx.read("word/document.xml").decode()
    assert "No shared standards." in text and "Kept in the room" not in text
    book = load_workbook(io.BytesIO(documents.render(planned.plan, "xlsx")))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                     if c.value is not None)
    assert "No shared standards." in cells and "Kept in the room" not in cells


def test_the_summary_names_who_was_engaged_and_is_not_in_the_plan_yet(world):
    from govcap.assessments.models import Session
    from govcap.orgs.models import Organisation
    from govcap.planning.services import generate

    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    waiting = Organisation.objects.create(country=world.engagement.country, name="KSG")
    later = Organisation.objects.create(country=world.engagement.country, name="Treasury")
    world.engagement.organisations.add(waiting, later)
    Session.objects.create(engagement=world.engagement, organisation=waiting,
                           instrument=world.instrument, status=Session.Status.SUBMITTED)
    plan = generate(world.engagement, world.coordinator)
    docx = zipfile.ZipFile(io.BytesIO(documents.render(plan, "docx")))
    text = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode())
    assert "Of the organisations engaged (4), 1 is in this plan" in text
    assert "awaiting validation: KSG" in text
    assert "no session yet: ICT Authority, Treasury" in text
    assert "Weakest area: 4. " in text  # change management, the only Basic


def test_a_follow_up_plan_says_what_improved_and_what_regressed_since_the_round_before(world):
    from govcap.orgs.models import Engagement
    from govcap.planning.services import generate

    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2025, 3, 1),
              {"change-management": "moderate", "project-execution": "basic"})
    follow_up = Engagement.objects.create(country=world.engagement.country, round_number=2,
                                          name="Kenya — follow-up 2027",
                                          instrument=world.instrument)
    follow_up.organisations.add(world.ministry)
    world.engagement, baseline = follow_up, world.engagement
    validated(world, world.ministry, dt.date(2027, 3, 1),
              {"change-management": "basic", "project-execution": "high"})
    plan = generate(follow_up, world.admin)
    statuses = {r["section_key"]: r for r in plan.data["sections"]}
    assert statuses["change-management"]["previous"] == "moderate"
    docx = zipfile.ZipFile(io.BytesIO(documents.render(plan, "docx")))
    text = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode())
    assert f"Since {baseline.round_label} (latest validated sessions of both rounds), section ratings improved: 1; regressed: 1" in text
    assert "Regressed: Ministry of ICT, 4. " in text
    assert f"What changed since {baseline.round_label}" in text
    first_plan = generate(baseline, world.coordinator)  # a first round has nothing before it
    assert first_plan.data["extra"]["previous_round"] == ""


def test_the_ministers_brief_downloads_for_the_plan_and_for_one_organisation(client, planned):
    client.force_login(planned.viewer)
    response = client.get(url("plan-download", planned, "brief-pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert 'filename="brief-' in response["Content-Disposition"]
    org = planned.ministry.uuid
    docx = client.get(url("plan-download", planned, "brief-docx") + f"?org={org}")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    page = client.get(url("plan", planned)).content.decode()
    assert "One-page brief for the minister" in page


def test_a_draft_whose_first_month_has_begun_is_regenerated_before_approval(planned,
                                                                          monkeypatch):
    from govcap.planning import services
    from govcap.planning.services import PlanRefused, approve
    first = planned.plan.data["months"][0]
    year, month = (int(p) for p in first.split("-"))
    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(year, month, 2))
    monkeypatch.setattr(services, "plan_date", lambda: dt.date(year, month, 2))
    with pytest.raises(PlanRefused, match="regenerate"):
        approve(planned.plan, planned.coordinator)
    fresh = generate(planned.engagement, planned.coordinator)
    assert fresh.data["months"][0] > first
    assert approve(fresh, planned.coordinator).status == Plan.Status.APPROVED


def test_a_plan_version_keeps_the_gender_aim_and_each_organisations_focus_group_mix(planned):
    from govcap.assessments.models import Participant, Session

    session = Session.objects.filter(organisation=planned.ministry,
                                     status="validated").first()
    for gender in ("female", "female", "male"):
        Participant.objects.create(session=session, code=f"P{gender[0]}{Participant.objects.count()}",
                                   organisation=planned.ministry, gender=gender)
    from govcap.planning.services import generate

    # two of the ministry's people in the agency's focus group: that session assessed the
    # agency, not the ministry, and does not count for the ministry's mix
    other = Session.objects.filter(organisation=planned.agency, status="validated").first()
    for gender in ("male", "male"):
        Participant.objects.create(session=other, code=f"Q{Participant.objects.count()}",
                                   organisation=planned.ministry, gender=gender)
    plan = generate(planned.engagement, planned.coordinator)
    mix = plan.data["extra"]["gender_mix"][str(planned.ministry.uuid)]
    assert mix == {"female": 2, "male": 1}
    assert str(planned.agency.uuid) not in plan.data["extra"]["gender_mix"]
    assert plan.data["extra"]["women_target_percent"] == 50


def test_an_edit_that_breaks_up_a_shared_cohort_names_who_is_left_without(client, planned):
    shared = next(c for c in planned.plan.data["cohorts"]
                  if c["status"] == "scheduled" and len(c["members"]) > 1)
    dropped, other = shared["members"][0]["org_id"], shared["members"][1]["org_id"]
    names = {o["org_id"]: o["org_name"] for o in planned.plan.data["organisations"]}
    client.force_login(planned.coordinator)
    response = client.post(url("plan-edit", planned, "drop-module"),
                           {"op_id": "op-b", "need": f"{dropped}|{shared['module_code']}"},
                           follow=True)
    page = response.content.decode()
    title = ensure_default_catalogue().parsed().by_code[shared["module_code"]].title
    said = page.split("This edit broke up the shared course ")[1][:400]
    assert said.startswith(f"{title} ({shared['module_code']}), ")  # its course, not its id
    assert shared["cohort_id"] not in said
    after = said.split(":", 1)[1]
    assert names[other] in after[:200]
    assert names[dropped] not in after[:120]


def test_an_organisation_not_in_the_plan_is_told_why_and_has_no_documents(client, world,
                                                                         make_user):
    from govcap.accounts.models import Role
    from govcap.orgs.models import Organisation

    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    generate(world.engagement, world.coordinator)
    late = Organisation.objects.create(country=world.ministry.country, name="Late Agency")
    world.engagement.organisations.add(late)
    reader = make_user("late-reader", Role.VIEWER, world.engagement, late)
    client.force_login(reader)
    page = client.get(reverse("plan", args=[world.engagement.slug]), follow=True)
    text = page.content.decode()
    assert "Late Agency is not in version 1 of this engagement" in text
    assert "It has no session yet." in text and "No gaps" not in text
    download = client.get(reverse("plan-download", args=[world.engagement.slug, "pdf"])
                          + f"?org={late.uuid}")
    assert download.status_code == 404  # not a server error


def test_the_approval_page_says_what_the_approver_should_know(client, world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"change-management": "basic"})
    plan = generate(world.engagement, world.coordinator)
    from govcap.assessments.models import Session
    Session.objects.create(engagement=world.engagement, organisation=world.agency,
                           instrument=world.instrument, scheduled_date=dt.date(2026, 4, 1),
                           status=Session.Status.SUBMITTED)
    client.force_login(world.coordinator)
    page = client.get(reverse("plan-approve", args=[world.engagement.slug, plan.version]))
    text = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    assert "awaiting your validation and is not in this plan: ICT Authority." in text
    assert plan.plan_data().unfit  # one organisation alone cannot fill a course
    assert re.search(r"\d+ needs? could not be placed in a course; (it is|they are) listed "
                     r"under Findings", text), text[text.find("Approve version"):][:600]


def test_adding_a_course_no_cohort_can_hold_says_so(client, planned):
    client.force_login(planned.coordinator)
    post = {"op_id": "add-dst-101-ministry", "organisation": str(planned.ministry.uuid),
            "module": "DST-101", "part": "edits"}
    page = client.post(reverse("plan-edit", args=[planned.engagement.slug, "add-module"]),
                       post, follow=True).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "(DST-101) is in the plan for Ministry of ICT but not placed in a course:" in text
    edits = text[text.find("What the edits did"):] if "What the edits did" in text else text
    assert "Done, but not placed in a course" in edits  # the edits list says it too
