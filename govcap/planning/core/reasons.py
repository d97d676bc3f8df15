"""Why a course cannot go in a month, or an edit cannot hold: the rule and its numbers.

A :class:`Reason` is data: the rule's code and the facts it names (organisation and module
by identifier, months as ``YYYY-MM``, counts as integers). Its words are the messages of
``MESSAGES``, one sentence per rule with named placeholders (and plural forms where a
number picks them), said through a *voice*: :data:`ENGLISH` for the core's own messages
(the plan's JSON, the command line), ``planning.wording`` for a page, which translates each
message with gettext and names months, organisations and modules in the reader's words.
So the schedule's reasons and an edit's conflicts have one set of sentences.

The messages are marked for ``makemessages`` with the keywords it is given (``gettext_noop``
Django's own, ``plural_noop:1,2`` govcap's command), by functions defined here: the core
imports no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from govcap.scale import DOMAINS


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages; translated where it is shown."""
    return message


@dataclass(frozen=True)
class Plural:
    """A message with plural forms; ``count`` names the fact whose number picks the form."""

    singular: str
    plural: str
    count: str


def plural_noop(singular: str, plural: str, count: str) -> Plural:
    """Marks a message with plural forms for makemessages (``--keyword=plural_noop:1,2``)."""
    return Plural(singular, plural, count)


@dataclass(frozen=True)
class Reason:
    rule: str
    facts: Mapping[str, Any] = field(default_factory=dict)


# What each fact is, so a voice can say it: a fact not listed is shown as it is.
FACT_KINDS = {
    "month": "month", "first_month": "month", "last_month": "month",
    "prerequisite_month": "month", "quarter": "quarter", "org": "org", "module": "module",
    "prerequisite": "module", "domain": "domain", "reasons": "reasons",
    "language": "language", "cohort": "cohort",
    # not a fact: ``words`` says a reason's clauses for several organisations with it
    "clauses": "clauses",
}

# Said when a month's blocked days have no recorded reason (a plan from before they had).
BLOCKED_DAYS = gettext_noop("holidays, Ramadan or the fiscal year-end")

