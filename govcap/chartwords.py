"""The charts' words in the active language (or `language`), from the one catalogue.

`govcap.charts` draws plain data and never imports Django; this module, just above it, asks
gettext (and `govcap.labels` for the level words, the one place they are defined) and hands
the charts a `charts.words.Words`: pages call ``chart_words()`` in the request's language,
documents ``chart_words(document_language)``.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govcap import localise
from govcap.charts.words import Words
from govcap.labels import level_label

# Languages whose level counts beside a bar are spelled in words: Arabic has no customary
# one-letter forms, and two-letter cuts read as other words ("مت" is "you died").
SPELLED_COUNTS = frozenset({"ar"})


def chart_words(language: str | None = None) -> Words:
    """The words of every chart, and the direction, of `language` (default: the active one)."""
    if language is not None:
        with translation.override(language):
            return chart_words()
    code = translation.get_language() or "en"
    keys = ("basic", "moderate", "high", "not_assessed")
    return Words(
        # Translators: a section the group has not rated yet (a session under way), unlike
        # "Not assessed", which the group chose; in charts' legends and cells
        levels={**{key: level_label(key) for key in keys},
                "not_rated": pgettext("chart legend", "Not rated yet")},
        # Translators: one- or two-letter forms of the levels, written in narrow heatmap
        # cells and in counts ("B 3 · M 5"); each must be unlike the others in your language.
        letters={"basic": pgettext("level letter", "B"),
                 "moderate": pgettext("level letter", "M"),
                 "high": pgettext("level letter", "H"),
                 # Translators: letters, never a dash ("–" marks a section not rated
                 # yet): French "NÉ", Swahili "HT"
                 "not_assessed": pgettext("short for “not assessed”, in a heatmap cell",
                                          "n/a"),
                 "not_rated": "–"},
        # Translators: chart legend, e.g. "B = Basic"
        letter_means=_("%(letter)s = %(word)s"),
        target=pgettext("chart legend", "Target"),
        # Translators: a section's level did not change from one round to the next
        no_change=_("= no change"),
        change_unknown=_("change unknown"),
        no_ratings=_("No ratings"),
        # Translators: a share on a chart's axis, e.g. "50%" (French: "50 %")
        percent=_("%(n)s%%"),
        # Translators: tooltip of a bar segment, e.g. "3. Executing the projects — Basic: 3
        # of 10 (30%)"
        count_of=_("%(label)s — %(level)s: %(n)s of %(total)s (%(share)s)"),
        # "3. Executing the projects: Basic", the colon as the language writes it
        section_level="%(section)s" + localise.colon(code) + " %(level)s",
        section_level_target="%(section)s" + localise.colon(code) + " "
        + _("%(level)s, target %(target)s"),
        profile_desc=_("Capacity level per section on the scale Basic, Moderate, High."),
        profile_targets_desc=_("Capacity level per section on the scale Basic, Moderate, "
                               "High, with the target level of each section."),
        # Translators: %(not_assessed)s is the short form for "not assessed" written in the
        # cells (English "n/a")
        heatmap_desc=_("Heatmap of %(rows)s organisations by %(columns)s sections; each cell "
                       "names the level (High, Moderate, Basic, or %(not_assessed)s for not "
                       "assessed)."),
        totals=_("Totals: %(items)s."),
        distribution_desc=_("Number of ratings at each level per section, as shares of the "
                            "section's ratings."),
        trend_desc=_("Capacity level per section in each assessment round (%(rounds)s)."),
        counts_desc=_("Counts: %(items)s."),
        comma=localise.separator(code),
        semicolon=localise.separator(code, strong=True),
        colon=localise.colon(code) + " ",
        lang=translation.to_language(code),
        rtl=translation.get_language_bidi(),
        spelled_counts=localise.language_of(code) in SPELLED_COUNTS,
    )
