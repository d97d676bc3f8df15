"""The Django side of planning: inputs from the database, versions, edits, approval."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Rating, Session
from govcap.planning import MoveCohort, generate_plan, load_catalogue
from govcap.planning.catalogues import ensure_default_catalogue, save_module_edit
from govcap.planning.core.edits import DropModule
from govcap.planning.core.stored import plan_from_dict
from govcap.planning.core.validation import CatalogueError
from govcap.planning.inputs_db import assessments_for, gather
from govcap.planning.models import Catalogue, Plan, PlanEdit
from govcap.planning.services import PlanRefused, add_edit, approve, compute, generate
from govcap.scale import SECTION_KEYS


def rate(session: Session, levels: dict[str, str], notes: str = "") -> None:
    for key in SECTION_KEYS:
        level = levels.get(key, "moderate")
        Rating.objects.create(session=session, section_key=key, level=level, confidence="high",
                              notes=notes, not_assessed_reason="nobody from that unit"
                              if level == "not_assessed" else "")


def validated(world, org, day: dt.date, levels: dict[str, str], notes: str = "") -> Session:
    session = Session.objects.create(
        engagement=world.engagement, organisation=org, instrument=world.instrument,
        scheduled_date=day, status=Session.Status.VALIDATED, validated_at=timezone.now())
    rate(session, levels, notes)
    return session


@pytest.fixture
def rated(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 2, 1),
              {"enterprise-architecture": "high"}, notes="old session")
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "not_assessed"},
              notes="Systems are bought one by one.")
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    # a submitted (not validated) session never counts
    draft = Session.objects.create(engagement=world.engagement, organisation=world.agency,
                                   instrument=world.instrument, scheduled_date=dt.date(2026, 4, 1),
                                   status=Session.Status.SUBMITTED)
    rate(draft, {"enterprise-architecture": "high"})
    return world


def test_it_reads_the_latest_validated_session_only(rated):
    rows = {(a.org_name, a.section_key): a for a in assessments_for(rated.engagement)}
    ea = rows[("Ministry of ICT", "enterprise-architecture")]
    assert ea.level.key == "basic" and ea.shared_notes == ""  # internal until shared
    assert ea.session_date == "2026-03-01"
    assert ea.benchmark_text  # the first Basic statement of the instrument
    first = rated.instrument.parsed.section("enterprise-architecture").statements("basic")[0]
    assert ea.benchmark_text == str(first.text)
    assert rows[("ICT Authority", "enterprise-architecture")].level.key == "basic"
    unknown = rows[("Ministry of ICT", "change-management")]
    assert unknown.level is None and unknown.not_assessed_reason == "nobody from that unit"



def test_only_what_the_session_shared_reaches_the_plan(rated):
    from govcap.assessments import sharing

    session = Session.objects.get(organisation=rated.ministry, scheduled_date=dt.date(2026, 3, 1))
    rating = Rating.objects.get(session=session, section_key="enterprise-architecture")
    Rating.objects.filter(pk=rating.pk).update(
        notes="Systems are bought one by one. The director asked us not to repeat this.",
        dissent="P2 argued for Moderate.")
    sharing.share(rated.coordinator, session, f"notes:{rating.uuid}",
                  "Systems are bought one by one.")
    sharing.share(rated.coordinator, session, f"dissent:{rating.uuid}", "P2 argued for Moderate.")
    rows = {(a.org_name, a.section_key): a for a in assessments_for(rated.engagement)}
    ea = rows[("Ministry of ICT", "enterprise-architecture")]
    assert (ea.shared_notes, ea.shared_dissent) == ("Systems are bought one by one. …",
                                                    "P2 argued for Moderate.")
    assert "director" not in repr(ea)
    assert ea.confidence == "high"


def test_it_generates_versions_with_rationale_and_audit(rated):
    plan = generate(rated.engagement, rated.coordinator)
    assert plan.version == 1 and plan.status == Plan.Status.DRAFT
    gaps = [g for g in plan.data["gaps"] if g["section_key"] == "enterprise-architecture"]
    assert {g["org_name"] for g in gaps} == {"Ministry of ICT", "ICT Authority"}
    assert "Systems are bought" not in json.dumps(plan.data)  # internal notes stay out
    assert any(u["section_key"] == "change-management" for u in plan.data["unknowns"])
    assert AuditEvent.objects.filter(action="plan-generate", object_uuid=plan.uuid).exists()
    # nothing changed: the same draft comes back
    assert generate(rated.engagement, rated.coordinator).pk == plan.pk


def test_same_inputs_give_byte_identical_json(rated):
    plan = generate(rated.engagement, rated.coordinator)
    inputs = gather(rated.engagement)
    again = generate_plan(inputs.assessments, inputs.catalogue, inputs.targets,
                          inputs.constraints, inputs.operations, inputs.section_titles)
    assert again.to_json() != plan.data_json  # the stored version also keeps the coverage
    assert compute(rated.engagement)[0].to_json() == plan.data_json
    assert json.loads(plan.data_json)["extra"]["coverage"] == [
        ["ICT Authority", "validated"], ["Ministry of ICT", "validated"]]
    assert plan_from_dict(json.loads(plan.data_json)).to_json() == plan.data_json
    stored = Plan.objects.get(pk=plan.pk)
    assert stored.data_json == plan.data_json


def test_regeneration_replays_edits_and_reports_missing_targets(rated):
    plan = generate(rated.engagement, rated.coordinator)
    cohort = plan.data["cohorts"][0]
    later = [m for m in plan.data["months"] if m != cohort["month"]][-1]
    edit = add_edit(rated.engagement, rated.coordinator, MoveCohort("m1", cohort["cohort_id"],
                                                                   later))
    assert edit.last_status == "applied"
    plan.refresh_from_db()
    moved = next(c for c in plan.data["cohorts"] if c["cohort_id"] == cohort["cohort_id"])
    assert moved["month"] == later
    gone = add_edit(rated.engagement, rated.coordinator, DropModule("d1", "no-such-org",
                                                                    "EA-101"))
    assert gone.last_status == "missing"
    # a retried operation is stored once
    assert add_edit(rated.engagement, rated.coordinator, MoveCohort("m1", "x", later)).pk == \
        edit.pk
    agency = str(rated.agency.uuid)
    ea_need = next(n for n in plan.data["needs"] if n["org_id"] == agency
                   and n["module_code"].startswith("EA-"))
    dropped = add_edit(rated.engagement, rated.coordinator,
                       DropModule("d2", agency, ea_need["module_code"]))
    assert dropped.last_status == "applied"
    # the agency is validated again, now at High: regenerate, edits replayed, and the drop
    # whose target vanished is reported as missing (never silently lost)
    validated(rated, rated.agency, dt.date(2026, 3, 20), {"enterprise-architecture": "high"})
    new = generate(rated.engagement, rated.coordinator)
    assert new.version == 2 and new.diff and not new.diff["is_empty"]
    assert any(agency in key for key in new.diff["gaps_closed"])
    outcomes = {op["op_id"]: op["status"] for op in new.data["operations"]}
    assert outcomes == {"m1": outcomes["m1"], "d1": "missing", "d2": "missing"}
    assert PlanEdit.objects.get(op_id="d2").last_status == "missing"
    assert PlanEdit.objects.get(op_id="d1").last_plan_version == 2


def test_approved_plan_is_read_only(rated):
    plan = approve(generate(rated.engagement, rated.coordinator), rated.coordinator)
    assert plan.is_read_only and plan.approved_by == rated.coordinator
    with pytest.raises(PlanRefused):
        add_edit(rated.engagement, rated.coordinator, DropModule("d2", "x", "EA-101"))
    plan.data_json = "{}"
    plan.checksum = "changed"
    with pytest.raises(ValidationError):
        plan.save()
    draft = generate(rated.engagement, rated.coordinator)  # a new draft from the approved one
    assert draft.version == 2 and draft.status == Plan.Status.DRAFT
    assert draft.data_json == Plan.objects.get(pk=plan.pk).data_json


def test_viewers_cannot_change_the_plan(rated):
    with pytest.raises(PermissionDenied):
        generate(rated.engagement, rated.viewer)
    plan = generate(rated.engagement, rated.admin)
    with pytest.raises(PermissionDenied):
        approve(plan, rated.manager)


def test_catalogue_edit_is_a_new_version_and_used_versions_never_change(rated):
    plan = generate(rated.engagement, rated.coordinator)
    source = plan.catalogue
    edited = save_module_edit(source, "EA-101", {"days": 2}, user=rated.admin)
    assert edited.version == "1.1.1" and edited.based_on == source
    assert edited.parsed().by_code["EA-101"].days == 2
    assert source.parsed().by_code["EA-101"].days != 2
    assert edited.translations.filter(language="fr").exists()
    with pytest.raises(CatalogueError):
        save_module_edit(edited, "EA-101", {"prerequisites": ["ZZ-999"]}, user=rated.admin)
    assert Catalogue.objects.count() == 2
    source.document = {**source.document, "title": "changed"}
    source.checksum = "changed"
    with pytest.raises(ValidationError):
        source.save()
    assert generate(rated.engagement, rated.coordinator).catalogue == edited


def test_packaged_catalogue_matches_the_file(db):
    row = ensure_default_catalogue()
    assert row.parsed() == load_catalogue()
    assert row.parsed("fr").by_code["DST-101"].title == load_catalogue(language="fr") \
        .by_code["DST-101"].title


def test_catalogue_import_adds_versions_and_refuses_changed_ones(db, tmp_path):
    import io

    import yaml
    from django.core.management import CommandError, call_command

    from govcap.planning.core.catalogue import DEFAULT_CATALOGUE

    ensure_default_catalogue()
    document = yaml.safe_load(DEFAULT_CATALOGUE.read_text())
    document["version"] = "1.2"
    path = tmp_path / "catalogue-1.2.yaml"
    path.write_text(yaml.safe_dump(document))
    out = io.StringIO()
    call_command("catalogue", "import", str(path), stdout=out)
    assert "created" in out.getvalue()
    call_command("catalogue", "import", str(path), stdout=out)
    assert "unchanged" in out.getvalue()
    document["modules"][0]["days"] = 9
    path.write_text(yaml.safe_dump(document))
    with pytest.raises(CommandError, match="never changes"):
        call_command("catalogue", "import", str(path), stdout=out)
    document["modules"][0]["prerequisites"] = ["ZZ-999"]
    document["version"] = "1.3"
    path.write_text(yaml.safe_dump(document))
    with pytest.raises(CommandError, match=r"modules\[0\]\.prerequisites\[0\]"):
        call_command("catalogue", "import", str(path), stdout=out)
    assert list(Catalogue.objects.values_list("version", flat=True)) == ["1.1", "1.2"]


def test_a_database_made_with_an_older_packaged_catalogue_gets_the_new_one_beside_it(db):
    import yaml

    from govcap.planning.catalogues import import_document
    from govcap.planning.core.catalogue import DEFAULT_CATALOGUE

    older = yaml.safe_load(DEFAULT_CATALOGUE.read_text())
    older["version"] = "1.0"
    del older["interventions"]  # what 1.0 shipped
    import_document(older)
    latest = ensure_default_catalogue()
    assert latest.version == "1.1" and latest.parsed().interventions
    assert sorted(Catalogue.objects.values_list("version", flat=True)) == ["1.0", "1.1"]
    assert ensure_default_catalogue().pk == latest.pk  # once


def test_a_draft_whose_nominations_are_already_late_cannot_be_approved(rated, monkeypatch):
    from govcap.planning import inputs_db, services

    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(2026, 12, 4))
    draft = generate(rated.engagement, rated.coordinator)  # first courses in February 2027
    first = min(c["month"] for c in draft.data["cohorts"] if c.get("month"))
    assert first == "2027-02"
    # February's names are due on 4 January 2027: approved on 10 January, they are late
    monkeypatch.setattr(services, "plan_date", lambda: dt.date(2027, 1, 10))
    with pytest.raises(PlanRefused, match="February 2027 were due by 4 January 2027"):
        approve(draft, rated.coordinator)
    assert Plan.objects.get(pk=draft.pk).status == Plan.Status.DRAFT
    monkeypatch.setattr(services, "plan_date", lambda: dt.date(2027, 1, 4))  # on the day
    assert approve(draft, rated.coordinator).is_read_only
