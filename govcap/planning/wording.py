"""The plan in a coordinator's words: reason codes, statuses, edits and version changes said
as sentences (through gettext), with modules named by title and code, months and languages
by name. The core returns codes and identifiers; nothing here shows one to a user.

Every mapping falls back to a neutral phrase, so a code added later (a new reason why a need
could not be placed, a new edit kind) reads as plain words rather than as the code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from django.utils.translation import (
    get_language,
    get_language_bidi,
    get_language_info,
    gettext,
    ngettext,
    ngettext_lazy,
    pgettext_lazy,
)
from django.utils.translation import gettext_lazy as _

from govcap import localise
from govcap.analysis.labels import domain_titles
from govcap.labels import level_label
from govcap.planning import month_words
from govcap.planning.core import diff as plan_diff
from govcap.planning.core import reasons
from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.edits import cohort_parts, find_cohort
from govcap.planning.core.inputs import Constraints, PlanInputError, add_months
from govcap.planning.core.money import format_money
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    ActionRow,
    Gap,
    Indicator,
    Need,
    OperationResult,
    PlanData,
    Unfit,
)

# A need's status and an edit's outcome, as a reader says them. A status has a context, so
# that a language can agree it ("besoin" in French is masculine, "formation" feminine): the
# priorities' "Statut" column says a need's status beside its course's state ("Programmée",
# "Prévue en août 2026…"), so both are a course's — "course state", the documents' context
# for that column too (reports.labels' status.*): "Non placée" beside "Programmée".
NEED_STATUS = {"scheduled": pgettext_lazy("course state", "Scheduled"),
               "unfit": pgettext_lazy("course state", "Not placed"),
               "dropped": pgettext_lazy("course state", "Removed by an edit"),
               "unscheduled": pgettext_lazy("course state", "Not scheduled")}
OPERATION_STATUS = {"applied": _("Done"), "noop": _("Nothing to change"),
                    "missing": _("No longer applies"), "conflict": _("Conflicts")}
INDICATOR_STATUS = {"on-plan": pgettext_lazy("status of an indicator", "On plan"),
                    "partly-unfit": pgettext_lazy("status of an indicator", "Partly placed"),
                    "unfit": pgettext_lazy("status of an indicator", "Not placed")}
UNKNOWN_REASON = {"not assessed": _("Not assessed"),
                  "no rating in the latest validated session":
                      _("No rating in the latest validated session"),
                  "no validated session": _("No validated session yet")}
DELIVERY = {"in-person": _("in person"), "online": _("online"), "blended": _("blended")}
STEP_WORDS = {"basic-moderate": _("from Basic to Moderate"),
              "moderate-high": _("from Moderate to High"),
              "sustain-high": _("to sustain High")}


# Unicode's first-strong isolate and its closing mark: the plain-text <bdi>.
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` set apart from the sentence around it on a right-to-left page, so a Latin
    name or code keeps its own order there ("Systems thinking (DST-101)", "4. Using…"),
    its brackets and full stops on the right side. Unchanged on a left-to-right page."""
    return f"{FSI}{text}{PDI}" if text and get_language_bidi() else text


def language() -> str:
    """The active language's base code ("fr" for "fr-ca"), for what formats by language."""
    return (get_language() or "en").split("-")[0].lower()


def money(cents: int, currency: str) -> str:
    """An amount written as the reader's language writes it (``12 345,00 USD`` in French)."""
    return format_money(cents, currency, language())


def level_word(key: str | None) -> str:
    """A level said inside a sentence. English names the scale's levels as the instrument
    does ("Rated Basic on…"); other languages use them as ordinary words, lower-case after
    another word ("Niveau de base sur…", not "Niveau De base")."""
    word = level_label(key)
    if language() == "en" or not word:
        return word
    return word[0].lower() + word[1:]


def step_arrow() -> str:
    """The arrow from a level to the next, pointing the way the page reads (as the
    translated column headings "Level → target" do): `localise.arrow`, the documents' too."""
    return localise.arrow()


def domain_title(key: str) -> str:
    """A training domain's title in the reader's language (a key not in the scale as given)."""
    return domain_titles().get(key, key)


_DEFAULT_RESPONSIBILITY = next(f.default for f in fields(Constraints)
                               if f.name == "responsibility")


def responsibility(text: str) -> str:
    """Who is responsible for an action: the plan's default said in the reader's language,
    what the coordinator wrote in the settings as written."""
    if text == _DEFAULT_RESPONSIBILITY:
        return gettext("Engagement coordinator, with the heads of the participating "
                       "organisations")
    return text


def indicator_words(indicator: Indicator, section: str) -> str:
    """How a gap is checked, in the reader's words; ``section`` is "4. Its title". (The
    core's own sentence is English and stays in the plan's JSON.)"""
    values = {"section": isolate(section), "target": level_word(indicator.target.key),
              "baseline": level_word(indicator.baseline.key)}
    # Translators: %(section)s is a section's number and title ("8. Using a framework…"),
    # quoted so that it does not run into the sentence; quote it as your language quotes.
    return gettext("Consensus level on “%(section)s” at reassessment: %(target)s or "
                   "higher (baseline %(baseline)s)") % values


