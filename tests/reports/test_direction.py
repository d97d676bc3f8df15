"""Which pieces of a right-to-left document's text are kept left to right."""

from govcap.reports.direction import runs


def test_a_signed_number_keeps_its_sign_before_it_in_arabic_cells():
    assert runs("+1") == [("+1", True)]
    assert runs("3 · +0.33") == [("3 · ", False), ("+0.33", True)]
    assert runs("التغيير −2") == [("التغيير ", False), ("−2", True)]


def test_plain_numbers_and_dates_are_left_to_the_bidi_algorithm():
    # Unsigned digits already read left to right; the order of "1 / 2 / 0" follows the
    # Arabic header it sits under, and a date's hyphens are not signs.
    for text in ("1 / 2 / 0", "2025-05-06 – 2026-06-24", "0", "—"):
        assert runs(text) == [(text, False)]


def test_latin_text_is_isolated_whole_or_by_runs_inside_arabic():
    assert runs("Ministry of Health (MoH).") == [("Ministry of Health (MoH).", True)]
    assert runs("أكملت CHG-101 في مايو") == [
        ("أكملت ", False), ("CHG-101", True), (" في مايو", False)]
