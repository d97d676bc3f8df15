"""Rounds remembered and alternatives on the plan page, in the reader's words (gettext).

The core says in codes what changed since the previous round (``SectionStatus.change``),
which earlier courses a follow-on intervention replaces (``Need.follows``) and what else an
organisation can do when no cohort can hold its course (``Unfit.alternatives``); this module
words them. Nothing here shows a code to a user but a course's own code beside its title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from govcap import localise
from govcap.labels import level_label
from govcap.orgs.models import Engagement
from govcap.orgs.models import engagement_name as name_of_engagement
from govcap.orgs.names import COUNTRIES, country_name
from govcap.planning.core.inputs import CANCELLED, PreviousCourse
from govcap.planning.core.plan import (
    Alternative,
    Cohort,
    Need,
    PlanData,
    SectionStatus,
    Unfit,
)
from govcap.planning.wording import Namer, day_label, isolate, money, month_label

KINDS = {"coaching": _("coaching"), "on-the-job": _("an on-the-job project"),
         "training-of-trainers": _("training of trainers"), "e-learning": _("e-learning")}
KIND_NAMES = {"coaching": _("Coaching"), "on-the-job": _("On-the-job project"),
              "training-of-trainers": _("Training of trainers"), "e-learning": _("E-learning")}


def engagement_names(language: str | None = None) -> dict[str, str]:
    """Each engagement's stored name → its name in ``language`` (the reader's when None).
    A plan records another engagement by the name stored when the plan was made (an
    earlier round's courses, another plan's cohort with places: part of its inputs and
    checksum), and is read in its reader's language: "Djibouti — état initial 2026" is
    "جيبوتي — خط الأساس 2026" to an Arabic reader. A name no engagement holds any more
    stays as stored."""
    language = language or get_language()
    return {name: name_of_engagement(name, names, language)
            for name, names in Engagement.objects.order_by("-id").values_list("name", "names")}


def country_label(stored: str, language: str | None = None) -> str:
    """The country another plan's cohort is in (``Alternative.country``), named in
    ``language`` (the reader's when None): the plan stores its ISO code ("SO" → "Somalie",
    "الصومال"); a plan stored before that kept the name, which stays as it is."""
    code = stored.strip().upper()
    if len(code) == 2 and code in COUNTRIES:
        return country_name(code, "", language)
    return stored


_ENGAGEMENTS: WeakKeyDictionary[Namer, dict[str, str]] = WeakKeyDictionary()


def _engagement(stored: str, names: Namer) -> str:
    """``stored``'s name in the reader's language, read once for the page's namer."""
    found = _ENGAGEMENTS.get(names)
    if found is None:
        found = _ENGAGEMENTS[names] = engagement_names()
    return found.get(stored, stored)


@dataclass(frozen=True)
class ChangeRow:
    org_name: str
    section: str
    then: str
    now: str
    word: str
    regressed: bool


def _change(r: SectionStatus) -> str:
    if r.change:
        return r.change
    if r.current is None or r.previous is None:
        return ""
    return "improved" if r.current > r.previous else "regressed" if r.current < r.previous \
        else "same"


def change_rows(plan: PlanData, names: Namer, titles: Mapping[str, str] | None = None,
                org_id: str | None = None) -> tuple[ChangeRow, ...]:
    """Sections that improved or regressed since the previous round, regressions first."""
    rows = []
    for r in plan.sections:
        change = _change(r)
        if change not in ("improved", "regressed") or (org_id and r.org_id != org_id):
            continue
        rows.append(ChangeRow(
            names.org(r.org_id), (titles or {}).get(r.section_key, names.section(r.section_key)),
            level_label(r.previous.key if r.previous else None),
            level_label(r.current.key if r.current else None),
            gettext("Regressed") if change == "regressed" else gettext("Improved"),
            change == "regressed"))
    return tuple(sorted(rows, key=lambda c: (not c.regressed, c.org_name.casefold(), c.section)))


def planned_again(need: Need, names: Namer) -> str:
    """Why a course the organisation took in an earlier round is planned again: none of its
    people completed it, or it was cancelled (``Need.retried``); "" for any other need."""
    if not need.retried:
        return ""
    last = need.retried[-1]
    return planned_again_words(last, month_label(last.month) if last.month else "–",
                               isolate(_engagement(last.engagement_name, names)),
                               isolate(need.org_name))


def planned_again_words(last: PreviousCourse, month: str, plan: str, org: str) -> str:
    """``planned_again``'s sentence in the active language, the earlier round's course
    ``last`` with its month, plan and organisation as the page or a document names them
    (the documents say it in their own language and names: reports.rounds)."""
    values = {"month": month, "plan": plan, "org": org}
    if last.outcome == CANCELLED:
        return gettext("Cancelled in %(month)s (%(plan)s) before %(org)s had it; planned "
                       "again.") % values
    people = last.participants or 0
    if not people:
        return gettext("Ran in %(month)s (%(plan)s) without participants of %(org)s; "
                       "planned again.") % values
    return ngettext(
        "Ran in %(month)s (%(plan)s): the %(n)d participant of %(org)s did not complete "
        "it; planned again.",
        "Ran in %(month)s (%(plan)s): none of the %(n)d participants of %(org)s completed "
        "it; planned again.", people) % {**values, "n": people}


