"""How the documents word a figure in the reader's language: French puts a figure below 2
in the singular ("0,0 point", "1,5 point", "+20,0 points") and a narrow no-break space
before "%" ("0 %"); English says "points" after any decimal ("1.0 points")."""

from __future__ import annotations

import pytest
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


@pytest.mark.django_db
def test_the_breakdowns_headings_are_the_same_words_on_the_page_pdf_and_workbook(programme):
    """The breakdown's "By" is that of "by gender, by organisation" (Arabic "حسب"), not the
    author's "By" of the plan edits and invitations (Arabic "بواسطة", "by means of"); gender
    is called as the nominations and the delivery page call it, "Not stated" included."""
    import io

    from django.test import Client
    from django.utils.translation import gettext
    from openpyxl import load_workbook

    from govcap.delivery.models import Trainee
    from govcap.results import workbook
    from govcap.results.build import build

    Trainee.objects.filter(pk=programme.t3.pk).update(gender="")
    results = build(None, programme.engagement)
    with translation.override("ar"):
        heading = document.breakdown_table(results).columns[0].label
        assert heading != gettext("By")  # not "بواسطة"
        assert workbook.breakdown_grid(results).columns[0].label == heading
    with translation.override("en"):
        table = document.breakdown_table(results)
        rows = {(r[0], r[1]) for r in table.rows}
        assert ("Gender", "Female") in rows and ("Gender", "Not stated") in rows
        assert ("Sex", "Female") not in rows
        book = load_workbook(io.BytesIO(document.render(results, "xlsx")))
        cells = {c for ws in book.worksheets for row in ws.values for c in row if c}
        assert {"Gender", "Not stated", table.columns[0].label} <= cells
        client = Client()
        client.force_login(programme.manager)
        page = client.get(f"/indicators/e/{programme.engagement.slug}/").content.decode()
        assert "<th scope=\"row\">Gender</th><td>Not stated</td>" in page.replace("\n", "")
        delivery = client.get(f"/deliveries/{programme.delivery.uuid}/").content.decode()
        assert ">Gender</th>" in delivery and "Not stated" in delivery
