"""Crash safety: `govcap serve --production` is killed with SIGKILL (master and workers, the
whole process group) while several facilitators' autosaves stream in, then restarted.
Every save the server acknowledged is there with its value and revision; nothing is
half-written (each field revision has its audit event and applied operation, and nothing
else is there); a save re-sent with the same operation ID is answered as already applied,
not applied twice; SQLite's integrity check passes on the file as the crash left it.

On SQLite when GOVCAP_DATABASE_URL is unset; on PostgreSQL when it is set, in a database
this test creates and drops (the CI runs the suite once on each)."""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from scripts._server import GOVCAP, free_port
from tests.processes import copy_database
from tests.waiting import wait_until

POSTGRES_URL = os.environ.get("GOVCAP_DATABASE_URL", "")
BACKEND = "postgresql" if POSTGRES_URL else "sqlite"
PASSWORD = "crash-test-password-1"
FACILITATOR = "crash-facilitator"
# Two sessions, two fields each: concurrent saves to different fields of one rating, and to
# different sessions, each client keeping its own field's revision.
CLIENTS = [(0, "notes"), (0, "evidence"), (1, "notes"), (1, "dissent")]
KILL_AFTER = (40, 90)  # acknowledged saves before the kill, drawn at random in this range
STREAM_TIMEOUT = 90.0
START_TIMEOUT = 120.0

SETUP = """
import datetime as dt, json
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from govcap.instruments.services import ensure_default_instrument
ensure_default_instrument()
from govcap.accounts.models import Role, RoleAssignment
from govcap.assessments import workflow
from govcap.assessments.models import Session
from govcap.instruments.models import Instrument
from govcap.orgs.models import Country, Engagement, Organisation
user = get_user_model().objects.create_user("{user}", password="{password}")
instrument = Instrument.objects.get()
ke = Country.objects.create(code="KE", name="Kenya")
org = Organisation.objects.create(country=ke, name="Ministry of ICT", code="MoICT")
eng = Engagement.objects.create(country=ke, name="Kenya baseline", instrument=instrument)
eng.organisations.add(org)
RoleAssignment.objects.create(user=user, role=Role.FACILITATOR, engagement=eng)
sessions = []
for day in (10, 11):
    s = Session.objects.create(engagement=eng, organisation=org, instrument=instrument,
                               scheduled_date=dt.date(2026, 3, day), place="Nairobi")
    s.facilitators.add(user)
    workflow.record_consent(user, s, given=True, recording_allowed=False, note="")
    sessions.append(str(s.uuid))
print(json.dumps({{"sessions": sessions, "section": instrument.parsed.sections[0].key}}))
"""

# Read straight from the tables, not through govcap: what is on disk is what is checked.
RATINGS = ("SELECT s.uuid, r.uuid, r.rater_id, r.notes, r.evidence, r.dissent, "
           "r.field_revisions FROM assessments_rating r "
           "JOIN assessments_session s ON s.id = r.session_id")
APPLIED = "SELECT op_id, response FROM assessments_appliedoperation"
EVENTS = ("SELECT op_id, object_uuid, action, after FROM accounts_auditevent "
          "WHERE object_type = 'assessments.rating' ORDER BY id")


@dataclass
class Save:
    client: int
    session: str
    field: str
    op_id: str
    value: str
    base_revision: int
    revision: int | None = None  # set when the server acknowledged it


@dataclass
class Stream:
    acknowledged: list[Save] = field(default_factory=list)
    in_flight: dict[int, Save] = field(default_factory=dict)  # sent; no answer came back
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)  # notified per answer
    stop: threading.Event = field(default_factory=threading.Event)

    @property
    def streamed(self) -> int:
        return len(self.acknowledged) + len(self.in_flight)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A database of its own on the suite's PostgreSQL server, dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"govcap_crash_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(POSTGRES_URL)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                         .format(sql.Identifier(name)))


