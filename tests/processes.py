"""For tests that run govcap in processes of its own (`govcap serve`, `up`, `sync`…) on a
SQLite data directory: a migrated database made once per test run and copied, instead of
migrating in every test (~5 s each on the CI's 2 cores). Tests about migrating still
migrate themselves (tests/serving/test_settings_import.py).

The copy is the schema and what the migrations write (content types, permissions), nothing
random: each test's `govcap up` still loads its own instrument and administrator, so two
servers set up this way differ as two real installations do."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from scripts._server import GOVCAP

DATABASE = "govcap.sqlite3"  # under GOVCAP_DATA_DIR, settings' default

# What each test's own environment decides (or must not inherit from the suite's).
INHERITED = ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
             "DJANGO_SETTINGS_MODULE")


def migrated_template(root: Path) -> Path:
    """The migrated SQLite file under `root`, made by `govcap migrate` if not there yet;
    parallel test processes sharing `root` wait for the first one."""
    data_dir = root / "govcap-migrated"
    template = data_dir / DATABASE
    with open(root / "govcap-migrated.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            data_dir.mkdir(exist_ok=True)
            env = {**os.environ, "GOVCAP_DATA_DIR": str(data_dir), "GOVCAP_DEBUG": "0"}
            for name in INHERITED:
                env.pop(name, None)
            building = data_dir / f"building-{os.getpid()}.sqlite3"
            done = subprocess.run([GOVCAP, "migrate", "--verbosity", "0"],
                                  env={**env, "GOVCAP_SQLITE_PATH": str(building)},
                                  capture_output=True, text=True, timeout=300, cwd=data_dir)
            assert done.returncode == 0, done.stderr[-3000:]
            building.rename(template)  # complete or absent, never half there
    return template


def copy_database(template: Path, data_dir: Path) -> Path:
    """A copy of the template as the data directory's database (SQLite's backup API: a
    consistent copy whatever its journal mode)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / DATABASE
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


# A govcap process that has imported Django and govcap once, then runs each command in a
# fork of itself: every command still gets a process of its own (its own database
# connections, module state and exit status, as `govcap ARGS` would), without the second or
# so each fresh interpreter spends importing. The protocol is one JSON line per command on
# its stdin, one JSON answer per line on its stdout.
FORK_SERVER = r"""
import json, os, sys, tempfile, traceback
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
from govcap import cli
cli._setup()
from django.core import checks
from django.core.management import get_commands, load_command_class
from django.db import connections
for name, app in get_commands().items():  # their modules too, once
    load_command_class(app, name)
checks.run_checks()  # what the checks import (the URLconf, every view) is then loaded
connections.close_all()  # a fork must not share the parent's database connections
answers = os.fdopen(os.dup(1), "w")
for line in sys.stdin:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            code = 0
            try:
                cli.main(json.loads(line))
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        answers.write(json.dumps({"code": os.waitstatus_to_exitcode(status),
                                  "out": out.read().decode(), "err": err.read().decode()}))
        answers.write("\n")
        answers.flush()
"""


class Govcap:
    """`govcap ARGS` in an environment (`run`), each command in a process of its own forked
    from one that imported govcap once (FORK_SERVER). Close it (or use it in `with`)."""

    def __init__(self, env: dict[str, str]) -> None:
        python = str(Path(GOVCAP).with_name("python"))
        self.server = subprocess.Popen([python, "-c", FORK_SERVER], env=env, text=True,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       cwd=env["GOVCAP_DATA_DIR"])

    def run(self, *args: str) -> str:
        """What the command printed; an AssertionError with its error output if it failed."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(json.dumps(list(args)) + "\n")
        self.server.stdin.flush()
        line = self.server.stdout.readline()
        assert line, f"the govcap fork server ended (exit {self.server.wait(10)})"
        answer = json.loads(line)
        assert answer["code"] == 0, f"govcap {' '.join(args)[:200]}: {answer['err'][-3000:]}"
        return answer["out"]

    def close(self) -> None:
        """Stopped at once: between commands it holds nothing (each fork was waited for),
        so the interpreter's shutdown has nothing to do."""
        self.server.terminate()
        self.server.wait(30)
        for pipe in (self.server.stdin, self.server.stdout):
            if pipe is not None:
                pipe.close()

    def __enter__(self) -> Govcap:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
