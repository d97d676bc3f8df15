"""Every word a chart writes, in the chart's language, and the direction that language reads.

Charts are plain data + drawing (no Django): they never translate. The caller hands them a
`Words` built in the active language (`govcap.chartwords.chart_words()`, which asks gettext
and `govcap.labels`); the defaults here are the English of that catalogue, for tests and
for callers outside a request. Templates use ``%(name)s`` placeholders, like the catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from govcap.charts.palette import NotRated
from govcap.scale import Level

NA = "not_assessed"
NOT_RATED = "not_rated"


def _english_levels() -> dict[str, str]:
    return {
        "basic": "Basic",
        "moderate": "Moderate",
        "high": "High",
        NA: "Not assessed",
        NOT_RATED: "Not rated yet",
    }


def _english_letters() -> dict[str, str]:
    return {"basic": "B", "moderate": "M", "high": "H", NA: "n/a", NOT_RATED: "–"}


@dataclass(frozen=True)
class Words:
    """What a chart says, and how: `lang` (a BCP 47 code, written as the SVG's ``lang``)
    and `rtl` (the language reads right to left: the chart is drawn mirrored)."""

    levels: Mapping[str, str] = field(default_factory=_english_levels)
    letters: Mapping[str, str] = field(default_factory=_english_letters)
    # legend
    letter_means: str = "%(letter)s = %(word)s"
    target: str = "Target"
    # trend: the change from the previous round
    no_change: str = "= no change"
    change_unknown: str = "change unknown"
    # distribution
    no_ratings: str = "No ratings"
    percent: str = "%(n)s%%"
    count_of: str = "%(label)s — %(level)s: %(n)s of %(total)s (%(share)s)"
    # text alternatives (<desc>, tooltips)
    section_level: str = "%(section)s: %(level)s"
    section_level_target: str = "%(section)s: %(level)s, target %(target)s"
    profile_desc: str = "Capacity level per section on the scale Basic, Moderate, High."
    profile_targets_desc: str = (
        "Capacity level per section on the scale Basic, Moderate, High, with the target "
        "level of each section."
    )
    heatmap_desc: str = (
        "Heatmap of %(rows)s organisations by %(columns)s sections; each cell names the level "
        "(High, Moderate, Basic, or %(not_assessed)s for not assessed)."
    )
    totals: str = "Totals: %(items)s."
    distribution_desc: str = (
        "Number of ratings at each level per section, as shares of the section's ratings."
    )
    trend_desc: str = "Capacity level per section in each assessment round (%(rounds)s)."
    counts_desc: str = "Counts: %(items)s."
    # between the items of a list, between items that hold commas, after a label: the
    # language's own ("، " "؛ " in Arabic; French " : ")
    comma: str = ", "
    semicolon: str = "; "
    colon: str = ": "
    lang: str = "en"
    rtl: bool = False
    # counts beside a bar spelled with the level words ("أساسي 0 · متوسط 9"), not letters:
    # a language without customary one-letter forms (Arabic: "مت" reads "you died")
    spelled_counts: bool = False

    def level(self, level: Level | NotRated | None) -> str:
        """The word of a level; None is "not assessed", NOT_RATED "not rated yet"."""
        key = NA if level is None else level.key
        return self.levels.get(key) or _english_levels()[key]

    def letter(self, level: Level | NotRated | None) -> str:
        """The short form written in narrow cells and counts ("B", "n/a", "–")."""
        key = NA if level is None else level.key
        return self.letters.get(key) or _english_letters()[key]

    def say(self, template: str, **values: object) -> str:
        return template % values

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


ENGLISH = Words()
