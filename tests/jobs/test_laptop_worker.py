"""A laptop's `govcap serve` runs a worker process beside it: a queued job is run (here one
that fails, recorded with its reason), and the worker ends with the server — on Ctrl+C and
even when the server is killed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from scripts._server import GOVCAP, free_port, wait_for
from tests.processes import copy_database
from tests.waiting import wait_until

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc: Linux")


def env_for(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "GOVCAP_DATA_DIR": str(data_dir), "GOVCAP_DEBUG": "0",
           # Each `serve` collects the static files first; hashing and compressing them
           # (production's manifest storage) costs seconds and has no part in this test.
           "GOVCAP_MANIFEST_STATIC": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
                 "DJANGO_SETTINGS_MODULE", "GOVCAP_LAPTOP_WORKER"):
        env.pop(name, None)
    return env


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return not re.search(r"^State:\s+Z", status, re.M)  # a zombie has ended


def as_from_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it: a process started in the background (a CI shell's
    `&`, or a worker that ignores SIGINT) inherits SIGINT ignored, and the server would
    never hear the test's Ctrl+C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def serve(env, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen([GOVCAP, "serve", "--port", str(port)], env=env,
                              stdout=log.open("w"), stderr=subprocess.STDOUT,
                              cwd=env["GOVCAP_DATA_DIR"], preexec_fn=as_from_a_terminal)
    found: list[int] = []

    def started() -> bool:
        match = re.search(r"worker process \(pid (\d+)\)", log.read_text())
        if match:
            found.append(int(match[1]))
        return bool(match)

    wait_until(started, lambda: f"the server starts its worker; its log:\n{log.read_text()}",
               60)
    wait_for(f"http://127.0.0.1:{port}/login/", server)
    return server, found[0]


def test_serve_runs_jobs_in_a_worker_process_that_ends_with_it(tmp_path, migrated_sqlite,
                                                               govcap_run):
    env = env_for(tmp_path)
    copy_database(migrated_sqlite, tmp_path)  # as `govcap migrate` leaves it
    processes: list[int] = []
    try:
        server, worker = serve(env, tmp_path / "serve-1.log")
        processes += [server.pid, worker]
        assert "job 1 queued" in govcap_run(env, "plan", "pack", "--programme", "--background")
        wait_until(lambda: "failed" in govcap_run(env, "jobs", "list"), "the job has failed", 60)
        assert "No training plan to pack" in govcap_run(env, "jobs", "show", "1")

        server.kill()  # the server dies without a word: the worker follows
        server.wait(10)
        wait_until(lambda: not alive(worker), "the worker ends with the killed server", 15)

        server, worker = serve(env, tmp_path / "serve-2.log")
        processes += [server.pid, worker]
        server.send_signal(signal.SIGINT)  # Ctrl+C
        server.wait(30)
        wait_until(lambda: not alive(worker), "the worker ends after Ctrl+C", 15)
    finally:
        for pid in processes:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
