"""The rate card's note on its figures in the plan documents' language: French had its
translation, Arabic and Swahili printed the English ("Indicative planning figures compiled
by the govcap team…"); an English note in an Arabic paragraph ran into the version number
before it ("per-diem .1.1")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from govcap.direction import has_rtl
from govcap.localise import LRI, PDI
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports.costing import card_source


@pytest.mark.parametrize("country", ["KE", "DJ", "SO"])
@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
def test_every_card_notes_its_figures_in_each_document_language(country, language):
    card = country_rate_card(country)
    note = card.source_translations[language]
    assert "Indicative planning figures" not in note
    assert has_rtl(note) == (language == "ar")


def test_an_english_note_in_an_arabic_paragraph_is_held_apart():
    budget = SimpleNamespace(rate_card_source="Own rates. Not quotes.",
                             rate_card_source_translations={})
    assert card_source(budget, "ar") == f"{LRI}Own rates. Not quotes.{PDI}"
    assert card_source(budget, "en") == "Own rates. Not quotes."
    card = country_rate_card("KE")
    budget = SimpleNamespace(rate_card_source=card.source,
                             rate_card_source_translations=card.source_translations)
    assert card_source(budget, "sw").startswith("Takwimu elekezi")
