"""XLSForm out, KoboToolbox and ODK Central exports in: what was submitted is what govcap holds.

The export fixtures were written by hand (see tests/fixtures/interchange/README.md); these
tests first check that they fit the exported form as the tools would see it (through
pyxform), then import them and compare with tests/interchange/submitted.py.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.scale import SECTION_KEYS
from tests.interchange.conftest import FIXTURES
from tests.interchange.submitted import KOBO, KOBO_NO_CONSENT, ODK, ODK_REJECTED
from tests.interchange.xform import XForm, to_xform

KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"]
ODK_META = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
            "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]


@pytest.fixture
def exported(db, tmp_path) -> tuple[XForm, bytes]:
    out = tmp_path / "form.xlsx"
    call_command("xlsform", "export", "--out", str(out), stdout=io.StringIO())
    return to_xform(out), out.read_bytes()


def csv_header(name: str, delimiter: str) -> list[str]:
    first = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[0]
    return [h.strip('"') for h in first.split(delimiter)]


def test_the_fixtures_fit_the_exported_form(exported):
    xform, xlsform = exported
    assert xform.warnings == []
    leaves = xform.leaves()
    notes = xform.note_paths()
    # ODK Central: every leaf, groups joined by "-", between SubmissionDate and its columns.
    odk = ["SubmissionDate", *("-".join(p) for p in leaves), *ODK_META]
    assert csv_header("odk-central.csv", ",") == odk
    # KoboToolbox: the questions without notes and without meta/, "/" paths, then its columns.
    answered = [p for p in leaves if p not in notes and p[0] != "meta"]
    assert csv_header("kobo-xml-values.csv", ";") == ["/".join(p) for p in answered] + KOBO_META
    # KoboToolbox "Labels": each question's English label (name when it has none).
    survey = list(load_workbook(io.BytesIO(xlsform))["survey"].iter_rows(values_only=True))
    label = survey[0].index("label::English (en)")
    labels = {row[1]: row[label] or row[1] for row in survey[1:] if row[1]}
    xlsx = load_workbook(FIXTURES / "kobo-labels.xlsx").worksheets[0]
    header = [c.value for c in next(xlsx.iter_rows())]
    assert header == [labels[p[-1]] for p in answered] + KOBO_META + ["meta/rootUuid"]


def assert_imported(expected: dict) -> None:
    for instance_id, want in expected.items():
        session = Session.objects.get(source_instance_id=instance_id)
        assert session.status == Session.Status.SUBMITTED
        assert session.consent_given is True
        assert session.recording_allowed is want["recording_allowed"]
        assert session.organisation.name == want["organisation"]
        assert session.scheduled_date == want["date"]
        assert session.place == want["place"]
        assert session.note_taker == want["note_taker"]
        facilitators = [u.username for u in session.facilitators.all()]
        assert facilitators == ([want["facilitator_user"]] if want["facilitator_user"] else [])
        assert list(session.participants.values_list("code", flat=True)) == [
            f"P{n}" for n in range(1, want["participants"] + 1)]
        ratings = {r.section_key: r for r in Rating.objects.filter(session=session, rater=None)}
        assert set(ratings) == set(SECTION_KEYS)
        for number, key in enumerate(SECTION_KEYS, start=1):
            r = ratings[key]
            assert r.level == want["levels"][number - 1], key
            assert r.confidence == want["confidence"][number - 1], key
            assert r.notes == want["notes"].get(number, ""), key
            assert r.evidence == want["evidence"].get(number, ""), key
            assert r.dissent == want["dissent"].get(number, ""), key
            assert r.not_assessed_reason == want["not_assessed_reason"].get(number, ""), key
            assert r.is_complete
        quotes = sorted(
            (SECTION_KEYS.index(q.section_key) + 1, q.text, q.participant.code if q.participant
             else "") for q in Quote.objects.filter(session=session).select_related("participant"))
        assert quotes == sorted(want["quotes"])
        events = AuditEvent.objects.filter(session=session)
        assert [e.action for e in events] == ["import"]
        assert events[0].after["instance_id"] == instance_id


def counts() -> dict[str, int]:
    return {"sessions": Session.objects.count(), "ratings": Rating.objects.count(),
            "quotes": Quote.objects.count(), "participants": Participant.objects.count(),
            "audit": AuditEvent.objects.count()}


def run_import(name: str, engagement: str) -> str:
    out = io.StringIO()
    call_command("submissions", "import", str(FIXTURES / name), "--engagement", engagement,
                 stdout=out)
    return out.getvalue()


def test_round_trip_kobo_and_odk_central(exported, world):
    slug = world.engagement.slug
    before = Session.objects.count()
    kobo = run_import("kobo-xml-values.csv", slug)
    odk = run_import("odk-central.csv", slug)
    assert "KoboToolbox export" in kobo and "Created 2 submitted sessions" in kobo
    assert "ODK Central export" in odk and "Created 2 submitted sessions" in odk
    assert Session.objects.count() == before + 4
    assert_imported(KOBO)
    assert_imported(ODK)
    assert not Session.objects.filter(source_instance_id__in=[KOBO_NO_CONSENT, ODK_REJECTED])
    # The edited ODK submission is known by KEY, not by its latest meta-instanceID.
    assert not Session.objects.filter(
        source_instance_id="uuid:0b6f3e2d-8a71-4c59-9d04-e1f2a3b4c5d6").exists()

    # Importing again, in any of the formats, changes nothing and says so.
    snapshot = counts()
    for name in ("kobo-xml-values.csv", "kobo-labels.xlsx", "odk-central.csv"):
        again = run_import(name, slug)
        assert "Created no session" in again
        assert again.count("already imported") == 2, again
    assert counts() == snapshot
    assert_imported(KOBO)
    assert_imported(ODK)


def test_kobo_labels_xlsx_imports_the_same_as_the_xml_csv(exported, world):
    run_import("kobo-labels.xlsx", world.engagement.slug)
    assert_imported(KOBO)
