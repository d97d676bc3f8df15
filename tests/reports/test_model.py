"""The document model, labels and catalogue look-up, without rendering."""

from __future__ import annotations

import pytest
from django.utils.translation import trans_real

from govcap.reports.build import build_document
from govcap.reports.costing import _EN as costing_words
from govcap.reports.labels import EN, Contextual, Labels, Plural, plan_title
from govcap.reports.load import WORDS as load_words
from govcap.reports.model import Money, Table
from govcap.reports.plan import find_catalogue, render_plan
from tests.reports.expected import headings
from tests.reports.helpers import catalogue, context, plan


@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
def test_every_document_word_is_translated(language):
    catalog = trans_real.translation(language)._catalog  # what gettext will find
    def found(message):
        if isinstance(message, Plural):
            return (message.singular, 0) in catalog
        if isinstance(message, Contextual):
            return f"{message.context}\x04{message.message}" in catalog
        return message in catalog
    tables = {"labels": EN, "costing": costing_words, "load": load_words}
    assert [(name, key) for name, table in tables.items() for key, message in table.items()
            if not found(message)] == []


def test_a_count_takes_its_plural_form_in_each_language():
    assert Labels("en").t("cohort.with_others", org="KSG", n=1) == "KSG with 1 other organisation"
    assert Labels("en").t("cohort.with_others", org="KSG", n=2) == "KSG with 2 other organisations"
    assert Labels("fr").t("cohort.with_others", org="KSG", n=1) == "KSG avec 1 autre organisation"
    assert Labels("fr").count("n.days", 1200) == "1\u202f200 jours"
    assert Labels("en").t("summary.unfit", count=1, amount="USD 5") .startswith(
        "1 need could not be placed in a cohort; it is listed")


def test_the_title_is_offered_in_the_language():
    assert plan_title("fr", "Djibouti 2026") == "Plan de formation — Djibouti 2026"


def test_amounts_are_formatted_per_language():
    assert Labels("en").money(1234567, "USD") == "USD\u00a012,345.67"
    assert Labels("fr").money(1234567, "USD") == "12\u202f345,67\u00a0USD"
    assert Labels("fr").month("2026-08") == "août 2026"


def test_chapters_are_numbered_in_order():
    doc = build_document(plan(), context("fr"), catalogue("fr"))
    assert [f"{s.number}. {s.heading}" for s in doc.sections] == headings("fr")


def test_budget_tables_add_up_to_the_total():
    doc = build_document(plan(), context("en"), catalogue("en"))
    budget = next(s for s in doc.sections if s.key == "budget")
    tables = [b for b in budget.blocks if isinstance(b, Table)]
    assert len(tables) == 4
    for table in tables:
        money = [c for row in table.rows for c in row if isinstance(c, Money)]
        assert sum(m.cents for m in money) == plan().budget.total_cents


def test_the_catalogue_is_found_and_translated(db):
    found = find_catalogue(plan(), "fr")
    assert found is not None and found.translated_to == "fr"


def test_a_database_that_cannot_answer_falls_back_to_the_file_and_a_bug_surfaces(
        db, monkeypatch):
    from django.db import OperationalError

    from govcap.planning.models import Catalogue as CatalogueRow

    def fails(error):
        def first(self):
            raise error
        return first

    monkeypatch.setattr(type(CatalogueRow.objects.none()), "first",
                        fails(OperationalError("no such table: planning_catalogue")))
    assert find_catalogue(plan(), "en").version == plan().catalogue_version
    monkeypatch.setattr(type(CatalogueRow.objects.none()), "first",
                        fails(TypeError("a bug")))
    with pytest.raises(TypeError, match="a bug"):
        find_catalogue(plan(), "en")


def test_unknown_formats_and_organisations_are_refused():
    with pytest.raises(ValueError, match="format"):
        render_plan(plan(), context("en"), "odt", catalogue=catalogue("en"))
    with pytest.raises(ValueError, match="not in the plan"):
        build_document(plan(), context("en", "nobody"), catalogue("en"))


