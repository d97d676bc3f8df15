"""Serve a throw-away govcap with the demo data on loopback, for scripts that drive a browser
(scripts/screenshots.py, bench/page_weight.py).

    with demo_server() as server:
        server.base      # http://127.0.0.1:PORT
        server.sessions  # `govcap sessions --json`
        server.password  # the admin's (and demo users') password

The data live in a temporary directory removed afterwards; the server listens on 127.0.0.1
only, on a free port, and is stopped (by its own process id) when the block ends. Served as
in production: DEBUG off, so static files are hashed, compressed and cached by WhiteNoise.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOVCAP = str(ROOT / ".venv" / "bin" / "govcap")
CHROMIUM = os.environ.get("GOVCAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-gpu", "--no-first-run",
                 "--disable-sync"]
PASSWORD = "scripts-only-password-1"
START_TIMEOUT = 60.0


@dataclass
class Server:
    base: str
    password: str
    sessions: list[dict] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def demo_server(port: int | None = None) -> Iterator[Server]:
    """A govcap with the demo data, served on 127.0.0.1 until the block ends."""
    data_dir = tempfile.mkdtemp(prefix="govcap-script-")
    env = {**os.environ, "GOVCAP_DATA_DIR": data_dir, "GOVCAP_ADMIN_PASSWORD": PASSWORD,
           "GOVCAP_DEMO_PASSWORD": PASSWORD, "GOVCAP_DEBUG": "0",
           # a throw-away loopback server: the admin logs in without a second factor
           "GOVCAP_ADMIN_2FA": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT"):
        env.pop(name, None)
    port = port or free_port()
    server = None
    try:
        subprocess.run([GOVCAP, "up", "--no-serve"], env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
        sessions = json.loads(subprocess.run(
            [GOVCAP, "sessions", "--json"], env=env, check=True, capture_output=True,
            text=True, timeout=120).stdout)
        server = subprocess.Popen([GOVCAP, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/login/", server)
        yield Server(base=base, password=PASSWORD, sessions=sessions)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def wait_for(url: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode}) before answering")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url} within {START_TIMEOUT:.0f} s")


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_url(base + "/")