def month_label(month: str | None) -> str:
    """``2027-05`` → "May 2027" in the reader's language, named as every page and document
    names a month (`govcap.localise.month`: "Desemba 2026", not Django's "Disemba");
    anything else as it is."""
    if not month:
        return "—"
    try:
        year, number = (int(p) for p in month.split("-", 1))
        return localise.month(dt.date(year, number, 1))
    except (ValueError, TypeError):
        return month


def _today() -> dt.date:
    return dt.date.today()


def overdue(delivery: str, month: str | None, today: dt.date | None = None) -> str:
    """What a kept course's delivery fails to record, now that its month is past: ``not_run``
    (still being prepared for a month gone by), ``not_completed`` (running since a month
    gone by, no completion recorded) or "" (nothing late: its month is this one or ahead,
    or it is recorded as completed)."""
    if not month or delivery not in ("planned", "in_progress"):
        return ""
    today = today or _today()
    if month >= f"{today.year:04d}-{today.month:02d}":
        return ""
    return "not_run" if delivery == "planned" else "not_completed"


def course_late(status: str, delivery_month: str | None, plan_month: str | None,
                today: dt.date | None = None) -> tuple[str, str]:
    """(``overdue``'s word, the month it is said with) for a course: the one rule of the
    plan page (planning.views) and the documents (reports.course_states). Its month is its
    delivery's (its first day's, else the month it was planned for) when one is recorded,
    else the plan's — a kept course moved to a later month is not late in its old one."""
    month = delivery_month or plan_month or ""
    return overdue(status, month, today), month


def month_span(first: str | None, last: str | None) -> str:
    """"May 2027 – July 2027", or one month when they are the same."""
    if first == last or not last:
        return month_label(first)
    return f"{month_label(first)} – {month_label(last)}"


def day_label(day: str) -> str:
    """``2026-12-04`` → "4 December 2026", "1er décembre 2026" (`govcap.localise.day`, the
    one form of a day on every page and document); anything else as it is."""
    from govcap import localise  # here, not with the imports other work is changing

    try:
        return localise.day(dt.date.fromisoformat(day))
    except (ValueError, TypeError):
        return day


def language_name(code: str | None) -> str:
    """``en`` → "English" (in the reader's language); an unknown code is shown as given."""
    if not code:
        return "—"
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def unknown_reason(reason: str) -> str:
    """The generator's own phrases translated; a facilitator's reason is shown as written."""
    return str(UNKNOWN_REASON.get(reason, reason))


def status_word(mapping: Mapping[str, Any], code: str | None) -> str:
    if not code:
        return "—"
    return str(mapping.get(code, gettext("Other")))


class Namer:
    """Names for the identifiers a plan carries: organisations, modules, sections, cohorts.

    ``plans`` are read newest first, so a cohort or organisation gone from the new version is
    still named from the version before.
    """

    def __init__(self, catalogue: Catalogue, *plans: PlanData | None,
                 sections: Mapping[str, str] | None = None) -> None:
        """``sections``: the instrument's section titles in the reader's language, which
        the plan's own (in the engagement's language) give way to."""
        self.catalogue = catalogue
        self.orgs: dict[str, str] = {}
        self.sections: dict[str, str] = {}
        self.cohorts: dict[str, tuple[str, str | None]] = {}
        given = [p for p in plans if p is not None]
        for plan in reversed(given):
            self.orgs.update({o.org_id: o.org_name for o in plan.organisations})
            self.sections.update({g.section_key: g.section_title for g in plan.gaps})
            self.cohorts.update({c.cohort_id: (c.module_code, c.month) for c in plan.cohorts})
        self.sections.update(sections or {})
        # the newest plan's cohorts, to find the one an edit names by its organisations
        self.plan_cohorts = {c.cohort_id: c for c in given[0].cohorts} if given else {}

    def edit_cohort(self, cohort_id: str, members: Iterable[str] = ()) -> str | None:
        """The id the cohort an edit names has in the newest plan: ``cohort_id`` for an
        edit that names it by id alone (when it is not there it is named from an older
        plan, or "no longer in the plan"); None when no cohort there has its organisations."""
        members = tuple(members)
        if not members:
            return cohort_id
        found = find_cohort(self.plan_cohorts, cohort_id, members)
        return found.cohort_id if found is not None else None

    def org(self, org_id: str) -> str:
        name = self.orgs.get(org_id)
        return isolate(name) if name else gettext("an organisation no longer in the plan")

    def module(self, code: str | None) -> str:
        """"Systems thinking (DST-101)": the code is never shown without its title (set
        apart on a right-to-left page, where "(DST-101)" would otherwise come apart)."""
        if not code:
            return gettext("no course in the catalogue")
        module = self.catalogue.by_code.get(code)
        return isolate(f"{module.title} ({code})" if module else code)

    def section(self, key: str | None) -> str:
        return isolate(self.sections.get(key or "", key or "—"))

    def cohort(self, cohort_id: str, module: str | None = None) -> str:
        """A cohort as its course and month: "Systems thinking (DST-101), May 2027"
        (``module``: the course said otherwise, e.g. with its organisations)."""
        code, month = self.cohorts.get(cohort_id, (None, None))
        if code is None:
            return gettext("a course no longer in the plan")
        if month:
            return gettext("%(module)s, %(month)s") % {"module": module or self.module(code),
                                                     "month": month_label(month)}
        return gettext("%(module)s, not scheduled") % {"module": module or self.module(code)}

    def course_of(self, code: str, members: Iterable[str]) -> str:
        """A course of ``code`` that an edit names: with its organisations when the plan
        has several courses of the module ("Coaching (POL-901) for Ministry of Health"), so
        the Edits list says which one; the module alone otherwise."""
        module = self.module(code)
        known = [self.org(o) for o in members if o in self.orgs]
        several = sum(1 for c in self.plan_cohorts.values() if c.module_code == code) > 1
        if not known or not several:
            return module
        return gettext("%(module)s for %(orgs)s") % {"module": module,
                                                    "orgs": localise.join(known)}


