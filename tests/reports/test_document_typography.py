"""How the documents write months, runs of days, quotations, decimals, sentences and counts
in each language, as a native reader expects them (a tester's findings on the Djibouti plan:
"juil. 2026", "16 juillet 2026 – 20 juillet 2026", French in English quotation marks,
"moduli 8 za mafunzo…" starting a bullet, "لفائدة 2 جهتين")."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.utils.translation import trans_real

from govcap import localise
from govcap.planning.core.blackouts import holiday_name
from govcap.reports import direction
from govcap.reports.brief import build_brief
from govcap.reports.labels import EN, Labels
from govcap.reports.model import Bullets, Para
from govcap.reports.pdf import rtl_text
from tests.reports.helpers import catalogue, context, plan


def brief_lines(language: str) -> list[str]:
    doc = build_brief(plan(), context(language), catalogue(language))
    out: list[str] = []
    for block in doc.sections[0].blocks:
        if isinstance(block, Bullets):
            out += list(block.items)
        elif isinstance(block, Para):
            out.append(block.text)
    return out


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "July 2026"), ("fr", "juillet 2026"), ("sw", "Julai 2026"), ("ar", "يوليو 2026")])
def test_running_text_names_the_month_in_full(language, expected):
    assert Labels(language).month("2026-07") == expected


def month_words_in_source(*packages: str) -> list[tuple[str, str]]:
    """Each string constant of the packages' code that is a month's name or the usual
    abbreviation of one, in English, French, Swahili or Arabic, with its file."""
    names = {localise.month_name(m, code) for m in range(1, 13)
             for code in ("en", "fr", "sw", "ar")}
    short = {name[:3] for name in names} | {"janv.", "févr.", "avr.", "juil.", "sept.",
                                             "oct.", "nov.", "déc."}
    root = Path(__file__).resolve().parents[2]
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and node.value in names | short:
                    found.append((str(path.relative_to(root)), node.value))
    return found


def test_the_documents_take_their_month_names_from_the_one_source():
    """govcap.localise.month_name is the one source of month names: a table of the
    documents' own (their short months said 'Des' while the pages' source said 'Desemba')
    would drift from it."""
    assert month_words_in_source("govcap/reports", "govcap/results") == []
    assert Labels("sw").month("2026-12") == f"{localise.month_name(12, 'sw')} 2026"
    assert Labels("ar").month("2026-04") == f"{localise.month_name(4, 'ar')} 2026"


@pytest.mark.parametrize("language", ["fr", "sw"])
def test_the_brief_writes_its_months_in_full(language):
    text = " ".join(brief_lines(language))
    months = {"fr": ("janv.", "févr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc."),
              "sw": (" Jan 20", " Feb 20", " Mac 20", " Apr 20", " Jun 20", " Jul 20",
                     " Ago 20", " Sep 20", " Okt 20", " Nov 20", " Des 20")}[language]
    assert [m for m in months if m in text] == []
    full = {"fr": "mars 2026", "sw": "Machi 2026"}[language]  # the helpers' plan starts then
    assert full in text


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "16–20 July 2026"), ("fr", "du 16 au 20 juillet 2026"),
    ("ar", "16–20 يوليو 2026"), ("sw", "16–20 Julai 2026")])
def test_a_run_of_days_in_one_month_names_the_month_once(language, expected):
    assert localise.day_range(dt.date(2026, 7, 16), dt.date(2026, 7, 20), language) == expected
    assert Labels(language).days("2026-07-16", "2026-07-20") == expected


def test_a_run_of_days_across_months_and_years_and_a_single_day():
    d = dt.date
    assert localise.day_range(d(2026, 6, 30), d(2026, 7, 2), "en") == "30 June – 2 July 2026"
    assert localise.day_range(d(2026, 7, 1), d(2026, 8, 2), "fr") == (
        "du 1er juillet au 2 août 2026")
    assert localise.day_range(d(2026, 12, 30), d(2027, 1, 2), "fr") == (
        "du 30 décembre 2026 au 2 janvier 2027")
    assert localise.day_range(d(2026, 7, 1), d(2026, 7, 1), "fr") == "1er juillet 2026"
    assert localise.day_range(d(2026, 7, 1), None, "en") == "1 July 2026"
    assert localise.day_range(None, None, "en", empty="—") == "—"


def test_quotations_take_the_marks_of_the_language():
    assert localise.quote("L'organisation comprend…", "fr") == "«\u00a0L'organisation comprend…\u00a0»"
    assert localise.quote("It works.", "en") == "“It works.”"
    assert localise.quote("Inafanya kazi.", "sw") == "“Inafanya kazi.”"
    assert localise.quote("نص عربي.", "ar") == "«نص عربي.»"


def test_a_latin_quotation_in_arabic_keeps_its_full_stop_at_its_end():
    quoted = localise.quote("The trainer knew the subject.", "ar")
    assert quoted == "«\u2066The trainer knew the subject.\u2069»"  # held left to right
    assert Labels("ar").inside_quotes("Time ran out.") == "\u2066Time ran out.\u2069"
    assert Labels("fr").inside_quotes("Time ran out.") == "Time ran out."
    # the PDF isolates the quotation whole, its full stop inside ("«.The trainer…»" before)
    line = Labels("ar").t("evidence.quote", who="P3", text=Labels("ar").inside_quotes(
        "The trainer knew the subject."))
    html = rtl_text(line)
    assert '<bdi dir="ltr">\u200eThe trainer knew the subject.\u200e</bdi>' in html
    assert ("\u200eThe trainer knew the subject.\u200e", True) in direction.runs(line)
    assert direction.runs("مارس 2027: Ramadan") == [("مارس 2027: ", False), ("Ramadan", True)]


def test_the_annex_quotes_a_french_benchmark_in_french_marks():
    from govcap.reports.build import build_document

    doc = build_document(plan(), context("fr"), catalogue("fr"))
    text = " ".join(str(getattr(b, "text", "")) + " ".join(map(str, getattr(b, "items", ())))
                    + " ".join(str(c) for row in getattr(b, "rows", ()) for c in row)
                    for s in doc.sections for b in s.blocks)
    assert "“" not in text and "”" not in text


@pytest.mark.parametrize(("language", "value", "expected"), [
    ("en", 1.6667, "1.67"), ("fr", 1.6667, "1,67"), ("fr", "1.000000", "1,000000"),
    ("en", "1.000000", "1.000000")])
def test_decimals_in_documents_are_written_as_the_language_writes_them(language, value,
                                                                          expected):
    assert Labels(language).decimal(value, 2 if isinstance(value, float) else None) == expected


def test_changes_and_shares_are_written_as_french_writes_them():
    assert localise.signed(20, "fr") == "+20,0"
    assert localise.signed(-0.5, "en") == "−0.5"
    assert localise.signed(0.04, "fr") == "0,0"
    assert localise.signed(3, "fr", digits=0) == "+3"
    assert localise.percent(50, "fr") == "50\u202f%"


def test_a_sentence_opening_on_a_count_phrase_starts_with_a_capital():
    sw = Labels("sw")
    opened = sw.sentence("brief.plan", modules=8, cohorts=8, participants=74,
                         first="Julai 2026", last="Aprili 2027", total="USD 1.00")
    assert opened[0].isupper(), opened
    assert opened[1:] == sw.t("brief.plan", modules=8, cohorts=8, participants=74,
                              first="Julai 2026", last="Aprili 2027", total="USD 1.00")[1:]
    named = Labels("en", {"x": "{org} leads."})
    assert named.sentence("x", org="eGA") == "eGA leads."  # a name is kept as written


@pytest.mark.parametrize("language", ["en", "fr", "sw", "ar"])
def test_every_bullet_of_the_brief_starts_with_a_capital(language):
    lower = [line for line in brief_lines(language) if line[:1].islower()]
    assert lower == []


def test_an_arabic_count_form_may_say_the_number_in_words(monkeypatch):
    """Arabic's forms for one and two may leave the number out ("جهتين", "تقييمًا واحدًا"):
    the count phrase is then the translation's words alone, with no "{n}" left over."""
    catalog = trans_real.translation("ar")._catalog
    singular = EN["n.organisations"].singular
    monkeypatch.setitem(catalog, (singular, 1), "جهة واحدة")
    monkeypatch.setitem(catalog, (singular, 2), "جهتين")
    ar = Labels("ar")
    assert ar.count("n.organisations", 1) == "جهة واحدة"
    assert ar.count("n.organisations", 2) == "جهتين"
    assert "3" in ar.count("n.organisations", 3)
    line = ar.t("brief.priority", rank=1, module="SVC-101", n=2, month="يوليو 2026")
    assert "جهتين" in line and "2 جهتين" not in line and "{" not in line


