"""The plan settings page refuses a bad start month and an unknown rate card edition in the
reader's language: what they typed set apart from the sentence, the country by its name."""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation

from govcap.planning.forms import SettingsForm, _month
from govcap.planning.models import PlanSettings


@pytest.mark.parametrize(("language", "said"), [
    ("en", "“abc” is not a month"),
    ("fr", "«\u00a0abc\u00a0»"),
    ("ar", "«\u2066abc\u2069»"),  # Latin text held between the marks: they stay at its ends
])
def test_a_bad_month_is_quoted_in_the_readers_marks(language, said):
    with translation.override(language), pytest.raises(forms.ValidationError) as refused:
        _month(" abc ")
    message = refused.value.messages[0]
    assert said in message and "'abc'" not in message


def test_a_bad_month_is_said_through_the_catalogue(messages_asked):
    seen = messages_asked
    with pytest.raises(forms.ValidationError) as refused:
        _month("abc")
    str(refused.value.messages[0])
    assert "%(month)s is not a month; write it as YYYY-MM, e.g. 2026-03" in seen


@pytest.mark.parametrize(("language", "country"), [("en", "Somalia"), ("fr", "Somalie"),
                                                   ("ar", "\u2068الصومال\u2069")])
def test_an_unknown_edition_names_the_country(world, language, country):
    settings = PlanSettings(engagement=world.other_engagement)
    with translation.override(language):
        form = SettingsForm(data={"rate_card_version": "2026-99"}, instance=settings,
                            organisations=[], section_titles={})
        form.is_valid()
        said = " ".join(str(e) for e in form.errors["rate_card_version"])
    assert country in said and "SO " not in said and "2026-99" in said
