"""Screenshots of govcap's main pages, as a user sees them, for the guides and for review.

Builds a throw-away database with the demo data, serves it on loopback, and drives Debian's
chromium through Playwright. Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
GOVCAP = str(ROOT / ".venv" / "bin" / "govcap")
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "screenshots-only-1"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-gpu", "--no-first-run", "--disable-sync"]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="govcap-shots-")
    env = {**os.environ, "GOVCAP_DATA_DIR": data_dir, "GOVCAP_ADMIN_PASSWORD": PASSWORD}
    env.pop("GOVCAP_DATABASE_URL", None)
    subprocess.run([GOVCAP, "up", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    sessions = json.loads(subprocess.run([GOVCAP, "sessions", "--json"], env=env, check=True,
                                         capture_output=True, text=True).stdout)
    server = subprocess.Popen([GOVCAP, "serve", "--port", str(PORT)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(BASE + "/login/")
        shoot(out, sessions)
    finally:
        server.terminate()
        server.wait(10)


def wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def shoot(out: Path, sessions: list[dict]) -> None:
    in_progress = next(s for s in sessions if s["status"] == "in_progress")
    validated = next(s for s in sessions if s["status"] == "validated")
    french = next((s for s in sessions if s["country"] == "DJ"), validated)
    pages = {
        "home": "/",
        "engagement": f"/e/{validated['engagement']}/",
        "session": f"/s/{in_progress['id']}/",
        "guide": f"/s/{in_progress['id']}/guide/",
        "consent": f"/s/{in_progress['id']}/consent/",
        "section": f"/s/{in_progress['id']}/section/change-management/",
        "summary": f"/s/{validated['id']}/summary/",
        "section-fr": f"/s/{french['id']}/section/enterprise-architecture/",
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for width, height in ((1366, 768), (768, 1024), (360, 740)):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(BASE + "/login/")
            page.fill("#id_username", "admin")
            page.fill("#id_password", PASSWORD)
            page.click("button.primary")
            page.wait_for_url(BASE + "/")
            for name, path in pages.items():
                page.goto(BASE + path)
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
            if width == 1366:  # the printed forms: the one-page guide and the summary
                for name in ("guide", "summary"):
                    page.goto(BASE + pages[name])
                    page.pdf(path=str(out / f"{name}.pdf"), format="A4")
            context.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "var" / "screenshots")
