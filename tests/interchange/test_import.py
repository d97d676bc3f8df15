"""Importing submissions into an engagement: all or nothing, idempotent, every refusal placed."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Session
from govcap.interchange.problems import ImportProblem
from govcap.interchange.services import import_submissions
from govcap.orgs.models import Engagement, Organisation
from tests.interchange.conftest import FIXTURES

KOBO = (FIXTURES / "kobo-xml-values.csv").read_text(encoding="utf-8")
ODK = (FIXTURES / "odk-central.csv").read_text(encoding="utf-8")


def kobo_with(*replacements: tuple[str, str]) -> bytes:
    text = KOBO
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text.encode("utf-8")


def refused(data: bytes, engagement, **kwargs) -> ImportProblem:
    before = (Session.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ImportProblem) as info:
        import_submissions(data, engagement, name="export.csv", **kwargs)
    assert (Session.objects.count(), AuditEvent.objects.count()) == before
    return info.value


def test_a_dry_run_reports_what_would_be_created_and_writes_nothing(world):
    before = Session.objects.count()
    out = io.StringIO()
    call_command("submissions", "import", str(FIXTURES / "kobo-xml-values.csv"),
                 "--engagement", world.engagement.slug, "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Would create 2 submitted sessions" in text
    assert "row 2: Ministry of ICT · 2026-03-10 · levels M B M B H – M B" in text
    assert "row 3: ICT Authority · 2026-03-11" in text and "note-taker Amina Yusuf" in text
    assert "skipped row 4" in text and "consent was not given" in text
    assert "Dry run: nothing was written." in text
    assert Session.objects.count() == before


def test_unmatched_organisations_are_listed_with_their_rows(world):
    data = kobo_with(('"Ministry of ICT";"2026-03-10"', '"Min. of Health";"2026-03-10"'),
                     ('"ICTA";"2026-03-11"', '"Min. of Health";"2026-03-11"'))
    problem = refused(data, world.engagement)
    text = str(problem)
    assert "row 2, column “session/organisation”: “Min. of Health” matches no organisation" in text
    assert "row 3, column “session/organisation”" in text
    assert "“Min. of Health” (rows 2, 3)" in text
    assert "Its organisations are: ICT Authority (ICTA), Ministry of ICT (MoICT)." in text


def test_an_organisation_of_the_country_outside_the_engagement_is_named(world):
    Organisation.objects.create(country=world.engagement.country, name="Ministry of Health",
                                code="MoH")
    problem = refused(kobo_with(('"ICTA";', '"MoH";')), world.engagement)
    assert "Ministry of Health is an organisation of Kenya but not of the engagement" in str(
        problem)


def test_organisations_match_by_name_or_code_whatever_the_case(world):
    data = kobo_with(('"Ministry of ICT";', '"  ministry OF ict ";'), ('"ICTA";', '"icta";'))
    report = import_submissions(data, world.engagement)
    assert [s.organisation for s in report.created] == [world.ministry, world.agency]


def test_every_rejected_row_is_reported_with_row_column_and_reason(world):
    data = kobo_with(('"2026-03-10";"Nairobi"', '"10/03/2026";"Nairobi"'),
                     ('"Konza";"Amina Yusuf";"5";"basic"', '"Konza";"Amina Yusuf";"five";"maybe"'))
    problem = refused(data, world.engagement)
    places = {(p.row, p.column) for p in problem.problems}
    assert places == {(2, "session/session_date"), (3, "session/participants"),
                      (3, "s1/s1_level")}
    text = str(problem)
    assert "3 problems; nothing was imported" in text
    assert "“10/03/2026” is not a date (expected YYYY-MM-DD)" in text
    assert "“maybe” is not one of the choices: high, moderate, basic, not_assessed" in text


def test_one_bad_row_means_nothing_is_imported(world):
    refused(kobo_with(('"not_assessed";"The enterprise architect was absent."',
                       '"not_assessed";""')), world.engagement)
    assert not Session.objects.filter(source_instance_id__startswith="uuid:3f8a2c1e").exists()


def test_a_file_of_another_version_is_refused_saying_so(world):
    data = kobo_with(*[(f'"govstack-rsa";"1.0";"2026-03-1{d}', f'"govstack-rsa";"1.1";"2026-03-1{d}')
                       for d in (0, 1, 2)])
    text = str(refused(data, world.engagement))
    assert ("another form or version: “Skills Assessment Focus Group Discussion: Open-Ended Questions” (govstack-rsa) version 1.1 "
            "(rows 2–4)") in text
    assert "uses “Skills Assessment Focus Group Discussion: Open-Ended Questions” (govstack-rsa) version 1.0" in text


def test_odk_form_version_is_checked_when_the_form_columns_are_absent(world):
    lines = ODK.splitlines(keepends=True)
    header = lines[0].split(",")
    cut = header.index("govcap_instrument")

    def drop(line: str) -> str:
        return line.replace(",govstack-rsa,1.0,", ",") if line is not lines[0] else line.replace(
            "govcap_instrument,govcap_version,", "")

    data = "".join(drop(line) for line in lines).replace(",0,1.0\n", ",0,2.0\n")
    data = data.replace(",1,1.0\n", ",1,2.0\n")
    assert cut > 0 and "govcap_version" not in data
    text = str(refused(data.encode(), world.engagement))
    assert "(govstack-rsa) version 2.0" in text


def test_a_file_of_another_form_is_refused_saying_so(world):
    data = b"_uuid;name;age\n1;Ann;30\n"
    text = str(refused(data, world.engagement))
    assert ("not an export of the govcap form “Skills Assessment Focus Group Discussion: Open-Ended Questions” (govstack-rsa) "
            "version 1.0") in text


def test_a_submission_twice_in_one_file_is_refused(world):
    data = kobo_with(("9b1d7e44-2c3a-4f6b-8e5d-0c7a9f3b2d12", "3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01"))
    text = str(refused(data, world.engagement))
    assert "row 3, column “_uuid”: the submission uuid:3f8a2c1e" in text
    assert "appears twice (first in row 2)" in text


def test_a_country_that_is_not_the_engagements_is_refused(world):
    text = str(refused(kobo_with(('"KE";"ICTA"', '"Somalia";"ICTA"')), world.engagement))
    assert "row 3, column “session/country”: “Somalia” is not the engagement's country" in text


def test_submissions_imported_into_another_engagement_are_skipped_and_named(world):
    import_submissions(FIXTURES / "kobo-xml-values.csv", world.engagement)
    other = Engagement.objects.create(country=world.engagement.country, name="Kenya follow-up",
                                      instrument=world.instrument)
    other.organisations.add(world.ministry, world.agency)
    report = import_submissions(FIXTURES / "kobo-xml-values.csv", other)
    assert report.created == ()
    assert [s.reason for s in report.plan.skipped][:2] == [
        "already imported (engagement Kenya — baseline 2026)"] * 2


def test_each_created_session_has_one_audit_event_naming_the_importer(world):
    out = io.StringIO()
    call_command("submissions", "import", str(FIXTURES / "odk-central.csv"), "--engagement",
                 world.engagement.slug, "--user", world.coordinator.username, stdout=out)
    sessions = Session.objects.exclude(source_instance_id="")
    assert sessions.count() == 2
    for session in sessions:
        (event,) = AuditEvent.objects.filter(session=session)
        assert (event.action, event.user, event.object_uuid) == ("import", world.coordinator,
                                                                session.uuid)
        assert event.after["source"] == "ODK Central"
        assert session.submitted_by == world.coordinator


def test_odk_centrals_zip_download_is_read(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("govstack-rsa.csv", ODK)
        archive.writestr("govstack-rsa-repeat.csv", "value,PARENT_KEY,KEY\n")
    report = import_submissions(buffer.getvalue(), world.engagement, name="govstack-rsa.zip")
    assert len(report.created) == 2 and report.plan.table_format == "zip/csv"


def test_label_headers_in_french_are_read(world):
    consent = ("Chaque participant a-t-il donné son consentement éclairé pour prendre part à "
               "cette discussion\u202f?")
    sections = [("1. Recourir à la pensée systémique et au design thinking/1.1 Niveau convenu",
                 "1.3 Degré de confiance dans ce niveau")]
    sections += [(f"{n}.1 Niveau convenu", f"{n}.3 Degré de confiance dans ce niveau")
                 for n in range(2, 9)]
    header = [consent, "Ministère ou agence", "Date de la discussion",
              "Nombre de participants", *(h for pair in sections for h in pair), "_uuid"]
    row = ["Oui", "MoICT", "2026-03-20", "9", *(["Modéré", "Élevé"] * 8),
           "11111111-2222-4333-8444-555555555555"]
    text = "\n".join(";".join(f'"{c}"' for c in line) for line in (header, row))
    report = import_submissions(text.encode(), world.engagement)
    assert report.plan.columns.label_languages == ("fr",)
    (session,) = report.created
    assert set(session.ratings.values_list("level", "confidence")) == {("moderate", "high")}
    assert session.source_instance_id == "uuid:11111111-2222-4333-8444-555555555555"


@pytest.mark.parametrize("args, message", [
    (["--engagement", "nowhere"], "No engagement 'nowhere'"),
    (["--engagement", "{slug}", "--user", "nobody"], "No user 'nobody'"),
])
def test_the_command_names_an_unknown_engagement_or_user(world, args, message):
    args = [a.replace("{slug}", world.engagement.slug) for a in args]
    with pytest.raises(CommandError, match=message):
        call_command("submissions", "import", str(FIXTURES / "odk-central.csv"), *args)


def test_the_command_says_nothing_was_imported(world, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(kobo_with(('"ICTA";', '"Nobody";')))
    with pytest.raises(CommandError) as info:
        call_command("submissions", "import", str(bad), "--engagement", world.engagement.slug)
    assert str(info.value).startswith("bad.csv: ")
    assert str(info.value).endswith("Nothing was imported.")
    with pytest.raises(CommandError, match="no such file"):
        call_command("submissions", "import", str(tmp_path / "missing.csv"), "--engagement",
                     world.engagement.slug)
