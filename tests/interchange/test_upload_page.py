"""The submissions upload page: dry run, problems by row and column, confirmation."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govcap.assessments.models import Session
from tests.interchange.conftest import FIXTURES, fixture_bytes
from tests.security.helpers import client_for

KOBO = (FIXTURES / "kobo-xml-values.csv").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.GOVCAP_UPLOAD_DIR = tmp_path / "uploads"
    return settings.GOVCAP_UPLOAD_DIR


def url(world) -> str:
    return f"/e/{world.engagement.slug}/submissions/"


def post_file(client, world, name: str, data: bytes):
    return client.post(url(world), {"file": SimpleUploadedFile(name, data)})


def test_a_dry_run_lists_what_would_be_created_then_confirm_imports_once(world, upload_dir):
    client = client_for(world.coordinator)
    before = Session.objects.count()
    page = post_file(client, world, "kobo.csv", fixture_bytes("kobo-xml-values.csv"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ministry of ICT" in html and "ICT Authority" in html
    assert "consent was not given" in html and "Confirm the import" in html
    assert Session.objects.count() == before
    token = page.context["token"]
    assert list(upload_dir.iterdir()) == [upload_dir / f"pending-{token}"]
    done = client.post(url(world), {"token": token})
    assert done.status_code == 302 and done["Location"] == f"/e/{world.engagement.slug}/"
    assert Session.objects.count() == before + 2
    assert not list(upload_dir.iterdir())
    again = client.post(url(world), {"token": token}, follow=True)
    assert "expired" in again.content.decode()
    assert Session.objects.count() == before + 2


def test_problems_are_listed_by_row_and_column_with_unmatched_organisations(world):
    data = KOBO.replace('"Ministry of ICT";"2026-03-10"', '"Min. of Health";"2026-03-10"')
    page = post_file(client_for(world.coordinator), world, "kobo.csv", data.encode())
    assert page.status_code == 422
    html = page.content.decode()
    assert "session/organisation" in html and "matches no organisation" in html
    assert page.context["unmatched"] == [("Min. of Health", [2])]
    assert "Organisations to review" in html and "Confirm the import" not in html


def test_files_are_checked_for_size_and_type(world, settings):
    client = client_for(world.coordinator)
    assert post_file(client, world, "form.pdf", b"%PDF").status_code == 400
    fake = post_file(client, world, "kobo.xlsx", b"not a workbook")
    assert fake.status_code == 400 and "not an Excel workbook" in fake.content.decode()
    settings.GOVCAP_UPLOAD_MAX_BYTES = 100
    big = post_file(client, world, "kobo.csv", fixture_bytes("kobo-xml-values.csv"))
    assert big.status_code == 400 and "larger than" in big.content.decode()


def test_only_the_engagements_coordinators_upload(world):
    for who in (world.viewer, world.facilitator, world.outsider):
        response = post_file(client_for(who), world, "kobo.csv",
                             fixture_bytes("kobo-xml-values.csv"))
        assert response.status_code in (403, 404)


def test_a_token_of_another_session_is_refused(world):
    page = post_file(client_for(world.coordinator), world, "kobo.csv",
                     fixture_bytes("kobo-xml-values.csv"))
    before = Session.objects.count()
    other = client_for(world.admin).post(url(world), {"token": page.context["token"]})
    assert other.status_code == 302 and Session.objects.count() == before


def test_the_engagements_organisations_are_listed_in_the_readers_order(world):
    from govcap.orgs.models import Organisation

    for name in ("Ministère de l'Intérieur", "Ministère de l'Économie"):
        world.engagement.organisations.add(
            Organisation.objects.create(country=world.engagement.country, name=name))
    data = KOBO.replace('"Ministry of ICT";"2026-03-10"', '"Min. of Health";"2026-03-10"')
    page = post_file(client_for(world.coordinator), world, "kobo.csv", data.encode())
    page = page.content.decode().replace("&#x27;", "'")  # names offered for the unmatched
    # by code point "Économie" came after "Intérieur", and "ICT Authority" after "Ministère"
    places = [page.index(f"<bdi>{name}") for name in (
        "ICT Authority", "Ministère de l'Économie", "Ministère de l'Intérieur", "Ministry of ICT")]
    assert places == sorted(places)