CONFIDENCE = {"high": _("high confidence"), "medium": _("medium confidence"),
              "low": _("low confidence")}


def rated(gap: Gap, names: Namer, stop: str = ".") -> str:
    """A gap's level and target as the plan page says them: "Rated Basic on 4. Its title,
    target Moderate (high confidence)." (the JSON's gaps[].rationale says it alike, its
    benchmark after it: ``stop=""``)."""
    line = gettext("Rated %(level)s on %(section)s, target %(target)s") % {
        "level": level_word(gap.current.key), "section": names.section(gap.section_key),
        "target": level_word(gap.target.key)}
    if gap.confidence in CONFIDENCE:
        line += f" ({CONFIDENCE[gap.confidence]})"
    return line + stop


def instead_of(need: Need, plan: PlanData) -> list[str]:
    """The modules a coordinator's added ``need`` was planned instead of ("Plan POL-901
    instead" leaves POL-103 out for the same gap): those the same organisation no longer
    takes for a section the added one serves, as ``reports.left_out.origin_words`` finds
    them."""
    return sorted({n.module_code for n in plan.needs
                   if n.org_id == need.org_id and n.status == DROPPED
                   and n.module_code != need.module_code
                   and set(n.sections) & set(need.sections)})


def need_reasons(need: Need, plan: PlanData, names: Namer) -> tuple[str, ...]:
    """Why the plan has this need, in the reader's language: the ratings that call for it
    (with only what their sessions shared), or the course it prepares, or the coordinator's
    edit. The core's own rationale lines are English and stay in the plan's JSON."""
    lines: list[str] = []
    if need.origin == "prerequisite" and need.required_by:
        lines.append(gettext("Needed before %(modules)s.") % {
            "modules": localise.join(names.module(code) for code in need.required_by)})
    if need.origin == "added":
        # one description wherever the plan says it, as the documents' priorities table and
        # brief do: the annex and this column said only "Added by the coordinator."
        replaced = instead_of(need, plan)
        lines.append(gettext("Planned by the coordinator instead of %(modules)s.") % {
            "modules": localise.join(names.module(code) for code in replaced)} if replaced
            else gettext("Added by the coordinator."))
    without = plan_diff.without_companion(plan, need, names.catalogue)
    if without:
        lines.append(gettext("Comes without %(modules)s, taught before it on this section, "
                             "which found no month.") % {
            "modules": localise.join(names.module(code) for code in without)})
    ahead = plan_diff.before_companion(plan, need, names.catalogue)
    if ahead:
        lines.append(gettext("Comes before %(modules)s, taught before it on this section: no "
                             "later month had room for it.") % {
            "modules": localise.join(names.module(code) for code in ahead)})
    lines += moved_ahead(plan_diff.moved_before_companion(plan, need, names.catalogue),
                         need.module_code, names)
    after = plan_diff.after_courses(plan, need, names.catalogue)
    if after:
        lines.append(gettext("Starts after %(modules)s, so that the team applies at work "
                             "what the course taught.") % {
            "modules": localise.join(names.module(code) for code in after)})
    gaps: dict[str, Gap] = {g.rating_id: g for g in plan.gaps if g.org_id == need.org_id}
    for rating_id in need.rating_ids:
        gap = gaps.get(rating_id)
        if gap is None:
            continue
        lines.append(" ".join([rated(gap, names), *said_lines(gap)]))
    return tuple(lines) or need.rationale


def said_lines(gap: Gap) -> tuple[str, ...]:
    """What the session shared about `gap`, one labelled quotation each ("Notes:
    “…”", "P4: “…”"): the shared wording only, as the documents quote it (`Gap.said`),
    never the internal notes."""
    labels = {"notes": gettext("Notes"), "evidence": gettext("Evidence"),
              "dissent": gettext("Dissent")}
    return tuple(localise.labelled(labels[kind] if kind != "quote" else
                                   isolate(who) if who else gettext("A participant"),
                                   isolate(localise.quote(text)))
                 for kind, who, text in gap.said())


