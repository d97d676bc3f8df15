"""How the documents word a figure in the reader's language: French puts a figure below 2
in the singular ("0,0 point", "1,5 point", "+20,0 points") and a narrow no-break space
before "%" ("0 %"); English says "points" after any decimal ("1.0 points")."""

from __future__ import annotations

from django.utils import translation

from govcap.results import document
from govcap.results.core import indicators as ind

NNBSP = "\u202f"


def french_plural(singular: str, plural: str, n: int) -> str:
    """The French catalogue's choice (Plural-Forms: plural=(n > 1)), whatever it holds yet."""
    return singular if n <= 1 else plural


def gain(value: float, baseline: float = 0.0, target: float = 20.0) -> ind.Indicator:
    return ind.Indicator(ind.LEARNING_GAIN, ind.POINTS, value, 43, baseline=baseline,
                         target=target)


def test_french_puts_points_below_2_in_the_singular(monkeypatch):
    monkeypatch.setattr(document, "ngettext", french_plural)
    with translation.override("fr"):
        assert document.baseline(gain(42.1)) == "0,0 point"
        assert document.target(gain(42.1), 20.0) == "+20,0 points"
        assert document.target(gain(42.1), 1.5) == "+1,5 point"
        assert document.target(gain(42.1), -1.96) == "−2,0 points"  # as written: rounded
        assert document.actual(gain(1.0)) == "+1,0 point (n = 43)"
        assert document.actual(gain(42.1)) == "+42,1 points (n = 43)"


def test_english_says_points_after_any_decimal():
    with translation.override("en"):
        assert document.baseline(gain(1.0)) == "0.0 points"
        assert document.actual(gain(1.0)) == "+1.0 points (n = 43)"
        assert document.target(gain(1.0), 20.0) == "+20.0 points"


def test_a_french_share_has_its_space_before_the_percent_sign_even_at_0():
    moving = ind.Indicator(ind.MOVING_UP, ind.PERCENT, 85.7, 7, numerator=6, baseline=0.0,
                           target=50.0)
    with translation.override("fr"):
        assert document.baseline(moving) == f"0{NNBSP}%"
        assert document.target(moving, moving.target) == f"50{NNBSP}%"