@contextmanager
def server_environment(data_dir: Path) -> Iterator[dict[str, str]]:
    env = {**os.environ, "GOVCAP_DATA_DIR": str(data_dir), "GOVCAP_PRODUCTION": "1",
           "GOVCAP_DEBUG": "0", "GOVCAP_SECRET_KEY": secrets.token_urlsafe(50),
           "GOVCAP_ADMIN_PASSWORD": PASSWORD, "GOVCAP_ADMIN_2FA": "0",
           # Each `serve` collects the static files first; hashing and compressing them
           # (production's manifest storage) costs seconds and has no part in this test.
           "GOVCAP_MANIFEST_STATIC": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
                 "GOVCAP_SQLITE_MAX_PAGES", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    if BACKEND == "postgresql":
        with postgres_database() as url:
            yield {**env, "GOVCAP_DATABASE_URL": url}
    else:
        yield env


def govcap(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([GOVCAP, *args], env=env, capture_output=True, text=True,
                          timeout=180, cwd=env["GOVCAP_DATA_DIR"])
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def launch(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    """In a process group of its own, so one signal reaches the master and its workers."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [GOVCAP, "serve", "--production", "--host", "127.0.0.1", "--port", str(port),
             "--workers", "2"],
            env=env, cwd=env["GOVCAP_DATA_DIR"], stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)


def wait_until_serving(server: subprocess.Popen, port: int, log: Path) -> None:
    """Until the login page answers: one request at a time, each given long enough that a
    busy machine's slow first request is not abandoned and asked again."""
    def answers() -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{port}/login/", timeout=20).ok
        except requests.RequestException:
            return False

    try:
        wait_until(lambda: server.poll() is not None or answers(), "the server answers",
                   START_TIMEOUT)
        if server.poll() is None:
            return
    except AssertionError:
        pass  # not answering in time: stopped, then reported with its log
    kill_group(server)
    pytest.fail(f"the server did not answer (exit {server.returncode})\n"
                f"{log.read_text()[-3000:]}")


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    server = launch(env, port, log)
    wait_until_serving(server, port, log)
    return server


def kill_group(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait(30)


def log_in(base: str) -> requests.Session:
    http = requests.Session()
    form = http.get(f"{base}/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answer = http.post(f"{base}/login/", data={
        "username": FACILITATOR, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/login/"}, allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[:2000]
    return http


def logged_in(base: str, clients: int) -> list[requests.Session]:
    with ThreadPoolExecutor(clients) as pool:
        return list(pool.map(log_in, [base] * clients))


def post_save(http: requests.Session, base: str, section: str, save: Save) -> requests.Response:
    return http.post(f"{base}/s/{save.session}/save/field/", json={
        "op_id": save.op_id, "section": section, "field": save.field, "value": save.value,
        "base_revision": save.base_revision}, headers={"X-CSRFToken": http.cookies["csrftoken"]},
        timeout=30)


def stream_saves(client: int, http: requests.Session, base: str, session: str, section: str,
                 field_name: str, stream: Stream) -> None:
    """One facilitator typing into one field: each save based on the last acknowledged."""
    revision, n = 0, 0
    while not stream.stop.is_set():
        filler = "x" * (n * 397 % 6000)  # some saves span several database pages
        save = Save(client, session, field_name, str(uuid.uuid4()),
                    f"client {client} save {n} {filler}", revision)
        with stream.lock:
            stream.in_flight[client] = save
        try:
            answer = post_save(http, base, section, save)
            data = answer.json()
        except requests.RequestException:
            return  # the server is gone mid-request: this save's fate is unknown
        if answer.status_code != 200 or data.get("status") != "saved":
            with stream.lock:
                stream.unexpected.append(
                    f"client {client}: {answer.status_code} {answer.text[:300]}")
                stream.lock.notify_all()
            return
        save.revision = revision = data["revision"]
        with stream.lock:
            del stream.in_flight[client]
            stream.acknowledged.append(save)
            stream.lock.notify_all()
        n += 1


@contextmanager
def database(env: dict[str, str]):
    if BACKEND == "sqlite":
        with closing(sqlite3.connect(Path(env["GOVCAP_DATA_DIR"]) / "govcap.sqlite3")) as db:
            yield db
    else:
        import psycopg

        with psycopg.connect(env["GOVCAP_DATABASE_URL"]) as db:
            yield db


def as_uuid(value) -> str | None:
    return None if value is None else str(uuid.UUID(str(value)))


def as_json(value):
    return json.loads(value) if isinstance(value, str) else value


def state(env: dict[str, str]) -> dict:
    with database(env) as db:
        found = {
            "ratings": [{"session": as_uuid(session), "uuid": as_uuid(rating), "rater": rater,
                         "values": {"notes": notes, "evidence": evidence, "dissent": dissent},
                         "revisions": as_json(revisions)}
                        for session, rating, rater, notes, evidence, dissent, revisions
                        in db.execute(RATINGS).fetchall()],
            "applied": {as_uuid(op): as_json(response)
                        for op, response in db.execute(APPLIED).fetchall()},
            "events": [{"op_id": as_uuid(op), "object": as_uuid(obj), "action": action,
                        "after": as_json(after)}
                       for op, obj, action, after in db.execute(EVENTS).fetchall()],
            "integrity": None,
        }
        if BACKEND == "sqlite":
            found["integrity"] = [row[0] for row in db.execute("PRAGMA integrity_check")]
    return found


def check_nothing_half_written(found: dict) -> None:
    """Every field revision has its own audit event, every audit event its applied operation,
    and every applied operation exactly one audit event: all of a save, or nothing of it."""
    events = [e for e in found["events"] if e["action"] == "update"]
    per_op: dict[str, int] = {}
    for event in events:
        per_op[event["op_id"]] = per_op.get(event["op_id"], 0) + 1
    assert set(per_op) == set(found["applied"]), "an audit event without its applied operation"
    assert set(per_op.values()) == {1}, "an operation applied twice"
    for rating in found["ratings"]:
        for name, revision in rating["revisions"].items():
            mine = [e for e in events if e["object"] == rating["uuid"] and name in e["after"]]
            assert len(mine) == revision, (rating["uuid"], name, revision, len(mine))
            assert mine[-1]["after"][name] == rating["values"][name]  # the last one is there
        for name, value in rating["values"].items():
            assert value == "" or rating["revisions"].get(name, 0) > 0


def rating_value(found: dict, session: str, name: str) -> tuple[str, int]:
    rating = next(r for r in found["ratings"] if r["session"] == session and r["rater"] is None)
    return rating["values"][name], int(rating["revisions"].get(name, 0))


def test_acknowledged_saves_survive_sigkill_mid_stream(tmp_path: Path, request) -> None:
    started = time.monotonic()
    laps: dict[str, float] = {}

    def lap(name: str) -> None:
        laps[name] = time.monotonic() - started - sum(laps.values())

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if BACKEND == "sqlite":  # migrated once per run; SETUP's migrate then has nothing to do
        copy_database(request.getfixturevalue("migrated_sqlite"), data_dir)
    log = tmp_path / "server.log"
    with server_environment(data_dir) as env:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        stream, threads = Stream(), []
        server = launch(env, port, log)  # it boots while the database is set up
        try:
            made = json.loads(govcap(env, "shell", "-c",
                                     SETUP.format(user=FACILITATOR, password=PASSWORD)))
            sessions, section = made["sessions"], made["section"]
            wait_until_serving(server, port, log)
            lap("set up and serving")
            https = logged_in(base, len(CLIENTS))
            kill_after = random.randint(*KILL_AFTER)
            threads = [threading.Thread(target=stream_saves, daemon=True, args=(
                i, https[i], base, sessions[s], section, name, stream))
                for i, (s, name) in enumerate(CLIENTS)]
            for thread in threads:
                thread.start()
            with stream.lock:  # woken by each answer the clients get
                assert stream.lock.wait_for(
                    lambda: len(stream.acknowledged) >= kill_after or stream.unexpected,
                    STREAM_TIMEOUT), f"only {len(stream.acknowledged)} saves"
            stream.stop.set()  # no new saves after the kill; those on the way stay so
            kill_group(server)  # mid-stream: the clients' next saves are on the way
        finally:
            stream.stop.set()
            kill_group(server)
        for thread in threads:
            thread.join(60)
        assert not stream.unexpected, stream.unexpected
        acknowledged, in_flight = list(stream.acknowledged), dict(stream.in_flight)

        if BACKEND == "sqlite":  # the file exactly as the crash left it
            with closing(sqlite3.connect(data_dir / "govcap.sqlite3")) as db:
                assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

        lap("streamed and killed")
        server = start_server(env, port, log)
        lap("restarted")
        try:
            found = state(env)
            if found["integrity"] is not None:
                assert found["integrity"] == ["ok"]
            check_nothing_half_written(found)
            for save in acknowledged:  # every acknowledged save is there, as answered
                assert found["applied"][save.op_id]["revision"] == save.revision
                assert any(e["op_id"] == save.op_id and e["after"] == {save.field: save.value}
                           for e in found["events"])
            applied_in_flight = 0
            for client, (s, name) in enumerate(CLIENTS):
                mine = [a for a in acknowledged if a.client == client]
                last = mine[-1] if mine else None
                value, revision = rating_value(found, sessions[s], name)
                pending = in_flight.get(client)
                if pending is not None and pending.op_id in found["applied"]:
                    applied_in_flight += 1  # committed, but the answer never left
                    assert (value, revision) == (pending.value, pending.base_revision + 1)
                else:
                    assert (value, revision) == ((last.value, last.revision) if last else ("", 0))

            # Re-sent after the restart with the same operation IDs (by the same logged-in
            # clients: their login sessions survived too): answered, not applied again.
            for client, _ in enumerate(CLIENTS):
                resend = [a for a in acknowledged if a.client == client][-1:]
                resend += [in_flight[client]] if client in in_flight else []
                for save in resend:
                    answer = post_save(https[client], base, section, save)
                    assert answer.status_code == 200, answer.text[:500]
                    data = answer.json()
                    if save.revision is not None or save.op_id in found["applied"]:
                        assert data.get("replayed") is True, data
                        assert data["revision"] == (save.revision or save.base_revision + 1)
                    else:  # never applied: applied now, once
                        assert data["revision"] == save.base_revision + 1 and "replayed" not in data
            after = state(env)
            lap("checked")
            check_nothing_half_written(after)
            newly = {op for op in after["applied"] if op not in found["applied"]}
            assert newly == {s.op_id for s in in_flight.values()
                             if s.op_id not in found["applied"]}
        finally:
            kill_group(server)
    print(f"\ncrash test ({BACKEND}): killed once {kill_after} were acknowledged; "
          f"{len(acknowledged) + len(in_flight)} saves streamed, {len(acknowledged)} "
          f"acknowledged, {sum(1 for a in acknowledged if a.op_id in found['applied'])} "
          f"acknowledged found after restart, {len(in_flight)} in flight at the kill "
          f"({applied_in_flight} of them committed); {time.monotonic() - started:.1f} s: "
          + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in laps.items()))