MESSAGES: dict[str, str | Plural] = {
    # a month an edit asks for
    "not-a-month": gettext_noop("%(month)s is not a month"),
    "before-first-month": gettext_noop(
        "%(month)s is before the plan's first month, %(first_month)s"),
    "after-horizon": gettext_noop("%(month)s is after the plan's last month, %(last_month)s"),
    "blackout-month": gettext_noop("%(month)s is closed to training in the plan's settings"),
    "blocked-month": gettext_noop("%(month)s is closed to training: %(reasons)s"),
    # a month's room (the schedule's own rules)
    "month-full": plural_noop(
        "%(month)s already has %(limit)d course, the most the plan runs at once",
        "%(month)s already has %(limit)d courses, the most the plan runs at once", "limit"),
    "domain-full": plural_noop(
        "%(month)s already has %(limit)d course in %(domain)s, the most at once in that "
        "domain",
        "%(month)s already has %(limit)d courses in %(domain)s, the most at once in that "
        "domain", "limit"),
    "org-month-days": plural_noop(
        "%(org)s would have %(days)d training day in %(month)s, its limit is %(limit)d",
        "%(org)s would have %(days)d training days in %(month)s, its limit is %(limit)d",
        "days"),
    "org-month-days-blocked": plural_noop(
        "%(org)s would have %(days)d training day in %(month)s, its limit that month is "
        "%(limit)d (days blocked: %(reasons)s)",
        "%(org)s would have %(days)d training days in %(month)s, its limit that month is "
        "%(limit)d (days blocked: %(reasons)s)", "days"),
    "org-quarter-days": plural_noop(
        "%(org)s would have %(days)d training day in %(quarter)s, its limit is %(limit)d a "
        "quarter",
        "%(org)s would have %(days)d training days in %(quarter)s, its limit is %(limit)d a "
        "quarter", "days"),
    "staff-away": plural_noop(
        "%(org)s would have %(away)d person away at once in %(month)s, its limit is "
        "%(limit)d",
        "%(org)s would have %(away)d people away at once in %(month)s, its limit is "
        "%(limit)d", "away"),
    "prerequisite": gettext_noop(
        "%(module)s would not come after its prerequisite %(prerequisite)s "
        "(%(prerequisite_month)s)"),
    "prerequisite-unplaced": gettext_noop(
        "%(module)s would not come after its prerequisite %(prerequisite)s, which is not "
        "placed"),
    # a course that fits no month at all
    "too-many-away": plural_noop(
        "%(org)s would send %(participants)d person to it, more than the %(limit)d of its "
        "staff who can be away at once",
        "%(org)s would send %(participants)d people to it, more than the %(limit)d of its "
        "staff who can be away at once", "participants"),
    "too-long": plural_noop(
        "it takes %(days)d training day, more than %(org)s can take in one month "
        "(%(month_limit)d) or quarter (%(quarter_limit)d)",
        "it takes %(days)d training days, more than %(org)s can take in one month "
        "(%(month_limit)d) or quarter (%(quarter_limit)d)", "days"),
    # why a course found no month (Unfit.blocked): each rule with how many months it stopped
    "blocked-in": plural_noop("in %(months)d month, e.g. %(reason)s",
                              "in %(months)d months, e.g. %(reason)s", "months"),
    "closed-months": plural_noop("%(months)d month is closed to training",
                                 "%(months)d months are closed to training", "months"),
    # moving an organisation to another course, keeping a course as it is
    "other-language": gettext_noop("%(cohort)s is given in %(language)s"),
    "locked-cohort": gettext_noop("a course kept as it is keeps its members"),
    "own-team": gettext_noop("%(cohort)s works with one organisation's own team; each "
                             "organisation has its own"),
    "cohort-over-max": plural_noop(
        "%(cohort)s would have %(participants)d participant, its limit is %(limit)d",
        "%(cohort)s would have %(participants)d participants, its limit is %(limit)d",
        "participants"),
    "cohort-under-min": plural_noop(
        "%(cohort)s would be left with %(participants)d participant, its minimum is "
        "%(limit)d",
        "%(cohort)s would be left with %(participants)d participants, its minimum is "
        "%(limit)d", "participants"),
    "lock-size": plural_noop(
        "the course kept would have %(participants)d participant, outside %(minimum)d to "
        "%(maximum)d; regrouped instead",
        "the course kept would have %(participants)d participants, outside %(minimum)d to "
        "%(maximum)d; regrouped instead", "participants"),
    "lock-mismatch": gettext_noop("the course kept is not a course of %(module)s in "
                                  "%(language)s"),
    "locked-twice": gettext_noop("another edit already keeps this course"),
    # what an edit names is gone, or already so
    # said without its name: a page knows the names of the plan's organisations only
    "org-not-in-plan": gettext_noop("the organisation is no longer in this plan"),
    "module-not-in-catalogue": gettext_noop("%(module)s is not in the catalogue"),
    "already-has": gettext_noop("%(org)s already has %(module)s"),
    "no-longer-needs": gettext_noop("%(org)s no longer needs %(module)s"),
    "in-no-cohort": gettext_noop("%(org)s is in no course of %(module)s"),
    "already-in": gettext_noop("%(org)s is already in that course"),
    "cohort-gone": gettext_noop("the plan no longer has this course of %(module)s: its "
                                "organisations were grouped again, or too few still take it"),
    "lock-gone": gettext_noop("no organisation of the course kept still needs %(module)s "
                              "in %(language)s"),
    # a move a later edit of the same course replaces
    "moved-again": gettext_noop("a later edit puts this course in %(month)s"),
    # an earlier round's plan once the next round of its country exists (core.generate)
    "later-round": gettext_noop("the next assessment round reassesses this plan's "
                                "organisations: this version plans nothing new"),
}

