"""The interface's translation catalogues: French, Arabic and Swahili complete (every string
translated, none fuzzy — msgfmt leaves fuzzy entries out — placeholders kept), compiled .mo
files that match their .po, Somali and Amharic started from the same source, and
the interface offers only languages with a complete compiled catalogue."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.i18n.po import parse_po

LOCALE = Path(settings.LOCALE_PATHS[0])
COMPLETE = ["fr", "ar", "sw"]
STARTED = ["so", "am"]
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfir]|\{\w*\}")


def po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def mo(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.mo"


def label(entry) -> str:
    return f"line {entry.line}: {entry.msgid[:60]!r}"


@pytest.mark.parametrize("language", COMPLETE)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    entries = parse_po(po(language))
    header, messages = entries[0], entries[1:]
    assert header.msgid == "" and "fuzzy" not in header.flags
    assert f"Language: {language}\n" in header.msgstr[0]
    assert len(messages) > 100
    assert [label(e) for e in messages if not e.translated] == []
    assert [label(e) for e in messages if "fuzzy" in e.flags] == []
    assert [label(e) for e in messages if e.obsolete] == []


def forms_of_one_count(header_text: str) -> set[int]:
    """The plural forms used for one count only (Arabic's 0, 1 and 2; Swahili's 1): such a
    form may leave the number out ("جلستان", two sessions, not "2 جلستين")."""
    nplurals, formula = re.search(r"nplurals=(\d+);\s*plural=([^;]+);", header_text).groups()
    chooser = gettext.c2py(formula)
    counts: dict[int, int] = {}
    for n in range(1000):
        counts[chooser(n)] = counts.get(chooser(n), 0) + 1
    return {form for form in range(int(nplurals)) if counts.get(form) == 1}


@pytest.mark.parametrize("language", COMPLETE)
def test_translations_keep_the_placeholders(language):
    entries = parse_po(po(language))
    of_one_count = forms_of_one_count(entries[0].msgstr[0])
    wrong = []
    for entry in entries[1:]:
        wanted = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        for form, text in entry.msgstr.items():
            found = set(PLACEHOLDER.findall(text))
            if found != wanted and not (entry.msgid_plural and form in of_one_count
                                        and found < wanted):
                wrong.append(f"{label(entry)} → {text[:60]!r}")
    assert wrong == []


def test_only_the_forms_of_a_single_count_may_leave_the_number_out():
    arabic = ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
              ": n%100>=11 ? 4 : 5;")
    assert forms_of_one_count(arabic) == {0, 1, 2}
    assert forms_of_one_count("nplurals=2; plural=(n > 1);") == set()  # French: 0 and 1
    assert forms_of_one_count("nplurals=2; plural=(n != 1);") == {0}


@pytest.mark.parametrize("language", STARTED)
def test_the_other_catalogues_are_started_from_the_same_source(language):
    def ids(lang: str) -> set[tuple[str | None, str]]:
        return {(e.msgctxt, e.msgid) for e in parse_po(po(lang))[1:]}

    assert ids(language) == ids("fr")


def catalog(path: Path) -> dict:
    with path.open("rb") as f:
        return dict(gettext.GNUTranslations(f)._catalog)


@pytest.mark.parametrize("language", COMPLETE)
def test_the_committed_mo_files_are_compiled_from_the_po_files(language, tmp_path):
    assert mo(language).exists(), f"run `make messages` to compile {po(language)}"
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed: run `make system-deps`")
    compiled = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check", "-o", str(compiled), str(po(language))], check=True)
    assert catalog(mo(language)) == catalog(compiled), (
        f"{mo(language)} is older than its .po: run `make messages`")


def test_the_interface_offers_only_languages_with_a_compiled_catalogue():
    codes = [code for code, _ in settings.LANGUAGES]
    assert codes[0] == settings.LANGUAGE_CODE == "en"
    assert set(codes[1:]) == set(COMPLETE)
    for code in codes[1:]:
        assert mo(code).exists()


def test_the_interface_offers_a_language_only_above_the_operators_threshold():
    from govcap.translations import offered

    every = settings.CATALOGUE_LANGUAGES
    assert [c for c, _ in offered(LOCALE, every, 90.0)] == ["en", *COMPLETE]
    # below zero, every compiled catalogue; above 100, English alone
    assert {c for c, _ in offered(LOCALE, every, -1)} == {"en"} | {
        c for c, _ in every if mo(c).exists()}
    assert [c for c, _ in offered(LOCALE, every, 100.1)] == ["en"]


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (gettext): run `make system-deps`")
@pytest.mark.parametrize("language", COMPLETE + STARTED)
def test_msgfmt_check_passes_and_agrees_with_the_status_command(language):
    """gettext's own checker (placeholders of python-format strings, plural forms,
    headers) finds nothing, and counts what `govcap translations status` counts."""
    from govcap.translations import coverage

    run = subprocess.run([MSGFMT, "--check", "--statistics", "-o", "/dev/null",
                          str(po(language))], capture_output=True, text=True)
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr
    c = coverage(po(language), language)
    numbers = dict((word, int(n)) for n, word in re.findall(
        r"(\d+) (translated|fuzzy|untranslated)", run.stderr))
    assert numbers.get("translated", 0) == c.translated
    assert numbers.get("fuzzy", 0) == c.fuzzy
    assert numbers.get("untranslated", 0) == c.empty
