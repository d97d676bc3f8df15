"""A change in the analysis tables keeps its sign where the reader looks for it."""

from django.utils import translation

from govcap.analysis.report import signed
from govcap.localise import LRI, PDI


def test_an_arabic_change_is_held_left_to_right_with_its_sign_in_front():
    # the round-comparison table read "12−" and "30+" in Arabic
    with translation.override("ar"):
        assert signed(-12).text == f"{LRI}−12{PDI}"
        assert signed(0.25).text == f"{LRI}+0.25{PDI}"


def test_english_and_french_write_the_sign_in_front_and_the_csv_keeps_plain_data():
    with translation.override("fr"):
        cell = signed(-0.11)
    assert cell.text == "−0,11" and cell.plain == "-0.11"
    with translation.override("en"):
        assert signed(3).text == "+3"