def reversed_order(items: Iterable[Any], names: Namer) -> list[str]:
    """Courses a move put before the lower-numbered course of their section their
    organisations take (``core.diff.reversed_order``), one sentence per pair of courses."""
    # the organisations last, after a colon, as one list: inside the sentence a list of
    # names holding commas (joined with ";") read "for KSG; MoICDE, SVC-102 is now…"
    return [ngettext("After this move, %(module)s in %(month)s comes before %(first)s in "
                     "%(first_month)s, the reverse of the order they are taught in, for this "
                     "organisation: %(orgs)s.",
                     "After this move, %(module)s in %(month)s comes before %(first)s in "
                     "%(first_month)s, the reverse of the order they are taught in, for "
                     "these organisations: %(orgs)s.", count) % values
            for values, count in _reversals(items, names)]


def reversed_by_move(items: Iterable[Any], names: Namer) -> list[str]:
    """The plan page's "Not in the order the catalogue sets" lines of the courses a
    coordinator's move put before their lower-numbered course (``core.diff.reversed_order``),
    one sentence per pair of courses and months, with its organisations."""
    return [ngettext("A move by the coordinator put %(module)s in %(month)s before %(first)s "
                     "in %(first_month)s, the reverse of the order they are taught in, for "
                     "this organisation: %(orgs)s.",
                     "A move by the coordinator put %(module)s in %(month)s before %(first)s "
                     "in %(first_month)s, the reverse of the order they are taught in, for "
                     "these organisations: %(orgs)s.", count) % values
            for values, count in _reversals(items, names)]


def _reversals(items: Iterable[Any], names: Namer) -> list[tuple[dict[str, str], int]]:
    """``core.diff.reversed_order``'s items grouped by pair of courses and months: each
    group's words for a sentence and its number of organisations (the sentence's plural)."""
    grouped: dict[tuple[str, str, str, str], set[str]] = {}
    for o in items:
        grouped.setdefault((o.module_code, o.month, o.first_code, o.first_month),
                           set()).add(o.org_id)
    return [({"module": names.module(code), "month": month_label(month),
              "first": names.module(first), "first_month": month_label(first_month),
              "orgs": localise.join(sorted((names.org(o) for o in orgs),
                                          key=localise.sort_key))}, len(orgs))
            for (code, month, first, first_month), orgs in grouped.items()]


