"""Screenshots of govcap's main pages, as a user sees them, for the guides and for review.

Builds a throw-away database with the demo data, serves it on loopback (scripts/_server.py),
and drives Debian's chromium through Playwright.

    .venv/bin/python scripts/screenshots.py [OUT_DIR] [--lang en,fr,ar] [--pages section,…]
        [--widths 1366,768,360]

English pages are named NAME-WIDTH.png (as in docs/img); other interface languages
NAME-LANG-WIDTH.png. The language is the interface's (the switcher's cookie); each session's
instrument text stays in the session's own language.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server, log_in
from playwright.sync_api import sync_playwright

HEIGHTS = {1366: 768, 768: 1024, 360: 740}


def pages_for(sessions: list[dict]) -> dict[str, str]:
    in_progress = next(s for s in sessions if s["status"] == "in_progress")
    english = next((s for s in sessions if s["status"] == "in_progress"
                    and s["country"] != "DJ"), in_progress)
    validated = next(s for s in sessions if s["status"] == "validated")
    french = next((s for s in sessions if s["country"] == "DJ"), validated)
    return {
        "home": "/",
        "engagement": f"/e/{validated['engagement']}/",
        "session": f"/s/{in_progress['id']}/",
        "guide": f"/s/{in_progress['id']}/guide/",
        "consent": f"/s/{in_progress['id']}/consent/",
        "section": f"/s/{in_progress['id']}/section/change-management/",
        "summary": f"/s/{validated['id']}/summary/",
        "section-fr": f"/s/{french['id']}/section/enterprise-architecture/",
        "section-en": f"/s/{english['id']}/section/distributed-leadership/",
    }


def shoot(out: Path, base: str, password: str, pages: dict[str, str], languages: list[str],
          widths: list[int]) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for lang in languages:
            for width in widths:
                context = browser.new_context(viewport={"width": width,
                                                        "height": HEIGHTS.get(width, 900)})
                context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
                page = context.new_page()
                log_in(page, base, "admin", password)
                suffix = f"{width}" if lang == "en" else f"{lang}-{width}"
                for name, path in pages.items():
                    page.goto(base + path)
                    page.screenshot(path=str(out / f"{name}-{suffix}.png"), full_page=True)
                if width == 1366 and lang == "en":  # the printed forms: guide and summary
                    for name in ("guide", "summary"):
                        if name in pages:
                            page.goto(base + pages[name])
                            page.pdf(path=str(out / f"{name}.pdf"), format="A4")
                context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--lang", default="en", help="interface languages, comma-separated")
    parser.add_argument("--pages", default="", help="page names, comma-separated (default all)")
    parser.add_argument("--widths", default="1366,768,360", help="viewport widths in px")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_server() as server:
        pages = pages_for(server.sessions)
        if args.pages:
            wanted = args.pages.split(",")
            unknown = set(wanted) - set(pages)
            if unknown:
                raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))} "
                                 f"(known: {', '.join(pages)})")
            pages = {name: pages[name] for name in wanted}
        shoot(args.out, server.base, server.password, pages, args.lang.split(","),
              [int(w) for w in args.widths.split(",")])
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
