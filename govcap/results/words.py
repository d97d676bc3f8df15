"""What the results say, in the reader's language (gettext): the indicators' names and
definitions, the level-4 caveats and verdicts, the breakdowns' headings."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from govcap import localise
from govcap.results.core import indicators as ind
from govcap.results.core import l4

NAMES = {
    ind.OFFICIALS_TRAINED: _("Officials trained"),
    ind.WOMEN_SHARE: _("Women among the officials trained"),
    ind.COMPLETION_RATE: _("Completion rate"),
    ind.SATISFACTION: _("Participants satisfied with the course (level 1)"),
    ind.LEARNING_GAIN: _("Self-assessed learning gain (level 2)"),
    ind.APPLICATION: _("Participants applying what they learnt (level 3)"),
    ind.MOVING_UP: _("Trained organisations moving up at least one level (level 4)"),
    ind.COST_PER_PARTICIPANT: _("Cost per participant"),
    ind.COST_PER_COMPLETED: _("Cost per participant who completed"),
}

DEFINITIONS = {
    ind.OFFICIALS_TRAINED: _(
        # xgettext:no-python-format
        "Participants recorded as having completed a course (present at least 80% of its "
        "days). Counted per course: an official who completed two courses counts twice. "
        "n: the participants nominated to the courses that ran or are running (planned, "
        "cancelled and merged courses are not counted). Target: the participants of the "
        "approved plans (for a reader who sees some organisations only, the seats the "
        "plans give those organisations)."),
    ind.WOMEN_SHARE: _(
        "Share of women among the officials trained. n: the officials trained. Target: the "
        "share of women the plan's settings aim at."),
    ind.COMPLETION_RATE: _(
        "Participants who completed, divided by all participants of the courses marked "
        "completed; a participant whose completion was not recorded counts as not "
        "completed. n: the participants of the completed courses."),
    ind.SATISFACTION: _(
        "Share of the participants who answered the level-1 form whose mean rating over "
        "the questions they answered (relevance, quality, trainer, would recommend; 1 to "
        "5) is 4 or more. n: the participants who rated at least one question."),
    ind.LEARNING_GAIN: _(
        "Self-assessed, not tested: each participant says, objective by objective of the "
        "module, whether they can do it (\"Yes, I can do this\" or \"Not yet\"), before "
        "and after the course. The gain is the mean of the share said after minus the share "
        "said before, in percentage points, over the participants who answered both times. "
        "n: those participants. Baseline: no gain."),
    ind.APPLICATION: _(
        "Share of the participants' follow-ups answered 3 to 6 months after the course "
        "saying they applied the course at work, fully or partly. An answer given before 3 "
        "months or after 6 is reported apart, not counted. Supervisors' answers are shown "
        "beside it, not added. n: the participants' follow-ups answered 3 to 6 months after "
        "the course."),
    ind.MOVING_UP: _(
        "Share of the trained organisations whose level rose by at least one step in at "
        "least one section of a domain they were trained in, between the validated "
        "sessions of two rounds of the same country. n: the trained organisations assessed "
        "in both rounds on such a section. Baseline: none had moved."),
    ind.COST_PER_PARTICIPANT: _(
        "The cost recorded of the courses that have one, divided by their participants. "
        "Amounts in different currencies are never added. For a reader who sees some "
        "organisations only, their share: each course's cost times their participants "
        "divided by all its participants. n: those participants. Target: the approved "
        "plans' cost of the same courses divided by their planned participants (times the "
        "same share)."),
    ind.COST_PER_COMPLETED: _(
        "The same cost divided by the participants of those courses who completed. n: "
        "those participants. Target: the plans' cost per planned participant (all "
        "completing)."),
}

DIMENSIONS = {
    # as the nominations, the delivery page and the consent list call it (the choices are
    # Female, Male, Another gender, Not stated)
    "sex": _("Gender"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "domain": _("Training domain"),
    "seniority": _("Seniority"),
}

CAVEATS = {
    l4.NO_CONTROL_GROUP: _(
        "No control group: organisations were not trained at random, so a difference "
        "between the groups shows an association, not that the training caused it."),
    l4.SELECTION: _(
        "Selection: the plan sends organisations to courses because of their gaps. An "
        "organisation at Basic can only stay or move up and one at High can only stay or "
        "move down, so the trained group may rise more for that reason alone."),
    l4.PAIRED_ONLY: _(
        "Only organisations with a validated level in both rounds are compared; the others "
        "are counted apart."),
    l4.SMALL_NUMBERS: _(
        "Small numbers: with fewer than 10 organisations in a group, one organisation "
        "changes the picture. Read the paired changes, not only the means."),
    l4.NO_VARIATION: _(
        "Every organisation compared changed by the same amount: the test cannot tell the "
        "groups apart."),
    l4.LEFT_OUT: _(
        "Organisations whose officials attended without completing are in neither group."),
}

TOO_FEW_RULE = _(
    "Too few to say: a permutation test is run only when each group has at least "
    "%(n)d organisations assessed in both rounds; with fewer, no p-value is given.")

GENDERS_UNKNOWN = _("Not recorded")


def by() -> str:
    """The heading of a breakdown's dimension column ("By": Gender, Organisation…), not the
    "By" of an author ("by amina"), which Arabic and Swahili word otherwise."""
    return pgettext("a breakdown: officials trained by gender, organisation, country…", "By")

# the unit of an indicator's figures, in the workbook
UNIT_NAMES = {
    "count": _("number"),
    "percent": _("share (%)"),
    "points": _("percentage points"),
    "money": _("amount"),
}


def of(count: int, whole: int) -> str:
    """"5 of 8", the n behind a share."""
    return ngettext("%(count)d of %(n)d", "%(count)d of %(n)d", whole) % {
        "count": count, "n": whole}


def decimal_count(value: float, digits: int = 1) -> int:
    """The count to give gettext's plural formula for a figure written with ``digits``
    decimals: the catalogues' formulas know whole numbers only. French puts a figure below 2
    in the singular ("0,0 point", "1,5 point", "2,0 points"), by its whole part; English,
    Swahili and Arabic use their general plural for a decimal ("1.0 points"), which their
    formulas give for 100."""
    if localise.language_of() == "fr":
        return int(abs(round(value, digits)))
    return 100