# The rules that say a course cannot go in the month asked for: a kept course
# (``lock-cohort``) still keeps its members then, and says so.
MONTH_RULES = frozenset({
    "not-a-month", "before-first-month", "after-horizon", "blackout-month", "blocked-month",
    "month-full", "domain-full", "org-month-days", "org-month-days-blocked",
    "org-quarter-days", "staff-away", "prerequisite", "prerequisite-unplaced",
})
MEMBERS_KEPT = gettext_noop("members kept, but not the month: %(reason)s")


class Voice(Protocol):
    """How a reason is said: its message translated (or not), its facts named."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...

    def fact(self, kind: str, value: Any) -> str: ...


def words(rule: str, facts: Mapping[str, Any], voice: Voice) -> str:
    """The rule's sentence with its facts, in ``voice``; "" for a rule without one."""
    message = MESSAGES.get(rule)
    if message is None:
        return ""
    values = {name: value if isinstance(value, int) and not isinstance(value, bool)
              else voice.fact(FACT_KINDS.get(name, ""), value)
              for name, value in facts.items() if name != "also"}
    if isinstance(message, Plural):
        text = voice.ngettext(message.singular, message.plural, int(facts[message.count]))
    else:
        text = voice.gettext(message)
    text = text % values
    # the other organisations the same course puts over a limit (schedule ``why_not``
    # ``every``): each its own clause, "…, its limit is 5; Ministry of ICT would have …"
    also = [words(str(a["rule"]), a["facts"], voice) for a in facts.get("also") or ()
            if isinstance(a, Mapping) and isinstance(a.get("facts"), Mapping)]
    return voice.fact("clauses", [text, *also]) if any(also) else text


def outcome_words(kind: str, rule: str, facts: Mapping[str, Any], voice: Voice) -> str:
    """Why an edit of ``kind`` did not apply: its rule's sentence; a kept course that
    cannot keep its month says that its members are kept all the same."""
    text = words(rule, facts, voice)
    if text and kind == "lock-cohort" and rule in MONTH_RULES:
        return voice.gettext(MEMBERS_KEPT) % {"reason": text}
    return text


def blocked_words(blocked: Iterable[Any], voice: Voice, most: int = 3) -> list[str]:
    """Why a course found no month (``Unfit.blocked``), one phrase per rule and
    organisation, the ``most`` that stopped it in the most months, then the closed months:
    "in 5 months, e.g. Ministry of Education would have 7 training days in May 2027, its
    limit is 5"."""
    blocked = tuple(blocked)
    rules = [b for b in blocked if b.rule != "closed-months"]
    out = [words("blocked-in", {"months": b.months,
                                "reason": words(b.rule, b.facts, voice)}, voice)
           for b in rules[:most]]
    out += [words("closed-months", {"months": b.months}, voice)
            for b in blocked if b.rule == "closed-months"]
    return [text for text in out if text]


class English:
    """The core's own voice: English, identifiers and ``YYYY-MM`` months as they are,
    organisations by name where ``names`` has them."""

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self.names = names or {}

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def fact(self, kind: str, value: Any) -> str:
        if kind == "org":
            return self.names.get(value, str(value))
        if kind == "domain":
            return DOMAINS.get(value, str(value))
        if kind == "quarter":
            year, month = str(value).split("-")
            return f"{value} to {year}-{int(month) + 2:02d}"
        if kind == "reasons":
            return ", ".join(value) if value else BLOCKED_DAYS
        if kind == "clauses":  # one reason's sentences for several organisations
            return "; ".join(str(v) for v in value if v)
        return "—" if value is None else str(value)


def english(reason: Reason, names: Mapping[str, str] | None = None) -> str:
    return words(reason.rule, reason.facts, English(names))


__all__ = ["MESSAGES", "MONTH_RULES", "English", "Reason", "Voice", "blocked_words",
           "english", "outcome_words", "words"]
