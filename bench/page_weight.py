"""Page weight on a weak network: what each main page costs a facilitator in the field.

Run: ``.venv/bin/python bench/page_weight.py [--markdown]`` (from the project root; needs
Debian's chromium). Serves a throw-away govcap with the demo data on loopback
(scripts/_server.py), then loads each main page in headless chromium with the network
emulated at "slow 3G" (400 ms round trip, 400 kbit/s down and up, through the DevTools
protocol) and prints, per page:

- first load with an empty cache: bytes transferred (HTML, CSS, JS, fonts, images;
  compressed, headers included), number of requests, and the time until the page can be
  used (the load event: styled, and deferred scripts such as autosave have run, so the
  form answers);
- the same page again with the cache warm (hashed static files are cached for a year);
- a plain-HTML lower bound: the same page with no CSS, JS or images (their requests are
  refused), measured the same way — the cost of the content itself;

and for the capture page, the bytes one autosave costs beyond the text being saved
(request and response, headers included). Exits 1 when a budget is exceeded or when any
request leaves the server (no CDN, no web fonts from elsewhere).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from _server import CHROMIUM, CHROMIUM_ARGS, demo_server, log_in  # noqa: E402
from playwright.sync_api import Browser, Page, Request, sync_playwright  # noqa: E402

KB = 1000
# The live capture page and the facilitator's session list: 50 KB; the other pages 100 KB.
BUDGETS = {"home": 50 * KB, "section": 50 * KB}
DEFAULT_BUDGET = 100 * KB
AUTOSAVE_BUDGET = 2 * KB
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8,
           "uploadThroughput": 400_000 / 8}
FACILITATOR = "demo-facilitator-ke-1"
TIME_LIMIT = 600  # seconds for the whole run
SAVED_TEXT = "Participants described a shared architecture board that meets monthly."


@dataclass
class Load:
    bytes: int
    requests: int
    usable_ms: float
    external: list[str]


@dataclass
class Row:
    name: str
    path: str
    first: Load
    again: Load
    plain: Load

    @property
    def budget(self) -> int:
        return BUDGETS.get(self.name, DEFAULT_BUDGET)


def received(request: Request) -> int:
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def measure(page: Page, url: str, base: str) -> Load:
    """Load url through the throttled network; bytes received and time until usable."""
    finished: list[Request] = []

    def collect(request: Request) -> None:
        finished.append(request)

    page.on("requestfinished", collect)
    try:
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        usable = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return n.loadEventEnd - n.startTime; }")
    finally:
        page.remove_listener("requestfinished", collect)
    total = sum(received(r) for r in finished)
    external = [r.url for r in finished if not r.url.startswith(base)
                and not r.url.startswith("data:")]
    return Load(bytes=total, requests=len(finished), usable_ms=usable, external=external)


def throttled_page(browser: Browser, base: str, password: str, plain: bool = False) -> Page:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    log_in(page, base, FACILITATOR, password)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    if plain:  # the lower bound: the HTML alone
        page.route(re.compile(r".*/(static|favicon)"), lambda route: route.abort())
    return page


def pages_to_measure(page: Page, base: str, sessions: list[dict]) -> dict[str, str]:
    page.goto(base + "/")
    session_path = page.evaluate(
        "() => { const row = [...document.querySelectorAll('tr')].find("
        "  tr => tr.querySelector('.st-in_progress') && tr.querySelector('a[href^=\"/s/\"]'));"
        " return row && row.querySelector('a').getAttribute('href'); }")
    if not session_path:
        raise SystemExit(f"{FACILITATOR} has no session in progress in the demo data")
    uuid = session_path.strip("/").split("/")[1]
    session = next(s for s in sessions if s["id"] == uuid)
    validated = next((s for s in sessions if s["engagement"] == session["engagement"]
                      and s["status"] == "validated"), session)
    return {
        "login": "/login/",
        "home": "/",
        "engagement": f"/e/{session['engagement']}/",
        "session": f"/s/{uuid}/",
        "guide": f"/s/{uuid}/guide/",
        "consent": f"/s/{uuid}/consent/",
        "section": f"/s/{uuid}/section/enterprise-architecture/",
        "summary": f"/s/{validated['id']}/summary/",
    }


def autosave_cost(browser: Browser, base: str, password: str, path: str) -> tuple[int, int]:
    """(bytes of one autosave beyond the saved text, bytes of the text)."""
    context = browser.new_context()
    page = context.new_page()
    log_in(page, base, FACILITATOR, password)
    page.goto(base + path)
    page.fill("#f-evidence", "")
    with page.expect_request_finished(lambda r: "/save/field/" in r.url) as info:
        page.fill("#f-evidence", SAVED_TEXT)
        page.locator("#f-evidence").blur()
    sizes = info.value.sizes()
    context.close()
    text = len(SAVED_TEXT.encode())
    total = sum(sizes[k] for k in ("requestHeadersSize", "requestBodySize",
                                   "responseHeadersSize", "responseBodySize"))
    return total - text, text


def run(base: str, password: str, sessions: list[dict]) -> tuple[list[Row], tuple[int, int]]:
    deadline = time.monotonic() + TIME_LIMIT
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        setup = browser.new_context()
        setup_page = setup.new_page()
        log_in(setup_page, base, FACILITATOR, password)
        pages = pages_to_measure(setup_page, base, sessions)
        setup.close()
        for name, path in pages.items():
            if time.monotonic() > deadline:
                raise SystemExit(f"stopped: over {TIME_LIMIT} s")
            page = throttled_page(browser, base, password)
            if name == "login":
                page.context.clear_cookies()
            first = measure(page, base + path, base)
            again = measure(page, base + path, base)
            page.context.close()
            page = throttled_page(browser, base, password, plain=True)
            if name == "login":
                page.context.clear_cookies()
            plain = measure(page, base + path, base)
            page.context.close()
            rows.append(Row(name, path, first, again, plain))
        autosave = autosave_cost(browser, base, password, pages["section"])
        browser.close()
    return rows, autosave


def kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def report(rows: list[Row], autosave: tuple[int, int], markdown: bool) -> bool:
    ok = True
    header = ("page", "first load", "requests", "usable after", "budget", "plain HTML",
              "plain usable", "again (cached)")
    lines = []
    for r in rows:
        within = r.first.bytes <= r.budget and not r.first.external
        ok &= within
        lines.append((r.name, kb(r.first.bytes), str(r.first.requests),
                      f"{r.first.usable_ms / 1000:.1f} s",
                      f"{kb(r.budget)} {'ok' if within else 'OVER'}",
                      kb(r.plain.bytes), f"{r.plain.usable_ms / 1000:.1f} s",
                      f"{kb(r.again.bytes)}, {r.again.requests} req"))
    over, text = autosave
    ok &= over <= AUTOSAVE_BUDGET
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(x) for x in col) for col in zip(header, *lines, strict=True)]
        for line in (header, *lines):
            print("  ".join(x.ljust(w) for x, w in zip(line, widths, strict=True)))
    print(f"\none autosave: {over} bytes beyond the {text} bytes of text saved "
          f"(budget {AUTOSAVE_BUDGET}) {'ok' if over <= AUTOSAVE_BUDGET else 'OVER'}")
    for r in rows:
        for url in r.first.external:
            print(f"external request from {r.name}: {url}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="a table for docs/performance.md")
    args = parser.parse_args()
    with demo_server() as server:
        rows, autosave = run(server.base, server.password, server.sessions)
    sys.exit(0 if report(rows, autosave, args.markdown) else 1)


if __name__ == "__main__":
    main()
