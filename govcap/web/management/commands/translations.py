"""`govcap translations status`: how much of each language is translated, and which
languages the interface offers (GOVCAP_LANGUAGE_MIN_TRANSLATED)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from govcap import translations


class Command(BaseCommand):
    help = "Translation status: the share of each language's messages translated."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{status}")
        status = sub.add_parser(
            "status", help="per language, the interface catalogue's translated share, fuzzy "
                           "and empty counts, whether it is offered; the instrument's too")
        status.add_argument("--json", action="store_true", help="machine-readable output")
        status.add_argument("--min", type=float, default=None, dest="minimum",
                            help="fail (exit 1) when an offered language is below this percent")

    def handle(self, *args: Any, **options: Any) -> None:
        locale = Path(settings.LOCALE_PATHS[0])
        offered = {code for code, _ in settings.LANGUAGES}
        minimum = settings.GOVCAP_LANGUAGE_MIN_TRANSLATED
        rows: list[dict[str, Any]] = []
        for code, name in settings.CATALOGUE_LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue  # the source language: nothing to translate
            c = translations.coverage(translations.catalogue(locale, code), code)
            rows.append({"language": code, "name": name, "messages": c.total,
                         "translated": c.translated, "fuzzy": c.fuzzy, "empty": c.empty,
                         "share": round(c.share, 1), "offered": code in offered})
        instrument = instrument_coverage()
        if options["json"]:
            self.stdout.write(json.dumps({"minimum": minimum, "interface": rows,
                                          "instrument": instrument}, indent=2,
                                         ensure_ascii=False))
        else:
            self.stdout.write(f"Interface (govcap/locale), offered at {minimum:g}% or more:")
            for r in rows:
                offered_word = "offered" if r["offered"] else "not offered"
                self.stdout.write(
                    f"  {r['language']:<4}{r['name']:<12}{r['share']:>6.1f}%  "
                    f"{r['translated']}/{r['messages']} translated, {r['fuzzy']} fuzzy, "
                    f"{r['empty']} empty — {offered_word}")
            if instrument:
                self.stdout.write("Instrument translations (strings translated):")
                for i in instrument:
                    self.stdout.write(f"  {i['instrument']} {i['language']:<4}"
                                      f"{i['share']:>6.1f}%  {i['translated']}/{i['strings']}")
        if options["minimum"] is not None:
            low = [r["language"] for r in rows if r["offered"] and r["share"] < options["minimum"]]
            if low:
                self.stderr.write(f"below {options['minimum']:g}%: {', '.join(low)}")
                raise SystemExit(1)


def instrument_coverage() -> list[dict[str, Any]]:
    """The latest version of each instrument in the database, per translation; empty when
    the database is not there yet."""
    # models: imported when the command runs, so `translations status` works before migrate
    from govcap.instruments import services
    from govcap.instruments.models import Instrument

    out: list[dict[str, Any]] = []
    try:
        latest: dict[str, Instrument] = {}
        for instrument in Instrument.objects.order_by("key", "imported_at"):
            latest[instrument.key] = instrument
        for key, instrument in latest.items():
            for language, (done, total) in services.translation_coverage(instrument).items():
                out.append({"instrument": f"{key} {instrument.version}", "language": language,
                            "translated": done, "strings": total,
                            "share": round(100.0 * done / total if total else 100.0, 1)})
    except DatabaseError:
        return []
    return out
