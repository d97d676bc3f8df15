"""Two field laptops set up alike from the same bundle, one central server (three SQLite
files; the central one served): both laptops' sessions arrive though the laptops' audit
cursors are equal; a token holder who sends a laptop's operation ID first does not pre-empt
its push; a push whose answer was lost is resent under the same ID and applied once."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.processes import copy_database
from tests.sync.test_two_servers import GOVCAP, _env, free_port, pytestmark, wait_for

__all__ = ["pytestmark"]

CENTRAL_SETUP = """
import json
from django.contrib.auth import get_user_model
from govcap.accounts.models import Role, RoleAssignment
from govcap.accounts.tokens import create_token
from govcap.instruments.models import Instrument
from govcap.orgs.models import Country, Engagement, Organisation
admin = get_user_model().objects.get(username="admin")
ke = Country.objects.create(code="KE", name="Kenya")
org = Organisation.objects.create(country=ke, name="Ministry of ICT", code="MoICT")
eng = Engagement.objects.create(country=ke, name="Kenya baseline",
                                instrument=Instrument.objects.get())
eng.organisations.add(org)
mallory = get_user_model().objects.create_user("mallory", password="x-unused-password-1")
RoleAssignment.objects.create(user=mallory, role=Role.VIEWER, engagement=eng)
print(json.dumps({"slug": eng.slug, "admin": create_token(admin, "laptops").raw,
                  "mallory": create_token(mallory, "mallory").raw}))
"""

NEW_SESSION = """
import datetime as dt, uuid
from django.contrib.auth import get_user_model
from govcap.assessments import capture, workflow
from govcap.assessments.models import Session
from govcap.orgs.models import Engagement
from govcap.sync.feed import head
admin = get_user_model().objects.get(username="admin")
eng = Engagement.objects.get()
s = Session.objects.create(engagement=eng, organisation=eng.organisations.get(),
                           instrument=eng.instrument, scheduled_date=dt.date(2026, 3, 10),
                           place="{place}")
s.facilitators.add(admin)
workflow.record_consent(admin, s, given=True, recording_allowed=False, note="")
key = eng.instrument.parsed.sections[0].key
capture.save_field(admin, s, capture.FieldSave(uuid.uuid4(), key, "notes", "{place}", 0))
print(head())
"""

PRE_EMPTED_PUSH = """
import json
from govcap.sync import client
real = client.request
def hostile_first(url, token, body=None, timeout=client.TIMEOUT):
    if body is not None and not hostile_first.done:  # the laptop's ID, seen on the wire
        hostile_first.done = True
        decoy = {{**body, "batch": {{**body["batch"], "sessions": [], "engagements": [],
                                     "tombstones": []}}}}
        print("hostile:", json.dumps(real(url, "{mallory}", decoy, timeout)))
    return real(url, token, body, timeout)
hostile_first.done = False
client.request = hostile_first
print("laptop:", json.dumps(client.push("{url}", "{token}")["counts"]))
"""

LOST_ANSWER = """
from govcap.sync import client
from govcap.sync.models import SyncPeer
real = client.request
def answer_lost(url, token, body=None, timeout=client.TIMEOUT):
    real(url, token, body, timeout)  # the central server applies it; the answer never comes
    raise client.SyncClientError(url + " could not be reached: timed out")
client.request = answer_lost
try:
    client.push("{url}", "{token}")
except client.SyncClientError:
    pass
print(SyncPeer.objects.get(url="{url}").pending_push["op_id"])
"""

CENTRAL_STATE = """
import json
from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Session
from govcap.sync.models import SyncBatch
sessions = sorted(Session.objects.values_list("place", flat=True))
ops = {p: sorted({str(o) for o in AuditEvent.objects.filter(
    session__place=p, action="sync").values_list("op_id", flat=True)})
       for p in sessions}
batches = {str(b.op_id): [b.user.username if b.user else None, b.peer]
           for b in SyncBatch.objects.all()}
print(json.dumps({"sessions": sessions, "ops": ops, "batches": batches}))
"""


def _last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_laptops_from_one_bundle_a_hostile_token_and_a_lost_answer(
        tmp_path: Path, migrated_sqlite: Path, govcap_run) -> None:
    envs = {name: _env(tmp_path / name) for name in ("central", "laptop_a", "laptop_b")}
    for env in envs.values():  # migrated; each `up` loads its own instrument and admin
        copy_database(migrated_sqlite, Path(env["GOVCAP_DATA_DIR"]))
    ups = [subprocess.Popen([GOVCAP, "up", "--no-serve", "--no-demo"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=env["GOVCAP_DATA_DIR"]) for env in envs.values()]
    for up in ups:
        assert up.wait(180) == 0, up.stderr.read() if up.stderr else ""
    central, laptop_a, laptop_b = envs.values()
    port = free_port()
    server = subprocess.Popen([GOVCAP, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env=central, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, cwd=central["GOVCAP_DATA_DIR"])
    try:
        made = json.loads(_last_line(govcap_run(central, "shell", "-c", CENTRAL_SETUP)))
        bundle = tmp_path / "engagement.json"
        govcap_run(central, "bundle", "export", made["slug"], "--out", str(bundle))
        heads = []
        for env, place in ((laptop_a, "Nairobi"), (laptop_b, "Mombasa")):
            govcap_run(env, "bundle", "import", str(bundle))
            heads.append(_last_line(govcap_run(env, "shell", "-c",
                                            NEW_SESSION.format(place=place))))
        assert heads[0] == heads[1]  # alike down to their cursors: once the same push ID
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/login/", server)
        push = ("sync", "push", "--to", url, "--token", made["admin"])

        # 1. both laptops push: both sessions arrive
        for env in (laptop_a, laptop_b):
            out = govcap_run(env, *push)
            assert "1 session(s)" in out and "create" in out, out
        state = json.loads(_last_line(govcap_run(central, "shell", "-c", CENTRAL_STATE)))
        assert state["sessions"] == ["Mombasa", "Nairobi"]

        # 2. a viewer's token sends laptop A's next push ID first: refused, the push applies
        govcap_run(laptop_a, "shell", "-c", NEW_SESSION.format(place="Kisumu"))
        out = govcap_run(laptop_a, "shell", "-c", PRE_EMPTED_PUSH.format(
            url=url, token=made["admin"], mallory=made["mallory"]))
        assert '"create"' in out.split("laptop:")[1], out
        state = json.loads(_last_line(govcap_run(central, "shell", "-c", CENTRAL_STATE)))
        assert "Kisumu" in state["sessions"]
        mallorys = [op for op, (user, _) in state["batches"].items() if user == "mallory"]
        assert len(mallorys) == 1 and mallorys[0] not in state["ops"]["Kisumu"]

        # 3. laptop B's answer is lost; the next push resends the same ID, applied once
        govcap_run(laptop_b, "shell", "-c", NEW_SESSION.format(place="Garissa"))
        lost = _last_line(govcap_run(laptop_b, "shell", "-c", LOST_ANSWER.format(
            url=url, token=made["admin"])))
        govcap_run(laptop_b, *push)
        state = json.loads(_last_line(govcap_run(central, "shell", "-c", CENTRAL_STATE)))
        assert state["sessions"].count("Garissa") == 1
        assert state["ops"]["Garissa"] == [lost]  # every write of it under the one ID
        assert state["batches"][lost] == ["admin", state["batches"][lost][1]]
        assert len(state["batches"]) == 5  # A, B, mallory's decoy, A's renewed, B's once
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
