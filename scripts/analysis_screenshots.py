"""Screenshots of the analysis pages with the demo data and the demo coding, for review.

    .venv/bin/python scripts/analysis_screenshots.py [OUT_DIR] [--widths 1366,768]
        [--pages programme,engagement,…] [--user admin]

Builds a throw-away database (`govcap up --no-serve`, then `govcap analysis
seed-demo-coding`), serves it on loopback and drives Debian's chromium (as
scripts/screenshots.py does). Files are NAME-WIDTH.png.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _server import CHROMIUM, CHROMIUM_ARGS, GOVCAP, PASSWORD, ROOT, free_port, log_in, wait_for
from playwright.sync_api import sync_playwright

HEIGHTS = {1366: 768, 768: 1024, 360: 740}
FACILITATOR_PAGES = ("my-rating", "vote-entry")


def pages_for(sessions: list[dict], ids: dict) -> dict[str, str]:
    rated = next(s for s in sessions if s["id"] == ids["rated_session"])
    return {
        "programme": "/analysis/",
        "country": "/analysis/country/KE/",
        "engagement": f"/analysis/e/{rated['engagement']}/",
        "organisation": f"/analysis/o/{ids['organisation']}/",
        "agreement": f"/analysis/e/{rated['engagement']}/agreement/",
        "votes": f"/analysis/e/{rated['engagement']}/votes/",
        "my-rating": f"/analysis/s/{ids['own_session']}/my-rating/",
        "vote-entry": f"/analysis/s/{ids['own_session']}/votes/",
        "coding": f"/analysis/s/{rated['id']}/coding/",
        "codebook": f"/analysis/e/{rated['engagement']}/codebook/",
        "themes": f"/analysis/themes/?engagement={rated['engagement']}",
        "search": "/analysis/search/?q=vendor",
    }


IDS_SCRIPT = """
import json
from govcap.assessments.models import Rating, Session
r = Rating.objects.filter(rater__isnull=False, session__engagement__slug__startswith='kenya'
                          ).select_related('session').order_by('session_id').first()
both = Session.objects.filter(organisation__country__code='KE', engagement__round_number=1
                              ).exclude(status='draft').order_by('id').first()
org = both.organisation if both else r.session.organisation
own = Session.objects.filter(facilitators__username='demo-facilitator-ke-1', consent_given=True,
                             status='in_progress').order_by('id').first()
print(json.dumps({"rated_session": str(r.session.uuid), "organisation": str(org.uuid),
                  "own_session": str(own.uuid) if own else str(r.session.uuid)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path,
                        default=ROOT / "var" / "screenshots" / "analysis")
    parser.add_argument("--widths", default="1366,768")
    parser.add_argument("--pages", default="")
    parser.add_argument("--user", default="admin")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="govcap-analysis-shots-")
    env = {**os.environ, "GOVCAP_DATA_DIR": data_dir, "GOVCAP_ADMIN_PASSWORD": PASSWORD,
           "GOVCAP_DEMO_PASSWORD": PASSWORD, "GOVCAP_DEBUG": "0", "GOVCAP_ADMIN_2FA": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT"):
        env.pop(name, None)
    server = None
    try:
        subprocess.run([GOVCAP, "up", "--no-serve"], env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
        subprocess.run([GOVCAP, "analysis", "seed-demo-coding"], env=env, check=True,
                       timeout=300)
        sessions = json.loads(subprocess.run([GOVCAP, "sessions", "--json"], env=env,
                                             check=True, capture_output=True, text=True).stdout)
        ids = json.loads(subprocess.run([GOVCAP, "shell", "-c", IDS_SCRIPT], env=env,
                                        check=True, capture_output=True,
                                        text=True).stdout.strip().splitlines()[-1])
        port = free_port()
        server = subprocess.Popen([GOVCAP, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/login/", server)
        pages = pages_for(sessions, ids)
        if args.pages:
            pages = {k: v for k, v in pages.items() if k in args.pages.split(",")}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=CHROMIUM_ARGS)
            for width in (int(w) for w in args.widths.split(",")):
                context = browser.new_context(viewport={"width": width,
                                                        "height": HEIGHTS.get(width, 900)})
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda m, errors=errors: errors.append(m.text)
                        if m.type == "error" else None)
                log_in(page, base, args.user, PASSWORD)
                for name, path in pages.items():
                    if name in FACILITATOR_PAGES and args.user == "admin":
                        continue
                    page.goto(base + path)
                    page.screenshot(path=str(args.out / f"{name}-{width}.png"), full_page=True)
                context.close()
                # the facilitator's own entry pages, as the facilitator
                context = browser.new_context(viewport={"width": width,
                                                        "height": HEIGHTS.get(width, 900)})
                page = context.new_page()
                page.on("console", lambda m, errors=errors: errors.append(m.text)
                        if m.type == "error" else None)
                log_in(page, base, "demo-facilitator-ke-1", PASSWORD)
                for name in FACILITATOR_PAGES:
                    if name in pages:
                        page.goto(base + pages[name])
                        page.screenshot(path=str(args.out / f"{name}-{width}.png"),
                                        full_page=True)
                context.close()
                for e in errors:
                    print("console error:", e)
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
