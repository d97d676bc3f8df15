"""The JSON API: Bearer tokens, the web's scoping, pagination, JSON errors, submissions."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from govcap.accounts.tokens import create_token, revoke_token
from govcap.assessments.models import Rating, Session
from tests.interchange.conftest import fixture_bytes
from tests.security.helpers import client_for, inline_problems


def test_a_request_without_a_valid_token_is_refused_with_a_json_error(world):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer gct_nope"},
                    {"HTTP_AUTHORIZATION": "Basic YTpi"}):
        response = Client(**headers).get("/api/engagements")
        assert response.status_code == 401
        assert response.json() == {
            "message": "Authentication required: send `Authorization: Bearer <token>`.",
            "field": "Authorization"}


def test_a_revoked_token_stops_working(world):
    new = create_token(world.viewer, "ci")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {new.raw}")
    assert client.get("/api/engagements").status_code == 200
    revoke_token(world.viewer, new.token)
    assert client.get("/api/engagements").status_code == 401


def test_the_api_shows_what_the_web_shows(world, bearer):
    outsider = bearer("outsider")
    assert [e["slug"] for e in outsider.get("/api/engagements").json()["items"]] == [
        world.other_engagement.slug]
    assert outsider.get(f"/api/engagements/{world.engagement.slug}").status_code == 404
    gone = outsider.get(f"/api/sessions/{world.session.uuid}")
    assert gone.status_code == 404 and gone.json()["message"].startswith("Not found")
    colleague = bearer("colleague")  # a facilitator of the engagement, not on the session
    assert colleague.get(f"/api/engagements/{world.engagement.slug}").status_code == 200
    assert colleague.get("/api/sessions").json()["count"] == 0
    manager = bearer("manager")
    assert manager.get("/api/sessions").json()["count"] == 2


def test_lists_are_paginated(world, bearer):
    client = bearer("admin")
    first = client.get("/api/engagements?limit=1").json()
    second = client.get("/api/engagements?limit=1&offset=1").json()
    assert (first["count"], first["limit"], first["offset"]) == (2, 1, 0)
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["slug"] != second["items"][0]["slug"]


def test_invalid_parameters_name_the_field(world, bearer):
    response = bearer("admin").get("/api/engagements?limit=0")
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "limit" and body["message"]
    assert bearer("admin").get("/api/sessions?status=nope").json()["field"] == "status"


def test_ratings_and_sessions_read(world, bearer):
    Rating.objects.create(session=world.session, section_key="change-management",
                          level="moderate", notes="Some")
    Rating.objects.create(session=world.session, section_key="change-management",
                          level="basic", rater=world.facilitator)
    client = bearer("viewer")
    ratings = client.get(f"/api/ratings?engagement={world.engagement.slug}").json()
    assert ratings["count"] == 2
    consensus = client.get("/api/ratings?consensus=true").json()["items"]
    assert [(r["level"], r["level_score"], r["rater"]) for r in consensus] == [
        ("moderate", 2, None)]
    session = client.get(f"/api/sessions/{world.session.uuid}").json()
    assert session["organisation_name"] == "Ministry of ICT"
    orgs = client.get(f"/api/engagements/{world.engagement.slug}/organisations").json()
    assert sorted(o["code"] for o in orgs["items"]) == ["ICTA", "MoICT"]


def test_a_viewer_reads_the_shared_wording_of_notes_the_coordinator_all_of_them(world, bearer):
    from govcap.assessments import sharing

    rating = Rating.objects.create(session=world.session, section_key="change-management",
                                   level="basic", notes="PMO runs change. Not for the ministry.")
    sharing.share(world.coordinator, world.session, f"notes:{rating.uuid}", "PMO runs change.")
    notes = {who: bearer(who).get("/api/ratings").json()["items"][0]["notes"]
             for who in ("viewer", "coordinator", "facilitator")}
    assert notes == {"viewer": "PMO runs change. …",
                     "coordinator": "PMO runs change. Not for the ministry.",
                     "facilitator": "PMO runs change. Not for the ministry."}


def test_plans_read(world, bearer):
    from tests.security.authorization_matrix import planned

    planned(world)
    client = bearer("viewer")
    plans = client.get(f"/api/engagements/{world.engagement.slug}/plans").json()
    assert [p["version"] for p in plans["items"]] == [1]
    plan = client.get(f"/api/engagements/{world.engagement.slug}/plans/1").json()
    assert plan["status"] == "draft" and "cohorts" in plan["data"]
    assert bearer("outsider").get(
        f"/api/engagements/{world.engagement.slug}/plans/1").status_code == 404


def upload(client: Client, world, data: bytes, dry_run: bool):
    return client.post(f"/api/engagements/{world.engagement.slug}/submissions", {
        "file": SimpleUploadedFile("kobo.csv", data), "dry_run": "true" if dry_run else "false"})


def test_submissions_import_through_the_api(world, bearer):
    client = bearer("coordinator")
    kobo = fixture_bytes("kobo-xml-values.csv")
    before = Session.objects.count()
    dry = upload(client, world, kobo, True)
    assert dry.status_code == 200, dry.content
    assert dry.json()["dry_run"] and len(dry.json()["created"]) == 2
    assert dry.json()["sessions"] == [] and Session.objects.count() == before
    done = upload(client, world, kobo, False).json()
    assert len(done["sessions"]) == 2 and Session.objects.count() == before + 2
    again = upload(client, world, kobo, False).json()  # imported once only
    assert again["sessions"] == [] and Session.objects.count() == before + 2


def test_a_refused_file_lists_its_problems(world, bearer):
    response = upload(bearer("coordinator"), world, b"a,b\n1,2\n", False)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "file" and body["problems"][0]["message"]
    wrong = upload(bearer("coordinator"), world, b"\x00\x01", False)
    assert wrong.status_code == 400 and wrong.json()["field"] == "file"


def test_only_coordinators_import(world, bearer):
    kobo = fixture_bytes("kobo-xml-values.csv")
    assert upload(bearer("facilitator"), world, kobo, True).status_code == 403
    assert upload(bearer("outsider"), world, kobo, True).status_code == 404


def test_a_browser_session_needs_its_csrf_token_to_write(world):
    client = client_for(world.coordinator)
    client.handler.enforce_csrf_checks = True
    response = upload(client, world, fixture_bytes("kobo-xml-values.csv"), True)
    assert response.status_code == 403


def test_the_docs_are_served_by_govcap_without_script_or_cdn(world):
    page = client_for(world.viewer).get("/api/docs")
    html = page.content.decode()
    assert page.status_code == 200 and "/api/engagements/{slug}/submissions" in html
    assert not inline_problems(html)
    assert not re.search(r"(src|href)=\"https?://", html)
    schema = Client().get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.") and "/api/ratings" in schema["paths"]
    assert Client().get("/api/").status_code == 302
