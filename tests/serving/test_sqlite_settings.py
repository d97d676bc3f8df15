"""One SQLite configuration, however the database is named: a `sqlite:///…` URL gets the
same WAL, immediate-transaction and busy-timeout options as the default file, so two people
saving at once queue instead of one getting 500 "database is locked"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govcap.settings import database_from_env, sqlite_options

# Each worker runs read-then-write transactions, as a save does (read the revision, write
# the field). Deferred transactions in two processes deadlock on the upgrade from the read
# lock and SQLite answers "database is locked" at once, whatever the timeout; IMMEDIATE
# transactions take the write lock at BEGIN and simply queue.
WORKER = """
import os, sys, time
import django
django.setup()
from django.db import connection, transaction
rounds = int(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # "go", sent to both workers once both are ready
for _ in range(rounds):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM race")
        time.sleep(0.002)
        cursor.execute("INSERT INTO race (who) VALUES (%s)", [os.getpid()])
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
"""
ROUNDS = 40


def test_the_url_and_the_default_path_give_the_same_options(tmp_path: Path) -> None:
    by_path = database_from_env({"GOVCAP_SQLITE_PATH": str(tmp_path / "a.sqlite3")}, tmp_path)
    by_url = database_from_env({"GOVCAP_DATABASE_URL": f"sqlite:///{tmp_path}/a.sqlite3"},
                               tmp_path)
    assert by_url["OPTIONS"] == by_path["OPTIONS"] == sqlite_options()
    assert by_url["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in by_url["OPTIONS"]["init_command"]
    assert str(by_url["NAME"]) == str(by_path["NAME"])
    assert by_url["CONN_MAX_AGE"] == by_path["CONN_MAX_AGE"]


def test_options_in_the_url_still_win(tmp_path: Path) -> None:
    named = database_from_env({"GOVCAP_DATABASE_URL": f"sqlite:///{tmp_path}/a.sqlite3"
                                                      "?timeout=60"}, tmp_path)
    assert named["OPTIONS"]["timeout"] in (60, "60")
    assert named["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_gets_no_sqlite_options() -> None:
    db = database_from_env({"GOVCAP_DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}, Path("."))
    assert "transaction_mode" not in db.get("OPTIONS", {})


@pytest.mark.parametrize("naming", ["url", "path"])
def test_two_writers_at_once_both_succeed(tmp_path: Path, naming: str) -> None:
    path = tmp_path / "race.sqlite3"
    with sqlite3.connect(path) as db:  # as `govcap up` leaves it: migrated, in WAL mode
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE race (id INTEGER PRIMARY KEY, who INTEGER)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVCAP_")}
    env.update({"DJANGO_SETTINGS_MODULE": "govcap.settings", "GOVCAP_DATA_DIR": str(tmp_path),
                "GOVCAP_DEBUG": "1"})
    if naming == "url":
        env["GOVCAP_DATABASE_URL"] = f"sqlite:///{path}"
    else:
        env["GOVCAP_SQLITE_PATH"] = str(path)
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(ROUNDS)], env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for worker in workers:  # both have loaded Django and wait at the start line
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n", (
            worker.communicate(timeout=60)[1][-2000:])
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = [w.communicate(timeout=120) for w in workers]
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err[-2000:]
        assert out.strip() == "wal"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM race").fetchone()[0] == 2 * ROUNDS
