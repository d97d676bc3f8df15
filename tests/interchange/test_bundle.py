"""Engagement bundles: checksummed, reproducible, idempotent, no demo or identities unasked."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import ParticipantIdentity, Quote, Rating, Session
from govcap.delivery.models import TrainingProvider
from govcap.instruments.models import Instrument
from govcap.interchange.bundle import (
    SCHEMA_VERSION,
    BundleError,
    BundleOptions,
    build_bundle,
    bundle_bytes,
    checksum,
)
from govcap.interchange.bundleio import import_bundle
from govcap.orgs.models import Country, Engagement, Organisation

NAME = "Wanjiru Kamau"


@pytest.fixture
def rich(consented):
    w = consented
    p1 = w.session.participants.order_by("id").first()
    ParticipantIdentity.objects.create(participant=p1, name=NAME, contact="+254 700")
    w.ministry.parent = w.agency
    w.ministry.save()
    Rating.objects.create(session=w.session, section_key="change-management", level="basic",
                          confidence="high", notes="Ad hoc", field_revisions={"level": 2},
                          updated_by=w.facilitator)
    Rating.objects.create(session=w.session, section_key="change-management", level="moderate",
                          rater=w.colleague)
    Quote.objects.create(session=w.session, section_key="change-management", participant=p1,
                         text="We need training")
    Quote.objects.create(session=w.session, section_key="policy-influence", text="No policy")
    return w


def wipe(engagement: Engagement) -> None:
    """Delete what the bundle of the engagement holds (users and instruments stay)."""
    country = engagement.country
    Session.objects.filter(engagement=engagement).delete()
    engagement.delete()
    Organisation.objects.filter(country=country).update(parent=None)
    Organisation.objects.filter(country=country).delete()
    TrainingProvider.objects.filter(country=country).delete()  # not in a bundle
    country.delete()


@pytest.mark.parametrize("identified", [False, True])
def test_importing_into_a_database_without_it_and_exporting_again_gives_the_same_bundle(
        rich, identified):
    options = BundleOptions(identified=identified)
    first = bundle_bytes(build_bundle(rich.engagement, options))
    wipe(rich.engagement)
    assert not Engagement.objects.filter(slug=rich.engagement.slug).exists()
    report = import_bundle(json.loads(first), user=rich.admin)
    assert report.created["sessions"] == 1 and report.created["ratings"] == 2
    again = bundle_bytes(build_bundle(report.engagement, options))
    assert again == first
    assert (NAME in first.decode()) is identified


def test_a_second_import_changes_nothing(rich):
    bundle = build_bundle(rich.engagement)
    counts = (Session.objects.count(), Rating.objects.count(), Quote.objects.count())
    report = import_bundle(bundle)
    assert not report.created and report.present["sessions"] == 1
    assert (Session.objects.count(), Rating.objects.count(), Quote.objects.count()) == counts


def test_missing_people_are_created_inactive_without_a_password(rich):
    bundle = build_bundle(rich.engagement)
    wipe(rich.engagement)
    type(rich.colleague).objects.filter(username="colleague").delete()
    report = import_bundle(bundle)
    colleague = type(rich.colleague).objects.get(username="colleague")
    assert not colleague.is_active and not colleague.has_usable_password()
    assert any("colleague" in n for n in report.notices)


def test_a_changed_or_damaged_bundle_is_refused_and_nothing_is_written(rich):
    bundle = build_bundle(rich.engagement)
    wipe(rich.engagement)
    before = (Session.objects.count(), AuditEvent.objects.count())
    tampered = json.loads(json.dumps(bundle))
    tampered["content"]["sessions"][0]["ratings"][0]["level"] = "high"
    with pytest.raises(BundleError, match="checksum of “sessions”"):
        import_bundle(tampered)
    newer = dict(bundle, schema_version=SCHEMA_VERSION + 1)
    with pytest.raises(BundleError, match="not supported"):
        import_bundle(newer)
    with pytest.raises(BundleError, match="not a govcap bundle"):
        import_bundle({"format": "other"})
    broken = json.loads(json.dumps(bundle))
    del broken["content"]["sessions"][0]["place"]
    broken["checksums"]["parts"]["sessions"] = checksum(broken["content"]["sessions"])
    broken["checksums"]["content"] = checksum(broken["content"])
    with pytest.raises(BundleError, match="not valid"):
        import_bundle(broken)
    assert (Session.objects.count(), AuditEvent.objects.count()) == before
    assert not Country.objects.filter(code="KE").exists()


def test_an_instrument_version_with_other_text_is_refused(rich):
    bundle = json.loads(json.dumps(build_bundle(rich.engagement)))
    wipe(rich.engagement)
    bundle["content"]["instruments"][0]["checksum"] = "0" * 64
    bundle["checksums"]["parts"]["instruments"] = checksum(bundle["content"]["instruments"])
    bundle["checksums"]["content"] = checksum(bundle["content"])
    with pytest.raises(BundleError, match="different text"):
        import_bundle(bundle)
    assert Instrument.objects.count() == 1


def test_demo_data_stay_out_unless_asked(rich):
    Session.objects.filter(pk=rich.session.pk).update(is_demo=True)
    assert build_bundle(rich.engagement)["content"]["sessions"] == []
    assert len(build_bundle(rich.engagement, BundleOptions(include_demo=True))[
        "content"]["sessions"]) == 1
    Engagement.objects.filter(pk=rich.engagement.pk).update(is_demo=True)
    rich.engagement.refresh_from_db()
    with pytest.raises(BundleError, match="demo data"):
        build_bundle(rich.engagement)


def test_the_commands_export_and_import(rich, tmp_path: Path):
    out = io.StringIO()
    path = tmp_path / "kenya.json"
    call_command("bundle", "export", rich.engagement.slug, "--out", str(path), stdout=out)
    assert "1 sessions" in out.getvalue()
    assert NAME not in path.read_text(encoding="utf-8")
    wipe(rich.engagement)
    call_command("bundle", "import", str(path), "--user", "admin-user", stdout=out)
    assert "created 1 countries" in out.getvalue()
    assert AuditEvent.objects.filter(action="import", object_type="orgs.engagement").exists()
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("bundle", "import", str(path))