def follow_on(need: Need, names: Namer) -> str:
    """Why this intervention and not the course again, or why the course again (it was not
    completed, or cancelled: ``planned_again``); "" for an ordinary need."""
    if not need.follows:
        return planned_again(need, names)
    first = need.follows[0]
    module = names.catalogue.by_code.get(need.module_code)
    kind = KINDS.get(module.kind, module.kind) if module is not None else need.module_code
    months = {f.module_code: f.month for f in sorted(need.follows, key=lambda f: f.month or "")}
    values = {"courses": localise.join(
        f"{names.module(code)} ({month_label(months[code]) if months[code] else '—'})"
        for code in sorted(months)),
        "plan": isolate(_engagement(first.engagement_name, names)), "kind": kind,
        "org": isolate(need.org_name)}
    if first.source == "delivered":
        return gettext("%(org)s completed %(courses)s in %(plan)s and the gap "
                       "persists: %(kind)s instead of repeating the course.") % values
    return gettext("%(org)s was planned for %(courses)s in the approved plan of "
                   "%(plan)s and the gap persists: %(kind)s instead of repeating the course.") % values


def abroad(a: Alternative, plan_card: str) -> bool:
    """Whether joining ``a`` means travel to another country than the plan's rate card's
    (``Budget.rate_card``, "KE 2026.1"): its cost, this plan's participant lines
    (``budget.need_cents``), leaves that travel out."""
    return bool(a.kind == "join-cohort" and a.country and plan_card
                and plan_card.split()[0] != a.country)


def alternative(a: Alternative, unfit: Unfit, currency: str, names: Namer,
                plan_card: str = "") -> str:
    cost = money(a.cost_cents, currency)
    if a.kind == "join-cohort":
        places = (gettext("%(n)d places free") % {"n": a.places_free} if a.enough_places
                  else gettext("only %(n)d places free") % {"n": a.places_free})
        line = gettext("Join the course of %(plan)s (%(country)s) in %(month)s: %(places)s; "
                       "%(cost)s for this organisation's participants.") % {
            "plan": isolate(_engagement(a.engagement_name, names)),
            "country": isolate(country_label(a.country)),
            "month": month_label(a.month),
            "places": places, "cost": cost}
        module = names.catalogue.by_code.get(a.module_code)
        online = module is not None and module.delivery == "online"  # no one travels
        # the same figure as the need's estimate: said why not more, for a course one
        # travels to (POL-103, online, said "travel to Somalia is not included")
        if abroad(a, plan_card) and not online:
            line += " " + gettext("Costed at this plan's rates, as the needs not placed are; "
                                  "travel to %(country)s is not included.") % {
                "country": isolate(country_label(a.country))}
        return line
    if a.kind == "in-house":
        return gettext("Run %(module)s in-house for this organisation alone: %(cost)s.") % {
            "module": names.module(a.module_code), "cost": cost}
    if a.kind == "coaching":
        return gettext("Coaching instead: %(module)s, %(cost)s.") % {
            "module": names.module(a.module_code), "cost": cost}
    if a.kind == "e-learning":
        return gettext("E-learning instead: %(module)s, %(cost)s.") % {
            "module": names.module(a.module_code), "cost": cost}
    return gettext("Another way: %(module)s, %(cost)s.") % {
        "module": names.module(a.module_code), "cost": cost}


def alternatives(unfit: Unfit, plan: PlanData, names: Namer) -> tuple[str, ...]:
    return tuple(alternative(a, unfit, plan.currency, names, plan.budget.rate_card)
                 for a in unfit.alternatives)


def later_round_words(plan: PlanData, later: str, day: Callable[[str], str] | None = None,
                      month: Callable[[str], str] | None = None,
                      cohorts: Iterable[Cohort] | None = None) -> str:
    """What an earlier round's version plans once the next round of its country exists, in
    the active language: that round (``later``, its display label, `later_round_label`)
    reassesses it, and the version either plans nothing new (every course it holds is kept
    because it is under way or delivered) or dates what it places afresh from the plan's
    date. ``cohorts``: those of one organisation's plan (the whole plan's by default).
    The one sentence of the plan page, the message after generating, the documents'
    assumptions and the brief. ``day``/``month`` word a date and a month (the page's by
    default; a document passes its own)."""
    day = day or day_label
    month = month or month_label
    fresh = sorted(c.month for c in (plan.cohorts if cohorts is None else cohorts)
                   if c.month and not c.delivery)
    if not fresh:
        return gettext(
            "%(round)s, the next assessment round, reassesses the organisations of this "
            "plan: this version keeps the courses already under way or delivered, plans "
            "nothing new, and schedules and budgets no reassessment of its own."
        ) % {"round": isolate(later)}
    made = plan.settings.get("constraints", {}).get("plan_date") or ""
    return gettext(
        "%(round)s, the next assessment round, reassesses the organisations of this plan: "
        "this version dates the courses it places afresh from the plan's date (%(date)s), "
        "the first in %(month)s, and schedules and budgets no reassessment of its own."
    ) % {"round": isolate(later), "date": day(made) if made else "–", "month": month(fresh[0])}
