"""The plan page in the reader's language: French words, numbers and dates as French writes
them; on an Arabic (right-to-left) page, Latin names, titles, codes and numbers set apart so
they keep their order, and the arrows between levels pointing the way the page reads."""

from __future__ import annotations

import datetime as dt
import re

from django.template import Context, Engine
from django.templatetags import i18n as i18n_tags
from django.urls import reverse
from django.utils import timezone, translation

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.money import format_money
from govcap.planning.models import Plan
from govcap.planning.pages import overview
from govcap.planning.services import generate
from tests.planning.helpers import CATALOGUE
from tests.planning.test_pages import plan_of_three
from tests.planning.test_plan_models import validated
from tests.planning.test_plan_views import planned  # noqa: F401  (the fixture)

FSI, PDI = "\u2068", "\u2069"


def page_in(client, world, language: str, name: str = "plan", *args: object) -> str:
    client.force_login(world.coordinator)
    client.cookies["django_language"] = language
    response = client.get(reverse(name, args=[world.engagement.slug, *args]))
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    """The page's words, a tag read as a space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# A. French


def test_the_french_page_says_levels_domains_and_the_default_responsibility_in_french(
        client, planned):  # noqa: F811
    html = page_in(client, planned, "fr")
    words = text(html)
    assert "Basic" not in words and "Moderate" not in words
    assert re.search(r">De base</span> → <span[^>]*>Modéré<", html)  # the gaps' levels
    assert "De base → Modéré" in words  # the indicators' baseline and target
    assert "Enterprise Architecture" not in words and "Architecture d’entreprise" in words
    assert "Engagement coordinator" not in words
    assert "Coordinateur de la mission, avec les responsables des organisations" in words


def test_a_level_inside_a_french_sentence_is_lower_case(client, planned):  # noqa: F811
    words = text(page_in(client, planned, "fr"))
    assert "Niveau de base pour « " in words and "niveau cible : modéré" in words
    assert "Niveau De base" not in words and "cible : Modéré" not in words
    english = text(page_in(client, planned, "en"))
    assert "Rated Basic on" in english  # English names the scale's levels


def test_the_indicators_are_worded_in_the_readers_language() -> None:
    plan = plan_of_three()
    row = overview(plan, CATALOGUE).indicator_rows[0]
    assert row.words.startswith("Consensus level on “4. Change Management” at reassessment: "
                                "Moderate or higher (baseline Basic)"), row.words
    with translation.override("fr"):
        french = overview(plan, CATALOGUE).indicator_rows[0]
    assert "modéré" in french.words and "de base" in french.words, french.words
    assert "Moderate" not in french.words and "Basic" not in french.words
    assert (french.baseline, french.target) == ("De base", "Modéré")


def test_amounts_are_written_as_french_writes_them(client, planned):  # noqa: F811
    html = page_in(client, planned, "fr")
    total = Plan.objects.get(engagement=planned.engagement).plan_data().budget.total_cents
    assert format_money(total, "USD", "fr") in html  # "12 345,00 USD"
    assert "USD\xa0" not in html and not re.search(r"USD.?\d{1,3},\d{3}\.\d\d", html)
    assert format_money(total, "USD") in page_in(client, planned, "en")


def test_the_approval_date_is_in_the_languages_date_format(client, planned):  # noqa: F811
    planned.plan.status = Plan.Status.APPROVED
    planned.plan.approved_by = planned.coordinator
    planned.plan.approved_at = timezone.make_aware(dt.datetime(2026, 2, 3, 12))
    planned.plan.save()
    words = text(page_in(client, planned, "fr"))
    assert "le 3 février 2026" in words, words[:2000]
    assert "Fév" not in words


def test_the_counts_and_days_say_one_and_many(client, world, monkeypatch):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    generate(world.engagement, world.coordinator)
    # Counted words are looked up as plurals, so a language whose plural differs from
    # English's says "1 jour ouvré retiré", "1 absent", "1 non placé".
    plural: list[str] = []
    real_ngettext, real_npgettext = i18n_tags.translation.ngettext, i18n_tags.translation.npgettext

    def counted(singular, plural_form, n):
        plural.append(singular)
        return real_ngettext(singular, plural_form, n)

    def counted_in_context(context, singular, plural_form, n):
        plural.append(singular)
        return real_npgettext(context, singular, plural_form, n)

    monkeypatch.setattr(i18n_tags.translation, "ngettext", counted)
    monkeypatch.setattr(i18n_tags.translation, "npgettext", counted_in_context)
    words = text(page_in(client, world, "en"))  # one organisation, one gap, a holiday
    assert re.search(r"\b1 organisation\b", words) and re.search(r"\b1 gap\b", words), words
    view = overview(plan_of_three(), CATALOGUE)  # its courses take days in its months
    assert any(cell.days for row in view.load.rows for cell in row.cells)
    Engine.get_default().get_template("planning/_plan_body.html").render(Context(
        {"view": view, "cohort_blocks": [(c, None, None) for c in view.cohorts]}))
    assert {"%(n)s away", "%(days)s of %(of)s working days taken", "organisation", "gap",
            "need not placed", "need (a course for one organisation)", "cohort scheduled"
            } <= set(plural), plural


# B. Arabic (right to left)


def test_latin_names_titles_and_quotes_are_set_apart_on_the_arabic_page(
        client, planned):  # noqa: F811
    html = page_in(client, planned, "ar")
    name = planned.engagement.name
    assert re.search(rf'<h1 class="plan-title">[^<]+<bdi>{re.escape(name)}</bdi></h1>', html)
    # "8. <its title in Arabic, the instrument's layer>": its number on the title's side
    from govcap.instruments.services import localised

    title = next(str(s.title) for s in localised(planned.engagement.instrument, "ar").sections
                 if s.key == "enterprise-architecture")
    assert re.search(rf"<bdi>8\. {re.escape(title)}</bdi>", html), title
    # the benchmark in Arabic marks, its text held in its own direction inside them
    assert re.search(r'<span class="quote">«<bdi dir="auto">[^<]+</bdi>»</span>', html)
    assert re.search(rf'<td><bdi>{FSI}?[^<]+ \(<span class="code">EA-101</span>\){PDI}?</bdi>',
                     html)  # "(EA-101)" whole, on one line
    # the load limits: days a month / a quarter held left to right, then the Arabic comma
    assert re.search(r'<bdi dir="ltr">\d+ / \d+</bdi>، <bdi>\d+</bdi>', html)
    assert re.search(r'<bdi dir="ltr"><strong>\d+</strong>/\d+</bdi>', html)  # days / limit


def test_the_arrow_between_levels_points_the_way_the_page_reads(client, planned):  # noqa: F811
    arabic = page_in(client, planned, "ar")
    # held in the page's direction by right-to-left marks (localise.arrow, the documents' too)
    assert re.search('class="lv lv-basic">[^<]+</span> \u200f←\u200f <span class="lv lv-moderate">',
                     arabic)
    assert not re.search(r"</span> → <span", arabic)
    english = page_in(client, planned, "en")
    assert re.search(r'class="lv lv-basic">Basic</span> → <span class="lv lv-moderate">',
                     english)


def test_sentences_set_apart_the_latin_names_they_carry_on_a_right_to_left_page() -> None:
    plan = plan_of_three()
    with translation.override("ar"):
        view = overview(plan, CATALOGUE)
    measure = next(a.measure for a in view.actions if a.action.module_code == "CHG-101")
    title = CATALOGUE.by_code["CHG-101"].title
    assert f"{FSI}{title} (CHG-101){PDI}" in measure, measure
    reason = next(r for n in view.needs if n.need.origin == "gap" for r in n.reasons)
    assert f"{FSI}Change Management{PDI}" in reason or FSI in reason, reason
    with translation.override("en"):
        english = overview(plan, CATALOGUE)
    assert not any(FSI in a.measure for a in english.actions)  # nothing added left to right


def test_the_organisation_page_sets_its_name_apart(client, planned):  # noqa: F811
    org = planned.plan.data["organisations"][0]
    html = page_in(client, planned, "ar", "plan-organisation", org["org_id"])
    assert re.search(rf'<h1 class="plan-title"><bdi>{re.escape(org["org_name"])}</bdi> — ',
                     html)