def moved_ahead(found: Iterable[tuple[str, str, str]], own: str, names: Namer) -> list[str]:
    """``core.diff.moved_before_companion``'s courses as the coordinator's doing: "Placed
    before Systems analysis (SVC-101) by the coordinator (moved to February 2027)."."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for first, code, month in found:
        grouped.setdefault((code, month), []).append(first)
    lines = []
    for (code, month), firsts in grouped.items():
        values = {"modules": localise.join(names.module(c) for c in firsts),
                  "month": month_label(month)}
        if code == own:
            lines.append(gettext("Placed before %(modules)s by the coordinator (moved to "
                                 "%(month)s).") % values)
        else:
            lines.append(gettext("Placed before %(modules)s by the coordinator, who moved "
                                 "that course to %(month)s.") % values)
    return lines


def unfit_reason(unfit: Unfit, plan: PlanData, names: Namer) -> str:
    """Why a need was not placed, with the numbers a coordinator acts on."""
    module = names.catalogue.by_code.get(unfit.module_code or "")
    reason = unfit.reason
    if reason == "below-minimum" and module is not None:
        language = next((n.language for n in plan.needs if n.org_id == unfit.org_id
                         and n.module_code == unfit.module_code), None)
        waiting = {(u.org_id) for u in plan.unfit if u.reason == reason
                   and u.module_code == unfit.module_code}
        have = sum(n.participants for n in plan.needs if n.module_code == unfit.module_code
                   and n.org_id in waiting and n.language == language)
        return ngettext(
            "Cannot run yet: only %(have)d of the %(need)d participants needed "
            "(%(language)s).",
            "Cannot run yet: only %(have)d of the %(need)d participants needed "
            "(%(language)s).", have) % {"have": have, "need": module.min_cohort,
                                        "language": language_name(language)}
    if reason == "over-maximum" and module is not None:
        return gettext("More participants than one course takes (at most %(max)d); "
                       "lower the participants for this organisation.") % {
                           "max": module.max_cohort}
    if reason == "no-module":
        return gettext("The catalogue has no course for %(section)s %(step)s.") % {
            "section": names.section(unfit.section_key),
            "step": status_word(STEP_WORDS, unfit.step)}
    if reason == "prerequisite-unfit" and unfit.waits_for:  # which course, and why not it
        first = next((u for u in plan.unfit if u.org_id == unfit.org_id
                      and u.module_code == unfit.waits_for), None)
        why = unfit_reason(first, plan, names) if first is not None and first is not unfit \
            else ""
        if why:
            return gettext("Waits for %(module)s, which could not be placed: %(why)s") % {
                "module": names.module(unfit.waits_for), "why": why[:1].lower() + why[1:]}
        return gettext("Waits for %(module)s, which could not be placed.") % {
            "module": names.module(unfit.waits_for)}
    if reason == "capacity" and unfit.blocked:  # which organisation's calendar, which rule
        return gettext("No month in the plan has room for it: %(why)s.") % {
            "why": localise.join(reasons.blocked_words(unfit.blocked, _PageVoice(names)),
                                strong=True)}
    words = {
        "later-round": gettext("Not planned here: the next assessment round reassesses this "
                               "organisation, and that round's plan takes up this need."),
        "prerequisite-unfit": gettext("Waits for an earlier course that could not be placed."),
        "capacity": gettext("No month in the plan has room for it in every organisation's "
                            "training calendar."),
        "horizon": gettext("Its earlier courses end too late for it to fit in the plan's "
                           "months."),
        "below-minimum": gettext("Cannot run yet: too few participants for a course."),
        "over-maximum": gettext("More participants than one course takes."),
    }
    return words.get(reason, gettext("Could not be placed in this plan; see the "
                                     "documents for details."))


# One per organisation (core.cohorts): each with its own team, at most the catalogue's;
# said by the number of organisations, ``n``.
WORKPLACE_MEASURES = {
    "coaching": ngettext_lazy(
        "%(module)s: coaching at the workplace for %(n)d organisation, with a coach for "
        "%(days)s; a team of %(team)s (at most %(most)d)",
        "%(module)s: coaching at the workplace for %(n)d organisations, each with its own "
        "coach for %(days)s; a team of %(team)s each (at most %(most)d)", "n"),
    "on-the-job": ngettext_lazy(
        "%(module)s: an on-the-job project at the workplace for %(n)d organisation, with a "
        "mentor, %(days)s; a team of %(team)s (at most %(most)d)",
        "%(module)s: an on-the-job project at the workplace for %(n)d organisations, each "
        "with its own mentor, %(days)s; a team of %(team)s each (at most %(most)d)", "n"),
}
INTERVENTION_MEASURES = {
    "e-learning": _("%(module)s: self-paced e-learning, %(days)s of study each; "
                    "%(participants)s from %(orgs)s"),
}


def workplace_measure(kind: str, module: str, organisations: int, days: int,
                      teams: Sequence[int], most: int) -> str:
    """A coaching or an on-the-job project in words, in the active language: one per
    organisation (``organisations`` of them), each with its own team (``teams``: each
    team's size) of at most ``most``. The plan page's action table and the documents' say
    it alike: "…: coaching at the workplace for 2 organisations, each with its own coach
    for 4 days; a team of 3 participants each (at most 4)"."""
    sizes = sorted(teams)
    team = (ngettext("%(n)d participant", "%(n)d participants", sizes[0]) % {"n": sizes[0]}
            if sizes[0] == sizes[-1] else
            gettext("%(low)d to %(high)d participants") % {"low": sizes[0], "high": sizes[-1]})
    return str(WORKPLACE_MEASURES[kind] % {
        "module": module, "n": organisations, "team": team, "most": most,
        "days": ngettext("%(n)d day", "%(n)d days", days) % {"n": days}})


def action_measure(action: ActionRow, plan: PlanData, names: Namer,
                   org_id: str | None = None) -> str:
    """An action-table line in words, counted from the plan's scheduled courses; on one
    organisation's page (``org_id``) a coaching or project is its own, as its documents
    say it."""
    runs = [c for c in plan.cohorts if c.module_code == action.module_code
            and c.status == SCHEDULED and c.month]
    if org_id is not None:
        runs = [c for c in runs if org_id in c.org_ids]
    module = names.catalogue.by_code.get(action.module_code)
    if module is None or not runs:
        return names.module(action.module_code)
    people = sum(c.participants for c in runs)
    # counted as the documents' action table counts them ("1 cohort of 3 days")
    courses = ngettext("%(n)d cohort", "%(n)d cohorts", len(runs)) % {"n": len(runs)}
    days = ngettext("%(n)d day", "%(n)d days", module.days) % {"n": module.days}
    participants = ngettext("%(n)d participant", "%(n)d participants", people) % {"n": people}
    taking = (len(action.organisations) if org_id is None
              else len({o for c in runs for o in c.org_ids}))
    orgs = ngettext("%(n)d organisation", "%(n)d organisations", taking) % {"n": taking}
    values = {"module": names.module(action.module_code), "days": days,
              "participants": participants, "orgs": orgs}
    if module.kind in WORKPLACE_MEASURES:
        return workplace_measure(module.kind, names.module(action.module_code),
                                 len(action.organisations) if org_id is None else 1,
                                 module.days, [c.participants for c in runs],
                                 module.max_cohort)
    if module.kind in INTERVENTION_MEASURES:  # not a course: said as what it is
        return str(INTERVENTION_MEASURES[module.kind]) % values
    return gettext("%(module)s: %(courses)s of %(days)s, %(delivery)s; %(participants)s from "
                   "%(orgs)s") % {"module": names.module(action.module_code),
                                  "courses": courses, "days": days,
                                  "delivery": str(DELIVERY.get(module.delivery,
                                                               module.delivery)),
                                  "participants": participants, "orgs": orgs}


_EDIT_DONE = {
    "move-cohort": _("Move %(cohort)s to %(month)s"),
    "drop-module": _("Remove %(module)s for %(org)s"),
    "add-module": _("Add %(module)s for %(org)s"),
    "move-member": _("Move %(org)s to the course %(cohort)s"),
    "lock-cohort": _("Keep %(module)s as it is (members and month)"),
}


def edit_sentence(kind: str, operation: Mapping[str, Any], names: Namer) -> str:
    """A stored edit as the coordinator asked for it, e.g. "Move Systems thinking (DST-101),
    May 2027 to July 2027"."""
    named = operation.get("cohort_id") or operation.get("to_cohort_id") or ""
    members = tuple(operation.get("members") or operation.get("to_members") or ())
    # the course the edit names, found by its organisations (a kept course keeps its id)
    cohort_id = named if kind == "lock-cohort" or not named else names.edit_cohort(
        named, members)
    code = (operation.get("module_code") or names.cohorts.get(cohort_id or "", ("", None))[0]
            or cohort_parts(named)[0])
    moved_already = kind == "move-cohort" and names.cohorts.get(
        cohort_id or "", ("", None))[1] == operation.get("month")
    course = names.course_of(code, members) if named else names.module(code)
    moved_from = operation.get("from_month") if kind == "move-cohort" else None
    values = {"cohort": gettext("%(module)s, %(month)s") % {  # where the edit found it
                  "module": course, "month": month_label(moved_from)} if moved_from
              else course if moved_already or cohort_id is None
              else names.cohort(cohort_id, course) if cohort_id else "",
              "month": month_label(operation.get("month")),
              "module": course if kind == "lock-cohort" else names.module(code),
              "org": names.org(operation.get("org_id") or "")}
    template = _EDIT_DONE.get(kind)
    return str(template) % values if template else gettext("A change to the plan")


class _PageVoice:
    """A reason (``core.reasons``) said on a page: its message in the reader's language,
    months, organisations, modules and courses named as the rest of the page names them."""

    def __init__(self, names: Namer) -> None:
        self.names = names

    def gettext(self, message: str) -> str:
        return gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n)

    def fact(self, kind: str, value: Any) -> str:
        if kind == "month":
            return month_label(value)
        if kind == "quarter":
            try:
                return month_span(value, add_months(value, 2))
            except PlanInputError:
                return str(value)
        if kind == "org":
            return self.names.org(value)
        if kind == "module":
            return self.names.module(value)
        if kind == "domain":
            return isolate(domain_title(value))
        if kind == "reasons":
            return (month_words.reasons_words(value) if value
                    else gettext(reasons.BLOCKED_DAYS))
        if kind == "language":
            return language_name(value)
        if kind == "cohort":
            return self.names.cohort(value)
        if kind == "clauses":  # one reason said for several organisations
            return localise.join(value, strong=True)
        return str(value)


