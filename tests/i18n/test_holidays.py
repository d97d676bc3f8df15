"""Public holidays named in the reader's language, from our catalogues
(govcap.planning.month_words): the holiday tables name Kenya's in English and Swahili only,
Djibouti's in French, Arabic and English."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from govcap.planning.core.blackouts import month_blocks
from govcap.planning.month_words import reasons_words

MONTHS = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)]


def _holidays(country: str) -> list[str]:
    return [r for b in month_blocks(country, MONTHS, national_holidays=True) for r in b.reasons]


@pytest.mark.parametrize("country", ["KE", "DJ", "SO"])
def test_every_holiday_a_plan_shows_goes_through_our_catalogue(country):
    # a Swahili reader saw Djibouti's holidays in English, a French one Kenya's: the names
    # came from the tables, which have no Swahili for Djibouti and no French for Kenya
    reasons = _holidays(country)
    assert reasons
    with translation.override("en-xa"):
        for reason in reasons:
            said = reasons_words([reason])
            assert said.startswith("["), said  # the pseudo-locale's brackets: a catalogue word


def test_french_holiday_names_capitalise_the_first_word_and_proper_nouns_only():
    said = reasons_words(_holidays("DJ"), "fr")
    names = [re.sub(r" \(\d+\)$", "", n) for n in said.split(", ")]
    assert all(n[0].isupper() for n in names), names  # "deuxième jour de …" opened lowercase
    assert "Fête de l’indépendance" in names
    assert "Deuxième jour de la fête de l’indépendance" in names  # not "…l'Indépendance"
    assert not any(re.search(r"\b(De|Du|La|Le|Des)\b", n[1:]) for n in names)


def test_arabic_lists_the_blocked_days_with_its_own_comma():
    said = reasons_words(_holidays("DJ")[:3], "ar")
    assert "، " in said and ", " not in said
