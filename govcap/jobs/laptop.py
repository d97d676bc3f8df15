"""`govcap serve` without --production: run background jobs too, so a laptop needs no
second command (GOVCAP_LAPTOP_WORKER=0 turns it off).

The worker is a child process, not a thread: a pack's PDF rendering then runs on another
core instead of slowing the server's requests, and a job that runs out of memory cannot
take the server down. The child ends with the server: on Ctrl+C (the terminal signals
both), at exit, and on Linux even when the server is killed. A job it was running then
shows as interrupted.
"""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys

from govcap.jobs.worker import uses_database_backend


def enabled() -> bool:
    value = os.environ.get("GOVCAP_LAPTOP_WORKER", "1").strip().lower()
    return value not in {"0", "false", "no", "off"} and uses_database_backend()


def start_background_worker(stdout) -> subprocess.Popen | None:
    if not enabled():
        return None
    child = subprocess.Popen([sys.executable, "-m", "govcap", "worker", "--verbosity", "0"],
                             env=os.environ.copy(),
                             preexec_fn=_end_with_parent if os.name == "posix" else None)
    atexit.register(_stop, child)
    stdout.write(f"Background jobs run in a worker process (pid {child.pid}).")
    return child


def _end_with_parent() -> None:
    """In the child, before it starts (Linux): SIGTERM when the server dies, even killed."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(child: subprocess.Popen) -> None:
    """The worker's first SIGTERM asks it to finish its job; the server is stopping, so a
    second one stops the job now, recorded as interrupted."""
    for _ in range(2):
        if child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
