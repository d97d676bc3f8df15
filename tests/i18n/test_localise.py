"""Lists, numbers, shares and days written in the reader's language (govcap.localise)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from govcap import localise


def test_arabic_lists_use_the_arabic_comma_and_semicolon():
    assert localise.join(["أ", "ب", "ج"], "ar") == "أ، ب، ج"
    assert localise.join(["أ، ب", "ج"], "ar", strong=True) == "أ، ب؛ ج"
    assert localise.join(["a", "b"], "fr", strong=True) == "a\u202f; b"
    assert localise.join(["a", "", "b"], "en") == "a, b"


def test_a_list_whose_item_holds_a_comma_is_joined_with_semicolons():
    name = "Ministère de l'Économie et des Finances, chargé de l'Industrie"
    assert localise.join([name, "Ministère du Budget"], "fr") == (
        f"{name}\u202f; Ministère du Budget")
    assert localise.join([name, "Treasury"], "en") == f"{name}; Treasury"
    assert localise.join(["وزارة المالية، الصناعة", "الخزانة"], "ar") == (
        "وزارة المالية، الصناعة؛ الخزانة")
    assert localise.join(["Treasury", "Health"], "en") == "Treasury, Health"


def test_the_list_separator_tag_turns_to_semicolons_for_names_with_commas():
    from django.template import Context, Template

    page = Template("{% load govcap %}{% for n in names %}{{ n }}"
                    "{% if not forloop.last %}{% list_separator names %}{% endif %}{% endfor %}")
    with translation.override("en"):
        assert page.render(Context({"names": ["Economy, Industry", "Budget"]})) == (
            "Economy, Industry; Budget")
        assert page.render(Context({"names": ["Economy", "Budget"]})) == "Economy, Budget"


def test_the_active_language_is_the_default():
    with translation.override("ar"):
        assert localise.join(["أ", "ب"]) == "أ، ب"
    with translation.override("fr"):
        assert localise.number(1234.5) == "1\u202f234,5"


@pytest.mark.parametrize(("language", "value", "digits", "expected"), [
    ("fr", 1234567, None, "1\u202f234\u202f567"), ("en", 1234567, None, "1,234,567"),
    ("fr", 2.25, 2, "2,25"), ("en", 2.25, 2, "2.25"), ("fr", -0.5, 1, "−0,5"),
    ("ar", 1234.5, 1, "1,234.5"),
])
def test_numbers(language, value, digits, expected):
    assert localise.number(value, language, digits) == expected


def test_french_puts_a_narrow_no_break_space_before_the_percent_sign():
    assert localise.percent(12.4, "fr") == "12\u202f%"
    assert localise.percent(12.3, "fr", 1) == "12,3\u202f%"
    assert localise.percent(12, "en") == "12%"


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "1 February 2026"), ("fr", "1er février 2026"), ("ar", "1 فبراير 2026"),
    ("sw", "1 Februari 2026"),
])
def test_the_first_of_the_month(language, expected):
    assert localise.day(dt.date(2026, 2, 1), language) == expected


def test_one_day_form_in_every_language_and_from_a_datetime_or_iso_text():
    assert localise.day("2025-04-30", "sw") == "30 Aprili 2025"  # not "Aprili 30, 2025"
    assert localise.day(dt.date(2026, 2, 3), "fr") == "3 février 2026"  # not "3 Fév 2026"
    assert localise.day(None, "fr", "—") == "—"
    moment = dt.datetime(2026, 2, 3, 14, 5)
    assert localise.day_time(moment, "fr") == "3 février 2026 14:05"
    assert localise.month("2026-03", "fr") == "mars 2026"


def test_a_signed_number_keeps_its_sign_in_front_in_arabic():
    # "+20.0 نقطة" read "20.0+ نقطة": the number is held left to right
    assert localise.signed(20, "ar") == "\u2066+20.0\u2069"
    assert localise.signed(-1, "ar", digits=0) == "\u2066−1\u2069"
    assert localise.signed(0, "ar") == "0.0"  # no sign, nothing to hold
    assert localise.signed(20, "en") == "+20.0"


KENYAN_SWAHILI_MONTHS = ("Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai",
                         "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba")


def test_swahili_months_are_written_as_in_kenya_on_every_path():
    # Django's Swahili says "Disemba"; Kenyan usage (and the documents' short "Des") is "Desemba"
    assert [localise.month_name(m, "sw") for m in range(1, 13)] == list(KENYAN_SWAHILI_MONTHS)
    assert localise.day(dt.date(2026, 12, 4), "sw") == "4 Desemba 2026"
    assert localise.month("2026-12", "sw") == "Desemba 2026"
    assert localise.day_range("2026-11-30", "2026-12-02", "sw") == "30 Novemba – 2 Desemba 2026"
    assert localise.day_range("2026-12-01", "2026-12-04", "sw") == "1–4 Desemba 2026"
    with translation.override("sw"):
        assert localise.day(dt.date(2026, 12, 4)) == "4 Desemba 2026"


def test_arabic_april_is_spelled_one_way():
    # Django's Arabic writes "إبريل" in dates and "أبريل" standing alone
    assert localise.month("2026-04", "ar") == "أبريل 2026"
    assert localise.day(dt.date(2026, 4, 9), "ar") == "9 أبريل 2026"


def test_a_pseudo_locale_still_gets_its_month_through_gettext():
    assert localise.month_name(12, "en-xa").startswith("[")
    assert localise.month_name(12, "fr") == "décembre"


def test_the_plan_pages_months_are_the_same_words():
    # the plan's blocked months and schedule read "Disemba 2026" beside "4 Desemba 2026"
    from govcap.planning.wording import month_label

    with translation.override("sw"):
        assert month_label("2026-12") == "Desemba 2026"
    with translation.override("fr"):
        assert month_label("2026-12") == "décembre 2026"
