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


import pytest  # noqa: E402


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "ar", "sw"])
def test_every_sheet_has_a_short_name_of_its_own_never_a_cut_title(programme, language):
    """A sheet named by a title cut at 31 characters read "Maafisa waliopata mafunzo kwa"
    ("… by"), "Mabadiliko yaliyooanishwa" lost its country, and "Kenya 1" said nothing: each
    sheet has a short name (msgctxt "sheet name"), level 4's with the country and the
    rounds' years (here the follow-up's: the baseline has no start date)."""
    from govcap.results import workbook
    from govcap.results.build import build

    with translation.override(language):
        results = build(None, programme.engagement)
        grids = workbook.grids(results, language)
    names = [g.name for g in grids]
    assert all(len(n) <= 31 for n in names), names  # whole: nothing for Excel to cut
    assert len(set(names)) == len(names)
    level4 = [n for n in names if "Kenya" in n or "كينيا" in n]
    assert len(level4) == 2 and all(n.endswith("2027") for n in level4), names