def outcome_reason(result: OperationResult, names: Namer) -> str:
    """Why an edit did not apply — the rule and its numbers, e.g. "Ministry of Health would
    have 14 training days in May 2026, its limit is 10" — in the reader's language; "" when
    it applied (or was replayed before reasons were kept)."""
    return reasons.outcome_words(result.kind, result.rule, result.facts, _PageVoice(names))


@dataclass(frozen=True)
class EditLine:
    """What replaying one edit did, as the Edits part says it. ``held_in``: the version it
    applied in, when it no longer does in this one (new data, or a withdrawn edit, changed
    that)."""

    status: str
    status_word: str
    sentence: str
    reason: str
    held_in: int | None = None


def edit_lines(operations: Iterable[OperationResult], stored: Mapping[str, Any],
               names: Namer, diff: Mapping[str, Any] | None = None,
               previous_version: int | None = None) -> list[EditLine]:
    """Each edit's outcome in this version, with why it did not apply; ``diff`` (against
    ``previous_version``) tells which edits held there and no longer do."""
    held_before = {c["key"] for c in (diff or {}).get("operations_changed") or []
                   if isinstance(c, Mapping) and isinstance(c.get("before"), Mapping)
                   and c["before"].get("status") == "applied"}
    out = []
    for op in operations:
        turned = op.status != "applied" and op.op_id in held_before
        out.append(EditLine(op.status, status_word(OPERATION_STATUS, op.status),
                            edit_sentence(op.kind, stored.get(op.op_id, {}), names),
                            outcome_reason(op, names),
                            previous_version if turned else None))
    return out


def refused_edit(edit: str, broken: Iterable[tuple[int | None, str, OperationResult]],
                 names: Namer) -> str:
    """Why an edit was not saved: the earlier edits it would break, each by its number in
    the Edits list, what it asked and the rule it would break. ``broken``: (number,
    sentence, result in the plan the edit would have made)."""
    items = [gettext("#%(number)s %(edit)s: %(reason)s") % {
        "number": number if number is not None else "—", "edit": sentence,
        "reason": outcome_reason(result, names)} for number, sentence, result in broken]
    return ngettext(
        "Not saved: %(edit)s would break an edit made before it — %(earlier)s. Withdraw or "
        "change that edit first.",
        "Not saved: %(edit)s would break edits made before it — %(earlier)s. Withdraw or "
        "change those edits first.", len(items)) % {"edit": edit, "earlier": localise.join(items, strong=True)}


def turned_edits(turned: Iterable[tuple[int | None, str, OperationResult]],
                 names: Namer) -> str:
    """Earlier edits a change made stop applying (its target gone, nothing left to do),
    each with its number, outcome and reason; "" when none."""
    items = [gettext("#%(number)s %(edit)s — %(outcome)s: %(reason)s") % {
        "number": number if number is not None else "—", "edit": sentence,
        "outcome": status_word(OPERATION_STATUS, result.status),
        "reason": outcome_reason(result, names)} for number, sentence, result in turned]
    if not items:
        return ""
    return ngettext("This changed what an earlier edit does: %(edits)s.",
                    "This changed what earlier edits do: %(edits)s.", len(items)) % {
        "edits": localise.join(items, strong=True)}