def test_a_plan_with_nothing_scheduled_says_so_instead_of_empty_tables():
    import dataclasses

    from govcap.planning import Constraints, Targets, generate_plan, load_catalogue
    from tests.planning.helpers import org_rows
    from tests.reports.helpers import B

    rows = org_rows("solo", {"change-management": B}, name="Lone Ministry")
    lone = generate_plan(rows, load_catalogue(), Targets(),
                         Constraints(start_month="2026-03", participants_per_org=1,
                                     max_participants_per_org=1))
    assert lone.unfit and not any(c.status == "scheduled" for c in lone.cohorts)
    ctx = dataclasses.replace(context("en"), heatmap=[])
    doc = build_document(lone, ctx, catalogue("en"))
    for section in doc.sections:
        assert section.blocks
        assert not any(isinstance(b, Table) and not b.rows for b in section.blocks), section.key
    assert render_plan(lone, ctx, "docx", catalogue=catalogue("en")).startswith(b"PK")


def test_an_organisations_plan_shows_a_shared_cohort_whole_beside_its_own_share():
    data = plan()
    shared = [c for c in data.cohorts if c.month and len(set(c.org_ids)) > 1]
    assert shared, "the test plan should have a cohort of two organisations"
    cohort = shared[0]
    org = cohort.org_ids[0]
    doc = build_document(data, context("en", org), catalogue("en"))
    rows = [row for section in doc.sections for block in section.blocks
            if isinstance(block, Table) and any(c.label == "Cohort size" for c in block.columns)
            for row in block.rows if row[1].startswith(cohort.module_code)]
    assert len(rows) == 1  # one cohort a module: no Cohort column (cohort_numbers)
    orgs, mine, size, share, whole = rows[0][3:]
    assert f"with {len(set(cohort.org_ids)) - 1} other organisation" in orgs
    assert size == sum(m.participants for m in cohort.members) > mine
    assert whole.cents == sum(m.cost_cents for m in cohort.members) > share.cents


def test_nominations_say_who_to_send_and_the_gender_aim_beside_the_focus_groups_mix():
    from govcap.reports.nominations import nominations
    from govcap.reports.scope import Scope

    data = plan()
    scope = Scope(data, context("en"), catalogue("en"), Labels("en"))
    section = nominations(scope)
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert len(table.rows) == len(scope.cohorts) > 0
    cohort = scope.cohorts[0]
    row = next(r for r in table.rows if r[1].startswith(cohort.module_code))
    places = sum(m.participants for m in cohort.members)
    aim = -(-places * 40 // 100)
    assert row[4] == f"at least {aim} {'woman' if aim == 1 else 'women'} of {places}"
    mix = data.extra["gender_mix"]
    women = sum(mix[m.org_id]["female"] for m in cohort.members)
    assert row[5] == f"{women} {'woman' if women == 1 else 'women'} of {6 * len(cohort.members)}"

    cat = catalogue("en")
    module = cat.by_code[cohort.module_code]
    assert row[2] == ", ".join(cat.personas[p] for p in module.audience)  # roles, named
    assert "40% women" in section.blocks[0].text


def test_one_woman_is_not_written_women():
    assert Labels("en").t("nom.women_of", women=1, total=24) == "1 woman of 24"
    assert Labels("en").t("nom.women_of", women=3, total=24) == "3 women of 24"


def test_the_assumptions_chapter_says_the_settings_the_plan_was_made_with():
    from govcap.reports.assumptions import assumptions
    from govcap.reports.model import Bullets
    from govcap.reports.scope import Scope

    data = plan()
    section = assumptions(Scope(data, context("en"), catalogue("en"), Labels("en")))
    text = " ".join(i for b in section.blocks if isinstance(b, Bullets) for i in b.items)
    c = data.settings["constraints"]
    assert f"sends {c['participants_per_org']} participants" in text
    assert f"{c['horizon_months']} months from March 2026" in text
    assert f"at most {c['days_per_month']} training days a month" in text
    assert f"version {data.catalogue_version}" in text and "40% women" in text
    assert "Not included: participants' allowances and travel" in text
