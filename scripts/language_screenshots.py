"""Screenshots of the Djibouti engagement read in French and in Arabic, for the translations
guide: its analysis, its plan and a session's summary, and the Arabic plan PDF as a reader
sees it (pages rendered to PNG with pdftoppm).

    .venv/bin/python scripts/language_screenshots.py [OUT_DIR] [--lang fr,ar] [--width 1366]

Files are NAME-LANG.jpg (analysis, plan, summary) and plan-pdf-ar-PAGE.png. The default
OUT_DIR is docs/img/languages.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from _server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server, log_in
from playwright.sync_api import sync_playwright

MAX_HEIGHT = 2000  # px: the top of a long page (the plan runs to 12,000) is what the guide shows
PDF_PAGES = (1, 3)  # the cover, and the first page of the schedule's chapters


def djibouti_pages(sessions: list[dict]) -> dict[str, str]:
    validated = [s for s in sessions if s["country"] == "DJ" and s["status"] == "validated"]
    if not validated:
        raise SystemExit("the demo data has no validated Djibouti session")
    session = validated[0]
    slug = session["engagement"]
    return {
        "analysis": f"/analysis/e/{slug}/",
        "plan": f"/plans/e/{slug}/",
        "summary": f"/s/{session['id']}/summary/",
    }


def shoot(out: Path, base: str, password: str, pages: dict[str, str], languages: list[str],
          width: int) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for lang in languages:
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
            page = context.new_page()
            log_in(page, base, "admin", password)
            for name, path in pages.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}-{lang}.jpg"), full_page=True,
                                clip={"x": 0, "y": 0, "width": width, "height": MAX_HEIGHT},
                                type="jpeg", quality=80)
            if lang == "ar":
                slug = pages["plan"].rstrip("/").rsplit("/", 1)[-1]
                answer = page.request.get(f"{base}/plans/e/{slug}/download/pdf/?lang=ar")
                if not answer.ok:
                    raise SystemExit(f"the Arabic plan PDF: HTTP {answer.status}")
                render_pdf(answer.body(), out)
            context.close()
        browser.close()


def render_pdf(pdf: bytes, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan-ar.pdf"
        source.write_bytes(pdf)
        for number in PDF_PAGES:
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(number), "-l", str(number),
                            "-singlefile", str(source), str(out / f"plan-pdf-ar-{number}")],
                           check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "img" / "languages")
    parser.add_argument("--lang", default="fr,ar", help="interface languages, comma-separated")
    parser.add_argument("--width", type=int, default=1366, help="viewport width in px")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_server() as server:
        shoot(args.out, server.base, server.password, djibouti_pages(server.sessions),
              args.lang.split(","), args.width)
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