def _split_key(key: str) -> list[str]:
    return [None if p == "-" else p for p in key.split(" ")]  # type: ignore[misc]


def diff_lines(diff: Mapping[str, Any] | None, currency: str, names: Namer,
               before: PlanData | None = None, after: PlanData | None = None,
               edits: Sequence[EditLine] | None = None) -> list[str]:
    """The stored diff against the previous version, as sentences with names, not ids.
    With the two versions (``before``, ``after``), each need is said by what became of it
    (added, removed, left out by an edit, no longer placed and why, placed, moved from one
    month to another: ``core.diff.need_changes``); without them, only the gaps, the edits
    and the budget. ``edits``: the edits that are new or turned out differently, for a
    document, which has no Edits list to send the reader to: it names them instead."""
    if not diff or diff.get("is_empty"):
        return []

    def listed(items: list[str]) -> str:
        shown = localise.join(items[:6])
        more = len(items) - 6
        return shown + (ngettext(" and %(n)d more", " and %(n)d more", more) % {"n": more}
                        if more > 0 else "")

    def org_section(key: str) -> str:
        org, section = (_split_key(key) + [None, None])[:2]
        return f"{names.org(org or '')} — {names.section(section)}"

    lines = []
    for key, template in (("gaps_added", _("New gaps: %(items)s")),
                          ("gaps_closed", _("Gaps closed: %(items)s"))):
        keys = [i["key"] if isinstance(i, dict) else i for i in diff.get(key) or []]
        if keys:
            lines.append(str(template) % {"items": listed(sorted({org_section(k)
                                                                   for k in keys}))})
    if before is not None and after is not None:
        lines += _need_change_lines(before, after, names)
        sectioned = sorted({f"{names.org(u.org_id)} — {names.section(u.section_key)}"
                            for u in after.unfit if not u.module_code}
                           - {f"{names.org(u.org_id)} — {names.section(u.section_key)}"
                              for u in before.unfit if not u.module_code})
        if sectioned:
            lines.append(gettext("Not placed, the catalogue has no course for it: "
                                 "%(items)s") % {"items": listed(sectioned)})
    outcomes = diff.get("operations_changed") or []
    if outcomes and edits:
        lines.append(ngettext("%(n)d edit is new or turned out differently: %(items)s.",
                              "%(n)d edits are new or turned out differently: %(items)s.",
                              len(edits)) % {"n": len(edits), "items": listed([
                                  gettext("%(edit)s (%(status)s)") % {
                                      "edit": e.sentence, "status": e.status_word.lower()}
                                  for e in edits])})
    elif outcomes:
        lines.append(ngettext("%(n)d edit is new or turned out differently; see Edits.",
                              "%(n)d edits are new or turned out differently; see Edits.",
                              len(outcomes)) % {"n": len(outcomes)})
    budget = budget_change(diff, currency, before)
    if budget is not None:
        old, new, old_currency, new_currency = budget
        if old_currency == new_currency:
            lines.append(gettext("Budget: %(before)s, now %(after)s") % {
                "before": old, "after": new})
        else:
            lines.append(gettext("Budget: %(before)s, now %(after)s; the currency changed "
                                 "from %(old_currency)s to %(new_currency)s") % {
                "before": old, "after": new, "old_currency": old_currency,
                "new_currency": new_currency})
    return lines


def budget_change(diff: Mapping[str, Any], currency: str, before: PlanData | None = None,
                  ) -> tuple[str, str, str, str] | None:
    """The budget before and now, each in its own version's currency (a plan regenerated
    in KES after USD said "KES 40,760.50, now KES 5,278,484.75" of a budget of USD
    40,760.50), and the two currencies; None when the total did not change. ``currency``:
    this version's; the version before's is the diff's, else ``before``'s (a diff stored
    before it kept them), else this one's."""
    if diff.get("total_before_cents") == diff.get("total_after_cents"):
        return None
    new_currency = str(diff.get("currency_after") or currency)
    old_currency = str(diff.get("currency_before")
                       or (before.currency if before is not None else new_currency))
    return (money(diff.get("total_before_cents") or 0, old_currency),
            money(diff.get("total_after_cents") or 0, new_currency), old_currency,
            new_currency)


