"""Screenshots of the capture's states for the facilitator guide: the status line when all is
saved, offline with edits waiting (a page opened from the offline copy), an edit that met
a colleague's (both versions, differing words marked), and the page of edits that need a
decision — at 1366 px and on a 360 px phone.

    .venv/bin/python scripts/capture_screenshots.py [OUT_DIR]   (default docs/img)

Uses a throw-away demo server (scripts/_server.py) and Debian's chromium.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server, log_in
from playwright.sync_api import expect, sync_playwright

SECTION, NEXT = "change-management", "digital-strategic-plan"


def english_session(sessions: list[dict]) -> dict:
    return next(s for s in sessions if s["status"] == "in_progress" and s["country"] == "KE")


def shot(page, path: Path, selector: str) -> None:
    """The viewport with `selector` just below the sticky status line, as a user sees it."""
    page.locator(selector).scroll_into_view_if_needed()
    page.evaluate("(s) => { const e = document.querySelector(s);"
                  " window.scrollBy(0, e.getBoundingClientRect().top - 120); }", selector)
    page.screenshot(path=str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "img")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    with demo_server() as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        session = english_session(server.sessions)
        section = f"{server.base}/s/{session['id']}/section/{SECTION}/"
        for width, height in ((1366, 768), (360, 740)):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            log_in(page, server.base, "admin", server.password)
            page.goto(section)
            page.wait_for_function("() => navigator.serviceWorker.controller !== null")
            page.wait_for_timeout(1500)  # the session's pages saved for offline use
            notes = page.locator("#f-notes")
            notes.press("Control+End")
            notes.type(" The training unit has no change plan yet.")
            notes.blur()
            expect(page.locator("#save-summary")).to_have_text("All changes saved.")
            if width > 360:
                shot(page, out / f"capture-saved-{width}.png", "#f-notes")

            context.route("**/save/**", lambda route: route.abort("internetdisconnected"))
            context.set_offline(True)
            page.goto(f"{server.base}/s/{session['id']}/section/{NEXT}/")
            page.check("input[name=level][value=basic]")
            page.fill("#f-notes", "Typed with no connection: the strategy has no indicators.")
            page.locator("#f-notes").blur()
            expect(page.locator("#save-summary")).to_have_attribute("data-state", "offline")
            shot(page, out / f"capture-offline-{width}.png", "#f-notes")
            if width > 360:  # the banner: a page from the offline copy
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(out / f"capture-offline-top-{width}.png"))
            context.set_offline(False)
            context.unroute("**/save/**")
            expect(page.locator("#save-summary")).to_have_text("All changes saved.",
                                                               timeout=20_000)
            context.close()

        colleague = browser.new_context(viewport={"width": 1366, "height": 768})
        other = colleague.new_page()
        log_in(other, server.base, "demo-coordinator-ke", server.password)
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        log_in(page, server.base, "admin", server.password)
        page.goto(section)
        other.goto(section)
        other.locator("#f-evidence").fill("The 2024 change strategy, approved by the board.")
        other.locator("#f-evidence").blur()
        expect(other.locator("#save-summary")).to_have_text("All changes saved.")
        page.locator("#f-evidence").fill("A draft change strategy from 2024, never approved.")
        page.locator("#f-evidence").blur()
        expect(page.locator('.field[data-field="evidence"] .conflict')).to_be_visible()
        shot(page, out / "capture-conflict-1366.png", '.field[data-field="evidence"]')
        page.locator("#conflicts-link").click()
        page.wait_for_url("**/conflicts/")
        page.screenshot(path=str(out / "capture-conflicts-1366.png"), full_page=True)
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
