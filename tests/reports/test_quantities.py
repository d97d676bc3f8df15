"""A budget line's quantity is one message with its number inside, where the language puts
it: the number was glued before a plural noun ("78 washiriki", "26 taasisi", "78 مشارك";
Swahili puts the number after the noun, Arabic's noun takes its form from the number)."""

from __future__ import annotations

from govcap.reports.costing import QUANTITY_OF, quantity_phrase
from govcap.reports.labels import EN, Labels


def test_swahili_puts_the_number_after_the_noun():
    assert quantity_phrase(Labels("sw"), "materials", 78) == "washiriki 78"
    # (coaching counts assignments, organisation × course: its phrase is the costing's own,
    # test_budget_coach_lines)
    assert quantity_phrase(Labels("sw"), "travel", 26) == "wasafiri 26"


def test_arabic_gives_the_noun_the_numbers_form():
    assert quantity_phrase(Labels("ar"), "materials", 78) == Labels("ar").count(
        "n.participants", 78)
    assert quantity_phrase(Labels("en"), "lead-trainer-in-person", 1) == "1 trainer-day"
    assert quantity_phrase(Labels("en"), "co-trainer-online", 11) == "11 trainer-days"


def test_every_rate_has_a_count_phrase():
    assert all(key in EN for key in QUANTITY_OF.values())