def _need_change_lines(before: PlanData, after: PlanData, names: Namer) -> list[str]:
    """Each need's change between two versions in words (see ``diff_lines``)."""
    changes = plan_diff.need_changes(before, after)

    def need(c: plan_diff.NeedChange) -> str:
        return f"{names.org(c.org_id)} — {names.module(c.module_code)}"

    def dated(c: plan_diff.NeedChange, month: str | None) -> str:
        return gettext("%(module)s, %(month)s") % {"module": need(c),
                                                   "month": month_label(month)}

    def why(c: plan_diff.NeedChange) -> str:
        return unfit_reason(c.unfit, after, names) if c.unfit is not None else ""

    grouped = {
        plan_diff.ADDED: (_("Added to the plan: %(items)s"), lambda c: dated(c, c.after)),
        plan_diff.REMOVED: (_("Removed from the plan (no longer needed): %(items)s"), need),
        plan_diff.LEFT_OUT: (_("Left out of the plan by an edit: %(items)s"), need),
        plan_diff.PLACED: (_("Now placed in a course: %(items)s"),
                           lambda c: dated(c, c.after)),
    }
    one_by_one = {
        plan_diff.ADDED_UNPLACED: _("Added to the plan, but not placed in a course: "
                                    "%(need)s."),
        plan_diff.UNPLACED: _("No longer placed in a course: %(need)s (it was in "
                              "%(month)s)."),
        plan_diff.RESTORED: _("Back in the plan, not placed in a course yet: %(need)s."),
    }
    lines = []
    for kind in plan_diff.NEED_CHANGE_KINDS:
        of_kind = [c for c in changes if c.kind == kind]
        if not of_kind:
            continue
        if kind in grouped:
            template, say = grouped[kind]
            items = [say(c) for c in of_kind]
            shown = localise.join(items[:6])
            if len(items) > 6:
                shown += ngettext(" and %(n)d more", " and %(n)d more",
                                  len(items) - 6) % {"n": len(items) - 6}
            lines.append(str(template) % {"items": shown})
        elif kind in one_by_one:
            for c in of_kind:
                line = str(one_by_one[kind]) % {"need": need(c),
                                                "month": month_label(c.before)}
                lines.append(" ".join(filter(None, [line, why(c)])))
        else:  # moved: one line per course and months, with its organisations
            moves: dict[tuple[str, str | None, str | None], list[str]] = {}
            for c in of_kind:
                moves.setdefault((c.module_code, c.before, c.after), []).append(c.org_id)
            for (code, month_a, month_b), orgs in sorted(
                    moves.items(), key=lambda m: (m[0][1] or "", m[0][0], m[0][2] or "")):
                lines.append(gettext("Moved %(module)s from %(before)s to %(after)s") % {
                    "module": gettext("%(module)s for %(orgs)s") % {
                        "module": names.module(code),
                        "orgs": localise.join(names.org(o) for o in orgs)},
                    "before": month_label(month_a), "after": month_label(month_b)})
    return lines


def out_of_order(items: Iterable[Any], names: Namer) -> list[str]:
    """Courses scheduled no later than a course their organisations take first
    (``core.diff.out_of_order``), one sentence per pair of courses and months, with its
    organisations."""
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for o in items:
        grouped.setdefault((o.module_code, o.month, o.first_code, o.first_month),
                           []).append(o.org_id)
    lines = []
    for (code, month, first, first_month), orgs in grouped.items():
        values = {"module": names.module(code), "month": month_label(month),
                  "first": names.module(first), "first_month": month_label(first_month),
                  "orgs": localise.join(sorted(names.org(o) for o in orgs))}
        if month == first_month:
            lines.append(gettext("For %(orgs)s, %(module)s is in the same month as "
                                 "%(first)s, which should come before it: %(month)s.")
                         % values)
        else:
            lines.append(gettext("For %(orgs)s, %(module)s is in %(month)s and %(first)s, "
                                 "which should come before it, only in %(first_month)s.")
                         % values)
    return lines


def _moved_one(m: Mapping[str, Any], names: Namer) -> str:
    """One other course an edit moves: "Business process analysis (SVC-102) for the
    Treasury from February 2027 to January 2027"."""
    values = {"module": names.module(m.get("module_code")),
              "before": month_label(m.get("before")), "after": month_label(m.get("after"))}
    orgs = sorted(names.org(o) for o in m.get("orgs") or ())
    if not orgs:
        return gettext("%(module)s from %(before)s to %(after)s") % values
    return gettext("%(module)s for %(orgs)s from %(before)s to %(after)s") % {
        **values, "orgs": localise.join(orgs)}


def also_moves(moves: Iterable[Mapping[str, Any]], names: Namer) -> list[str]:
    """A move's preview: the other courses it would move, one a line, each with its
    organisations and months, as the saved edit will name them (:func:`moved_others`)."""
    return [_moved_one(m, names) for m in moves]


def moved_others(moves: Iterable[Mapping[str, Any]], names: Namer) -> str:
    """The other courses an edit moved, as sentences, with where to pin a course: "This also
    moved: Business process analysis (SVC-102) for the Treasury from February 2027 to
    January 2027. …" — with the organisations whose course it is, so a course of the
    module the edit concerned, held for another organisation, is not taken for the one
    edited. Empty when it moved none. ``moves``: {module_code, before, after, orgs}
    (``orgs`` absent in edits stored before it was kept)."""
    moves = list(moves)
    if not moves:
        return ""
    items = localise.join((_moved_one(m, names) for m in moves), strong=True)
    moved = ngettext("This also moved: %(courses)s.", "This also moved: %(courses)s.",
                     len(moves)) % {"courses": items}
    keep = ngettext(
        "To keep a course in its month, choose “Keep as it is” under it in Courses "
        "(“Change this course”).",
        "To keep these courses in their months, choose “Keep as it is” under each in "
        "Courses (“Change this course”).", len(moves))
    return f"{moved} {keep}"
