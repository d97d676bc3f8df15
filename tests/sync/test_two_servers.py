"""Two real govcap servers on loopback (two SQLite files, two processes): a laptop pushes
to a central server, pushes again (nothing duplicates), then the same rating is edited on
both sides: a conflict is reported with both versions, nothing is overwritten.

Each side's commands (`govcap sync push`, `govcap shell -c …`) run in processes of their
own, forked from one that imported govcap once (the `govcap_run` fixture)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from scripts._server import GOVCAP, free_port, wait_for
from tests.processes import copy_database

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("GOVCAP_DATABASE_URL")),
    reason="the two-server sync test runs two SQLite servers by design; "
    "GOVCAP_DATABASE_URL is set")

PASSWORD = "sync-test-password-1"

SETUP_LAPTOP = """
import datetime as dt, json, uuid
from django.contrib.auth import get_user_model
from govcap.assessments import capture, workflow
from govcap.assessments.models import Session
from govcap.instruments.models import Instrument
from govcap.orgs.models import Country, Engagement, Organisation
admin = get_user_model().objects.get(username="admin")
instrument = Instrument.objects.get()
ke = Country.objects.create(code="KE", name="Kenya")
org = Organisation.objects.create(country=ke, name="Ministry of ICT", code="MoICT")
eng = Engagement.objects.create(country=ke, name="Kenya baseline", instrument=instrument)
eng.organisations.add(org)
s = Session.objects.create(engagement=eng, organisation=org, instrument=instrument,
                           scheduled_date=dt.date(2026, 3, 10), place="Nairobi")
s.facilitators.add(admin)
workflow.record_consent(admin, s, given=True, recording_allowed=False, note="")
key = instrument.parsed.sections[0].key
capture.save_field(admin, s, capture.FieldSave(uuid.uuid4(), key, "level", "basic", 0))
capture.save_field(admin, s, capture.FieldSave(uuid.uuid4(), key, "notes", "first notes", 0))
print(json.dumps({"session": str(s.uuid), "section": key}))
"""

TOKEN = """
from django.contrib.auth import get_user_model
from govcap.accounts.tokens import create_token
print(create_token(get_user_model().objects.get(username="admin"), "sync").raw)
"""

EDIT = """
import uuid
from django.contrib.auth import get_user_model
from govcap.assessments import capture
from govcap.assessments.models import Rating
r = Rating.objects.get(session__uuid="{session}", section_key="{section}", rater=None)
capture.save_field(get_user_model().objects.get(username="admin"), r.session,
                   capture.FieldSave(uuid.uuid4(), r.section_key, "notes", "{text}",
                                     r.revision_of("notes")))
