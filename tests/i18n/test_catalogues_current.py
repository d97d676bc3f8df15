"""The committed catalogues are current: every translatable string of the source is in the
French and Arabic .po (and so, with test_catalogues, translated), and they hold no string
the source no longer has. A string added to a template or to
Python code without re-running makemessages and translating it fails here, naming it.

Django's makemessages runs on a temporary copy of the govcap package (it writes scratch
files next to the templates it reads, and would write into the real locale/), with
LOCALE_PATHS pointing into the copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.i18n.po import parse_po
from tests.i18n.test_catalogues import COMPLETE

LOCALE = Path(settings.LOCALE_PATHS[0])
PACKAGE = LOCALE.parent
# Not read by makemessages (domain "django" reads .html, .txt and .py): left out of the copy.
SKIP = shutil.ignore_patterns("locale", "static", "var", "__pycache__", "*.pyc", "*.mo")


def ids(path: Path) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in parse_po(path)[1:] if not e.obsolete}


def test_every_source_string_is_in_the_committed_catalogues(tmp_path, monkeypatch):
    source = tmp_path / "govcap"
    shutil.copytree(PACKAGE, source, ignore=SKIP)
    locale = source / "locale"
    locale.mkdir()
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[str(locale)]):
        call_command(
            "makemessages",
            locale=["fr"],
            ignore_patterns=["static/*"],
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
    fresh = ids(locale / "fr" / "LC_MESSAGES" / "django.po")
    assert len(fresh) > 100
    for language in COMPLETE:
        committed = ids(LOCALE / language / "LC_MESSAGES" / "django.po")
        missing = sorted((ctxt or "", msgid) for ctxt, msgid in fresh - committed)
        assert missing == [], f"{language}: run makemessages and translate: {missing[:20]!r}"
        stale = sorted((ctxt or "", msgid) for ctxt, msgid in committed - fresh)
        assert stale == [], (
            f"{language}: gone from the source; run makemessages --no-obsolete: {stale[:20]!r}"
        )
