"""The minister's brief: one page, what was found, proposed and asked, in the language of the
engagement, for the whole plan or one organisation."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import zipfile

import pytest

from govcap.reports.plan import render_brief
from tests.reports.helpers import catalogue, context, plan
from tests.reports.test_pdf import needs_pdftotext


def brief(fmt: str, language: str = "en", org: str | None = None, **changes) -> bytes:
    ctx = dataclasses.replace(context(language, org), **changes)
    return render_brief(plan(), ctx, fmt, catalogue=catalogue(language))


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(rb"Pages:\s+(\d+)", info.stdout).group(1))


def text_of(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode()
    return " ".join(out.split())


@needs_pdftotext
@pytest.mark.parametrize(("language", "org"), [("en", None), ("fr", None), ("en", "org-b")])
def test_the_brief_is_one_page_saying_what_was_found_proposed_and_asked(language, org):
    pdf = brief("pdf", language, org)
    assert pages(pdf) == 1
    text = text_of(pdf)
    heads = {"en": ("What the assessment found", "What the plan proposes", "What is asked of you",
                    "Priority ", "Approve the training plan (version 2)"),
             "fr": ("Ce que l’évaluation a montré", "Ce que le plan propose",
                    "Ce qui vous est demandé", "Priorité ", "Approuver le plan")}
    for expected in heads[language]:
        assert expected in text, expected
    if org is None:
        assert "Weakest area:" in text or "Section la plus faible" in text


@needs_pdftotext
def test_a_demo_brief_says_so():
    text = text_of(brief("pdf", is_demo=True))
    assert text.count("DEMO DATA") >= 2  # the page header and the note under the title


def test_the_docx_brief_has_no_cover_and_one_title():
    docx = zipfile.ZipFile(io.BytesIO(brief("docx")))
    body = docx.read("word/document.xml").decode()
    assert body.count('w:val="Title"') == 1
    assert "What the plan proposes" in body and 'w:type="page"' not in body


def test_priorities_are_in_the_plans_order_with_the_plans_numbers():
    from govcap.reports.brief import proposed
    from govcap.reports.build import priorities
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope

    scope = Scope(plan(), context("en"), catalogue("en"), Labels("en"))
    lines = proposed(scope)
    table = priorities(scope).blocks[1]
    in_table = {row[1]: row[0] for row in table.rows}  # module code → its number there
    shown = [line.split(":")[0:2] for line in lines if line.startswith("Priority ")]
    assert len(shown) >= 3
    # the brief numbers those it shows as the plan's priorities table does, in its order
    # (renumbered from 1, Djibouti's "Priority 1" was the plan's 6: issue 14, fresh eyes)
    ranks = [int(in_table[rest.split()[0]]) for _, rest in shown]
    assert [int(head.split()[1]) for head, _ in shown] == ranks
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(("language", "between_groups", "between_names"),
                         [("ar", "؛ ", "، "), ("fr", "\u202f; ", ", "), ("en", "; ", ", ")])
def test_who_is_not_in_the_plan_yet_is_listed_with_the_languages_own_punctuation(
        language, between_groups, between_names):
    # The Arabic brief's "not yet in this plan" line was scrambled by Latin ";" and ",".
    from govcap.reports.build import coverage
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope

    data = plan()
    data = dataclasses.replace(data, extra={**data.extra, "coverage": [
        ["وزارة الصحة", "submitted"], ["وزارة التعليم", "submitted"], ["هيئة الإحصاء", "none"]]})
    lines = coverage(Scope(data, context(language), catalogue(language), Labels(language)))
    assert f"وزارة الصحة{between_names}وزارة التعليم" in lines[-1]
    assert between_groups in lines[-1]
    if language == "ar":
        assert ";" not in lines[-1] and "," not in lines[-1]


def test_the_workbooks_needs_sheet_numbers_modules_as_the_priorities_table():
    # The Needs sheet ranked each organisation's need (Rank 8) where the documents' table
    # gave the module's number (Rank 1).
    from govcap.reports.build import priorities
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope
    from govcap.reports.sheets import needs

    scope = Scope(plan(), context("en"), catalogue("en"), Labels("en"))
    in_table = {row[1]: row[0] for row in priorities(scope).blocks[1].rows}
    sheet = needs(scope).table
    rank = [c.label for c in sheet.columns].index("Rank")
    ranked = [(row[1], row[rank]) for row in sheet.rows if row[rank] != ""]
    assert len({code for code, _ in ranked}) >= 3
    assert all(number == in_table[code] for code, number in ranked)


def test_a_need_not_placed_has_no_course_in_the_workbook():
    # "POL-102/en/01" beside a need the schedule could not place read as a course to run.
    from govcap.planning.core.plan import SCHEDULED
    from govcap.reports.labels import Labels
    from govcap.reports.scope import Scope
    from govcap.reports.sheets import needs

    scope = Scope(plan(), context("en"), catalogue("en"), Labels("en"))
    unplaced = next(n for n in scope.needs if n.status != SCHEDULED)
    unplaced.cohort_id = f"{unplaced.module_code}/en/01"  # grouped, then no month had room
    sheet = needs(scope).table
    labels = [c.label for c in sheet.columns]
    status, cohort = labels.index("Status"), labels.index("Cohort")
    placed = {n.module_code for n in scope.needs if n.status == SCHEDULED}
    rows = [r for r in sheet.rows if not str(r[status]).startswith("Scheduled")]
    assert rows and placed  # the sample plan has both
    assert all(r[cohort] == "" for r in rows)