"""

NOTES = """
from govcap.assessments.models import Rating
print(Rating.objects.get(session__uuid="{session}", section_key="{section}", rater=None).notes)
"""

QUOTE = """
import uuid
from django.contrib.auth import get_user_model
from govcap.assessments import capture
from govcap.assessments.models import Quote, Session
s = Session.objects.get(uuid="{session}")
admin = get_user_model().objects.get(username="admin")
{action}
print(sorted(q.text for q in Quote.objects.filter(session=s)))
"""
ADD_QUOTE = ('capture.save_quote(admin, s, capture.QuoteSave(uuid.uuid4(), "{section}", '
             'uuid.UUID("{quote}"), "We need training.", "", 0))')
DELETE_QUOTE = ('capture.save_quote(admin, s, capture.QuoteSave(uuid.uuid4(), "{section}", '
                'uuid.UUID("{quote}"), "", "", 1, delete=True))')


def _env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "GOVCAP_DATA_DIR": str(data_dir), "GOVCAP_ADMIN_PASSWORD": PASSWORD,
           "GOVCAP_DEBUG": "0", "GOVCAP_ADMIN_2FA": "0",
           # Each `serve` collects the static files first; hashing and compressing them
           # (production's manifest storage) costs seconds and has no part in these tests.
           "GOVCAP_MANIFEST_STATIC": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
                 "DJANGO_SETTINGS_MODULE", "GOVCAP_SYNC_TOKEN"):
        env.pop(name, None)
    return env


def _get(url: str, token: str) -> dict:
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def test_push_twice_then_conflict(tmp_path: Path, migrated_sqlite: Path, govcap_run) -> None:
    laptop, central = _env(tmp_path / "laptop"), _env(tmp_path / "central")
    for env in (laptop, central):  # migrated; each `up` loads its own instrument and admin
        copy_database(migrated_sqlite, Path(env["GOVCAP_DATA_DIR"]))
    ups = [subprocess.Popen([GOVCAP, "up", "--no-serve", "--no-demo"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=env["GOVCAP_DATA_DIR"]) for env in (laptop, central)]
    for up in ups:
        assert up.wait(120) == 0, up.stderr.read() if up.stderr else ""
    servers: list[subprocess.Popen] = []
    try:
        ports = {}
        for name, env in (("laptop", laptop), ("central", central)):
            ports[name] = free_port()
            servers.append(subprocess.Popen(
                [GOVCAP, "serve", "--host", "127.0.0.1", "--port", str(ports[name])], env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                cwd=env["GOVCAP_DATA_DIR"]))
        made = json.loads(
            govcap_run(laptop, "shell", "-c", SETUP_LAPTOP).strip().splitlines()[-1])
        token = govcap_run(central, "shell", "-c", TOKEN).strip().splitlines()[-1]
        base = f"http://127.0.0.1:{ports['central']}"
        for name, server in zip(("laptop", "central"), servers, strict=True):
            wait_for(f"http://127.0.0.1:{ports[name]}/login/", server)
        push = ("sync", "push", "--to", base, "--token", token)

        out = govcap_run(laptop, *push)
        assert "1 session(s)" in out and "create" in out, out
        ratings = _get(f"{base}/api/ratings?session={made['session']}", token)
        assert ratings["count"] == 1
        assert ratings["items"][0]["notes"] == "first notes"

        out = govcap_run(laptop, *push)  # nothing changed since: nothing travels
        assert "0 session(s)" in out, out
        again = _get(f"{base}/api/ratings?session={made['session']}", token)
        assert again["count"] == 1
        sessions = _get(f"{base}/api/sessions", token)
        assert sessions["count"] == 1

        govcap_run(laptop, "shell", "-c", EDIT.format(text="laptop notes", **made))
        govcap_run(central, "shell", "-c", EDIT.format(text="central notes", **made))
        out = govcap_run(laptop, *push)
        assert "conflict 1" in out, out
        assert "(2 records sent)" in out, out  # the session's header and the one rating
        kept = _get(f"{base}/api/ratings?session={made['session']}", token)["items"][0]
        assert kept["notes"] == "central notes"  # not overwritten
        conflicts = json.loads(govcap_run(central, "sync", "conflicts", "--json"))
        assert len(conflicts) == 1
        assert conflicts[0]["local"]["notes"] == "central notes"
        assert conflicts[0]["remote"]["notes"] == "laptop notes"

        out = govcap_run(laptop, "sync", "pull", "--from", base, "--token", token)
        assert "conflict 1" in out, out
        here = json.loads(govcap_run(laptop, "sync", "conflicts", "--json"))
        assert [(c["local"]["notes"], c["remote"]["notes"]) for c in here] == [
            ("laptop notes", "central notes")]
        out = govcap_run(laptop, *push)  # a retried sync changes nothing more
        assert len(json.loads(govcap_run(central, "sync", "conflicts", "--json"))) == 1

        # the laptop settles for the central version; both sides then agree
        govcap_run(laptop, "sync", "conflicts", "--resolve", str(here[0]["id"]), "--take", "there")
        assert govcap_run(laptop, "sync", "conflicts").strip() == "No conflicts."
        notes = govcap_run(laptop, "shell", "-c", NOTES.format(**made))
        assert notes.strip().splitlines()[-1] == "central notes"
        out = govcap_run(laptop, *push)
        assert "conflict" not in out, out
        govcap_run(central, "sync", "conflicts", "--resolve", str(conflicts[0]["id"]))
        assert govcap_run(central, "sync", "conflicts").strip() == "No conflicts."

        # a quote added centrally arrives with a pull; deleted on the laptop, its tombstone
        # deletes it centrally with the next push
        quote = {**made, "quote": "6d1f0c52-3f55-4b8f-9a8c-0d7c3c1e2a11"}
        action = ADD_QUOTE.format(**quote)
        assert "We need training." in govcap_run(central, "shell", "-c",
                                              QUOTE.format(action=action, **quote))
        out = govcap_run(laptop, "sync", "pull", "--token", token)
        assert "create 1" in out, out
        listed = QUOTE.format(action="", **quote)
        assert "We need training." in govcap_run(laptop, "shell", "-c", listed)
        action = DELETE_QUOTE.format(**quote)
        assert "[]" in govcap_run(laptop, "shell", "-c", QUOTE.format(action=action, **quote))
        out = govcap_run(laptop, *push)
        assert "delete 1" in out, out
        assert "[]" in govcap_run(central, "shell", "-c", listed)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
