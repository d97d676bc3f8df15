"""Sheet names of the results workbook fit Excel's 31 characters without cutting a word."""

from __future__ import annotations

from django.utils import translation

from govcap.results.workbook import _unique_title


def test_a_long_name_is_cut_at_a_word_not_inside_one():
    taken: set[str] = set()
    # "by group": cut inside its last word it read "by the total"
    arabic = _unique_title("الموظفون المدرَّبون حسب المجموعة والجنس", taken)
    assert len(arabic) <= 31 and not arabic.endswith("المجموع")
    assert "الموظفون المدرَّبون حسب المجموعة".startswith(arabic)
    swahili = _unique_title("Maafisa waliopata mafunzo kwa kikundi", taken)
    assert swahili == "Maafisa waliopata mafunzo kwa"


def test_two_names_cut_alike_stay_distinct():
    taken: set[str] = set()
    first = _unique_title("Mabadiliko yaliyooanishwa, Kenya 1", taken)
    second = _unique_title("Mabadiliko yaliyooanishwa, Kenya 2", taken)
    assert first == "Mabadiliko yaliyooanishwa" and second == "Mabadiliko yaliyooanishwa 2"


def test_the_page_title_lists_countries_with_the_languages_comma():
    from govcap.results.document import title

    class Results:
        engagement = None
        engagements = ["three engagements"]
        countries = ["الصومال", "جيبوتي", "كينيا"]

    with translation.override("ar"):
        assert "الصومال، جيبوتي، كينيا" in title(Results())  # not "الصومال, جيبوتي"