def test_french_holiday_names_are_written_in_french():
    assert holiday_name("DJ", dt.date(2027, 3, 9), "fr") == "Aïd el-Fitr (estimé)"
    assert holiday_name("DJ", dt.date(2027, 3, 10), "fr") == (
        "deuxième jour de l'Aïd el-Fitr (estimé)")
    assert holiday_name("DJ", dt.date(2027, 5, 16), "fr") == "Aïd el-Adha (estimé)"
    assert holiday_name("DJ", dt.date(2027, 1, 5), "fr") == "Al-Isra wal-Miraj (estimé)"
    assert holiday_name("DJ", dt.date(2027, 12, 25), "fr") == "Al-Isra wal-Miraj (estimé); Noël"
    assert holiday_name("DJ", dt.date(2027, 3, 9), "en") == "Eid al-Fitr (estimated)"


def test_a_quotation_inside_a_quoted_note_takes_the_other_marks():
    """A French note holding guillemets read « Propos : « le PMO » n'existe… »: two
    quotations, the reader unable to tell where either ends. The one quoting function of
    the documents (Labels.quote / inside_quotes, localise's) writes the inner one “ ”."""
    note = "Propos : « le PMO n’existe que sur le papier » selon P3."
    fr = Labels("fr")
    line = fr.t("evidence.notes", notes=fr.inside_quotes(note))
    assert line.count("«") == 1 and line.count("»") == 1, line
    assert "“le PMO n’existe que sur le papier”" in line
    assert fr.quote(note) == ("«\u00a0Propos : “le PMO n’existe que sur le papier” selon "
                              "P3.\u00a0»")
    # the same rule as the Arabic document's French quotations (direction.quotation)
    assert direction.quotation(note) == fr.quote(note)
    assert Labels("en").quote("The PMO “exists” on paper.") == "“The PMO ‘exists’ on paper.”"
