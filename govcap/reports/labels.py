"""Every word the plan documents print, and how numbers, months and amounts are written.

The words are gettext messages (translated in ``govcap/locale`` like the pages): ``EN`` maps a
stable key to the English message, marked for ``makemessages`` — ``_`` for a plain message,
``plural_noop`` for one with plural forms. ``labels(language)`` looks a key up in the
document's language. A number inside a sentence gets its noun in the right plural form by
naming a count phrase in its placeholder: ``{cohorts:n.cohorts}`` → "3 cohorts" / "1 cohort"
(Arabic has six forms, so no "cohort(s)"). Amounts and months (through `govcap.localise`, the
one source of month names) are formatted here so DOCX, PDF and XLSX write them the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_noop as _

from govcap import labels as words
from govcap import localise
from govcap.planning.core.money import format_money
from govcap.translations import Contextual, in_context


@dataclass(frozen=True)
class Plural:
    """A message with plural forms; ``count`` names the value that picks the form."""

    singular: str
    plural: str
    count: str = "n"


def plural_noop(singular: str, plural: str, count: str = "n") -> Plural:
    """Marks a plural message for makemessages (its ``--keyword=plural_noop:1,2``)."""
    return Plural(singular, plural, count)


# Ranges a sentence says "from {first} to {last}": (first, last, the variant's tag).
_SPANS = (("first", "last", "one"), ("start", "end", "one_training"))

EN: dict[str, str | Plural | Contextual] = {
    # count phrases: a number with its noun, used inside sentences as {value:n.key}
    "n.organisations": plural_noop("{n} organisation", "{n} organisations"),
    "n.other_orgs": plural_noop("{n} other organisation", "{n} other organisations"),
    "n.participants": plural_noop("{n} participant", "{n} participants"),
    "n.places": plural_noop("{n} participant place", "{n} participant places"),
    "n.training_days": plural_noop("{n} training day", "{n} training days"),
    "n.days": plural_noop("{n} day", "{n} days"),
    "n.cohorts": plural_noop("{n} cohort", "{n} cohorts"),
    # a budget line's quantity ("11 trainer-days", Swahili "siku 11 za wakufunzi")
    "n.trainer_days": plural_noop("{n} trainer-day", "{n} trainer-days"),
    "n.venue_days": plural_noop("{n} venue-day", "{n} venue-days"),
    "n.participant_days": plural_noop("{n} participant-day", "{n} participant-days"),
    "n.travellers": plural_noop("{n} traveller", "{n} travellers"),
    "n.assessment_sessions": plural_noop("{n} reassessment session",
                                         "{n} reassessment sessions"),
    "n.modules": plural_noop("{n} training module", "{n} training modules"),
    "n.needs": plural_noop("{n} need", "{n} needs"),
    "n.gaps": plural_noop("{n} gap", "{n} gaps"),
    "n.ratings": plural_noop("{n} section rating", "{n} section ratings"),
    "n.sections": plural_noop("{n} section", "{n} sections"),
    "n.months": plural_noop("{n} month", "{n} months"),
    "n.weeks": plural_noop("{n} week", "{n} weeks"),
    "n.changes": plural_noop("{n} change", "{n} changes"),
    "n.interventions": plural_noop("{n} follow-on intervention (coaching, on-the-job project)",
                                   "{n} follow-on interventions (coaching, on-the-job projects)"),
    # the interventions of a plan by kind (the brief names only the kinds it has)
    "n.follow_on.coaching": plural_noop("{n} follow-on coaching at the workplace",
                                        "{n} follow-on coaching assignments at the workplace"),
    "n.follow_on.on-the-job": plural_noop("{n} follow-on on-the-job project",
                                          "{n} follow-on on-the-job projects"),
    "n.follow_on.training-of-trainers": plural_noop("{n} training of trainers",
                                                    "{n} trainings of trainers"),
    "n.follow_on.e-learning": plural_noop("{n} self-paced e-learning programme",
                                          "{n} self-paced e-learning programmes"),
    # one per organisation, the coordinator's "Plan X instead" ({codes}: the modules)
    "n.instead": plural_noop(
        "{n} intervention planned by the coordinator instead of a course ({codes})",
        "{n} interventions planned by the coordinator instead of a course ({codes})"),
    "n.study_days": plural_noop("{n} day of study", "{n} days of study"),
    "n.edits": plural_noop("{n} edit applied", "{n} edits applied"),
    # cover and structure
    "doc.title": _("Training plan — {engagement}"), "plan_of": _("Training plan of {org}"),
    # a plan's status, its own words (Arabic: a plan, خطة, is feminine: "معتمدة"); on the
    # cover it agrees with the plan (French: le plan, "Approuvé"), inside a sentence with the
    # version it follows ("version 2 (approuvée)"): two messages, each with its context
    "status.draft": in_context("plan status", "Draft"),
    "status.approved": in_context("status of a training plan, on its cover", "Approved"),
    "status.draft.version": in_context("status of a plan version, inside a sentence: "
                                       "“version 2 (draft)”", "draft"),
    "status.approved.version": in_context("status of a plan version, inside a sentence: "
                                          "“version 2 (approved)”", "approved"),
    # the plan's version in a running footer: "version 2", not "v2"
    "footer.version": _("version {version}"),
    "cover.country": _("Country"), "cover.engagement": _("Engagement"), "cover.round": _("Round"),
    "cover.project": _("Project"), "cover.instrument": _("Assessment instrument"),
    "cover.status": _("Status"), "cover.version": _("Version"), "cover.date": _("Date"),
    "cover.currency": _("Currency"), "cover.organisation": _("Organisation"),
    "cover.note": _("Prepared from the validated focus-group assessments of the engagement."),
    # a draft changes with every edit: its date is the time of its last change
    "cover.approved_by": _("Approved by"), "cover.approval": _("Approval"),
    # the role is the approver's function, not a title with a gender ("coordination")
    "cover.approved_value": _("{name} ({role}), on {date}"),
    "cover.approved_no_role": _("{name}, on {date}"),
    "cover.approved_unknown": _("an account no longer on record, on {date}"),
    "cover.not_approved": _("Draft — not approved"),
    "sign.title": _("Signatures"),
    "sign.ministry": _("For the ministry (director of human resources or training)"),
    "sign.funder": _("For the funder"),
    "sign.line": _("Name: ______________   Signature: ______________   Date: __________"),
    "cover.last_change": _("Last change"), "date.at": _("{date}, {time}"),
    # a plan dated before today that says what became of its courses (delivery records,
    # months gone by): the day those states are read on, beside the plan's date
    "cover.status_as_of": _("Status of courses as of"),
    "status_as_of": _("Status of courses as of {date}"),
    "date.edits": _("{when} ({edits:n.edits})"),
    # the workbook's first sheet: what the plan is
    "sheet.plan": in_context("plan document", "Plan"), "plan.col.item": _("About this plan"),
    "cover.title": _("Title"), "cover.catalogue": _("Catalogue"),
    "cover.catalogue_value": _("{catalogue} version {version}"), "cover.rate_card": _("Rate card"),
    "cover.edits": _("Edits applied"),
    "footer.page": _("Page"), "footer.of": in_context("page 3 of 31", "of"), "total": _("Total"),
    "contents": _("Contents"),
    "h.nominations": _("Who to nominate"),
    "h.assumptions": _("Assumptions"),
    "assume.intro": _("The plan was made with these settings; change them and the plan changes."),
    "assume.targets": (_("Every section aims at {default}; the strategic sections aim at "
                       "{strategic}: {sections}.")),
    # no section is strategic: its own sentence, not an empty list said "none"
    "assume.targets_none_strategic": _("Every section aims at {default}. No section is "
                                       "strategic."),
    "assume.overrides": plural_noop(
        "{n} organisation has targets of its own on some sections.",
        "{n} organisations have targets of their own on some sections."),
    # two limits apart (fresh eyes read "up to 6 from one organisation" and "at most 4 of its
    # staff away at once" as one): the seats one organisation may fill in one course, the
    # people it may have away in one month, all its courses together
    "assume.participants": _(
        "Each organisation sends {n:n.participants} to each course it needs "
        "({own:n.organisations} with a number of their own). A course short of its minimum "
        "may take more from its organisations: up to {most} from one organisation in that "
        "course, within that organisation's limit of staff away in the month."),
    # no organisation has a number of its own
    "assume.participants_all": _(
        "Each organisation sends {n:n.participants} to each course it needs. A course short "
        "of its minimum may take more from its organisations: up to {most} from one "
        "organisation in that course, within that organisation's limit of staff away in the "
        "month."),
    "assume.horizon": (_("{months} months from {first}; at most {parallel} cohorts running in one "
                       "month, counting classes only: coaching, on-the-job projects and "
                       "e-learning are not counted.")),
    "assume.lead": _(
        "At least {weeks:n.weeks} between the plan's date ({date}) and the first course, for "
        "the organisations to name and release their participants: no course before {first}, "
        "the first month open to training that begins that long after."),
    "assume.load": _(
        "Each organisation takes at most {month:n.training_days} a month and {quarter} a "
        "quarter, and has at most {away} of its staff away in one month: its participants in "
        "all that month's courses, added up."),
    "assume.code_order": _(
        "The modules of one step on one section (such as EA-101 and EA-102) complement "
        "each other and neither requires the other, but they are taught in their order: "
        "for the same organisation the lower-numbered comes first, in an earlier month. "
        "Only a course that finds no month in that order, or that the coordinator moved, "
        "runs without it or before it, and the plan says so."),
    "assume.moved": _("The coordinator placed these courses, whatever the order above would "
                      "give: {items}."),
    "assume.moved_item": _("{module}, moved to {month} by the coordinator"),
    "assume.rates": (_("Costs from the catalogue {catalogue} version {version}, in {currency} at "
                     "{rate} per US dollar.")),
    # the engagement's currency is the catalogue's own: no rate to give
    "assume.rates_usd": _("Costs from the catalogue {catalogue} version {version}, in US "
                          "dollars."),
    "assume.own_rates": _("The engagement sets its own rates for: {codes}."),
    "assume.women": _("Nominations aim at {target}% women."),
    "assume.budget": _("What the budget covers"),
    "assume.included": (_("Included: each course at the catalogue's rates — a cost per "
                        "participant-day and a fixed cost per cohort.")),
    "assume.excluded": (_("Not included: participants' allowances and travel, the follow-up "
                        "coaching each module describes, the reassessment sessions the monitoring "
                        "chapter plans, and a contingency reserve — budget them separately.")),
    "nom.intro": (_("Each organisation names its participants for the courses below, from the "
                  "roles each course is for. The programme aims at {target}% women among them; "
                  "the focus groups that assessed these organisations had {fgd}.")),
    "nom.none": _("This plan version was made before nominations were planned."),
    "nom.all_kept": _("Every course of this version is under way or done, kept from an "
                      "earlier version: its participants were named, and no names are due."),
    "nom.kept": _("Courses under way or done, kept from an earlier version, are not listed: "
                  "their participants were named."),
    "nom.women_of": plural_noop("{women} woman of {total}", "{women} women of {total}",
                                count="women"),
    "nom.aim": plural_noop("at least {women} woman of {places}",
                           "at least {women} women of {places}", count="women"),
    "nom.col.audience": _("For"), "nom.col.places": _("Places per organisation"),
    "nom.col.aim": _("Aim"), "nom.col.fgd": _("Its focus groups"),
    "nom.due": _("The names are due {weeks:n.weeks} before the course's month begins, and "
                 "never sooner than {notice:n.weeks} after the plan's date: the last column "
                 "gives the day."),
    "nom.col.due": _("Names due by"),
    "programme.title": _("Programme training plan — {project}"),
    "programme.title_all": _("Programme training plan — all countries"),
    "programme.title_some": _("Programme training plan — {countries} (the countries you can see)"),
    "programme.title_project_some": (_("Programme training plan — {project}: {countries} (the "
                                     "countries you can see)")),
    "programme.no_country": _("no country"),
    "programme.reader_countries": (_("This document covers only the countries you can see: "
                                   "{countries}. The programme's other countries, if any, are "
                                   "not in it.")),
    # {table}: the "Plans by country" table's (and workbook sheet's) name, quoted: the
    # workbook's Notes sheet has no "above"
    "programme.earlier": (_("Earlier rounds, replaced by their country's latest approved plan: "
                          "{names}. Of each, only the courses it delivered are counted in "
                          "{table}, on a row of its own; its other courses are not.")),
    # a row of "Plans by country": an earlier round's delivered courses, counted in the total
    "programme.version_delivered": _("version {version}, approved {date}: courses delivered"),
    # after programme.lead: the part of its total that earlier rounds spent
    "programme.lead_delivered": _("Of this, {amount} paid for the {cohorts:n.cohorts} that "
                                  "earlier rounds delivered: {names}."),
    # "Training by domain": an amount of no domain, so that the rows add up to the total
    "programme.other": _("Other"),
    "programme.excluded": (_("Not included: participants' salaries and time away from work, "
                           "international travel of trainers, the programme's own management "
                           "and overheads, taxes and duties, and the courses of needs the plans "
                           "could not place (estimated in {table}, column {column}).")),
    "programme.basis": _("What each budget includes, and the rates it was costed at:"),
    "programme.basis_card": (_("{who}: the rate card {card} (effective {date}, in {currency}) and "
                             "the catalogue {catalogue} version {version}; included: "
                             "{categories}.")),
    "programme.basis_catalogue": (_("{who}: the catalogue {catalogue} version {version}'s prices "
                                  "only, no rate card — a cost per participant-day and per "
                                  "cohort for each course; participants' allowances and travel, "
                                  "coaching and reassessment not included.")),
    "programme.cover.countries": _("Countries"), "programme.cover.plans": _("Approved plans"),
    "programme.cover_note": (_("Each country's approved training plan, side by side. Every figure "
                             "comes from a plan version named in the first table.")),
    "programme.h.summary": _("Plans by country"), "programme.h.domains": _("Training by domain"),
    "programme.h.timeline": _("Cohorts by quarter"),
    "programme.h.notes": in_context("workbook sheet", "Notes"),
    "programme.lead": _(
        "Approved plans: {plans}, countries: {countries}, organisations assessed: {orgs}; "
        "{cohorts:n.cohorts} for {places:n.places}, {total} in all."),
    "programme.rates": (_("Each plan is costed in its own currency; the totals are in {currency}, "
                        "converted at the exchange rate each plan states.")),
    "programme.not_approved": _("Not included, no approved plan yet: {names}."),
    "programme.domains_note": (_("Participant places in each country, and the cost of all "
                               "countries together in {currency}.")),
    "programme.timeline_note": _(
        "Number of cohorts starting in each quarter, per country, by what their delivery "
        "records say: delivered, running, due and not recorded as run (their month has "
        "passed and no delivery records that they ran), planned, cancelled. Coaching, "
        "on-the-job projects and e-learning are not cohorts and are not counted."),
    "programme.state.completed": in_context("course state", "Delivered"),
    "programme.state.in_progress": in_context("course state", "Running"),
    "programme.state.not_run": in_context("course state", "Due, not recorded as run"),
    "programme.state.planned": in_context("course state", "Planned"),
    "programme.state.cancelled": in_context("course state", "Cancelled"),
    "programme.state.merged": in_context("course state", "Merged into another course"),
    "programme.version": _("version {version}, approved {date}"),
    "programme.col.country": _("Country"), "programme.col.engagement": _("Engagement"),
    "programme.col.plan": _("Plan"), "programme.col.orgs": _("Organisations"),
    "programme.col.gaps": _("Gaps"), "programme.col.cohorts": _("Cohorts"),
    "programme.col.places": _("Places"), "programme.col.period": _("Period"),
    "programme.col.cost": _("Cost"), "programme.col.base": _("Cost ({currency})"),
    "programme.col.unplaced": _("Needs not placed"),
    "programme.col.unplaced_cost": _("Not placed, est. ({currency})"),
    "programme.unplaced_note": _(
        "Needs not placed: what the plans could not schedule within their limits, and their "
        "estimated participant cost in {currency} — not funded by the totals of {table}."),
    "programme.none": _("No plan is approved yet: there is nothing to put side by side."),
    "demo.mark": _("DEMO DATA"),
    "superseded.mark": _("SUPERSEDED BY VERSION {version}"),
    "status.superseded": _("Superseded by version {version}"),
    "superseded.note": _("This version of the plan has been replaced by version {version}: "
                         "read and circulate that one."),
    "brief.title": _("Brief for the minister: digital skills of {who}"),
    # Translators: {of_country} is the country after "of", with it: "of Kenya", "du Kenya"
    "brief.title.country": _("Brief for the minister: digital skills {of_country}"),
    "brief.found": _("What the assessment found"), "brief.proposed": _("What the plan proposes"),
    "brief.asked": _("What is asked of you"),
    "brief.none": _("No organisation has a validated assessment yet."),
    "brief.plan": _(
        "{modules:n.modules} in {cohorts:n.cohorts} for {participants:n.places}, from {first}"
        " to {last}; total cost {total}."),
    # ".one": the same sentence when its first and last month are one ("from April 2027 to
    # April 2027"), said "in April 2027" (Labels.template picks it)
    "brief.plan.one": _(
        "{modules:n.modules} in {cohorts:n.cohorts} for {participants:n.places}, in {first}; "
        "total cost {total}."),
    "brief.priority": _(
        "Priority {rank}: {module}, for {n:n.organisations}, from {month}."),
    # one organisation's brief: the national plan's numbers, said as such
    "brief.priority_org": _("Priority {rank} of the national plan: {module}, from {month}."),
    # one module the organisations have for different reasons: each organisation's said
    "brief.priority_why": _(
        "Priority {rank}: {module}, for {n:n.organisations}, from {month} — {reasons}."),
    "brief.plan_with_follow_on": _(
        "{modules:n.modules} and {follow_on:n.interventions} in {cohorts:n.cohorts} for "
        "{participants:n.places}, from {first} to {last}; total cost {total}."),
    "brief.plan_with_follow_on.one": _(
        "{modules:n.modules} and {follow_on:n.interventions} in {cohorts:n.cohorts} for "
        "{participants:n.places}, in {first}; total cost {total}."),
    "brief.follow_on": _("{org}: {line}"),
    # the brief names a few; the others are counted, with where the full plan says them
    "brief.follow_on_more": plural_noop(
        "{n} more gap outlived its course and gets another intervention instead: the full "
        "plan says it under its organisation in “{annex}”.",
        "{n} more gaps outlived their course and get another intervention instead: the full "
        "plan says each under its organisation in “{annex}”."),
    "brief.ask_approve": _(
        "Approve the training plan (version {version}) so cohorts can be confirmed."),
    "brief.ask_confirm": _(
        "Confirm the cohorts of the approved training plan (version {version}) with the "
        "organisations, so that training starts in {month}."),
    # an organisation whose plan is coaching or projects at its workplace only: no cohorts
    "brief.ask_confirm_interventions": _(
        "Confirm the coaching and workplace projects of the approved training plan (version "
        "{version}) with the organisation, so that they start in {month}."),
    # {cohorts}: the courses' cohorts; {interventions}: each counted per organisation
    "brief.plan_with_interventions": _(
        "{modules:n.modules} in {cohorts:n.cohorts} and {interventions}, for "
        "{participants:n.places}, from {first} to {last}; total cost {total}."),
    "brief.plan_interventions_only": _(
        "{interventions}, for {participants:n.places}, from {first} to {last}; total cost "
        "{total}."),
    "brief.plan_with_interventions.one": _(
        "{modules:n.modules} in {cohorts:n.cohorts} and {interventions}, for "
        "{participants:n.places}, in {first}; total cost {total}."),
    "brief.plan_interventions_only.one": _(
        "{interventions}, for {participants:n.places}, in {first}; total cost {total}."),
    "brief.ask_nominate": (_("Ask each organisation to name its participants by {date} for "
                           "the courses of {month}, and by the dates the plan gives for the "
                           "later ones; as many women as men where it can.")),
    "brief.ask_release": _("Release the staff named for their training days."),
    "brief.ask_late": plural_noop(
        "{count} course of this plan was due to start before {month}: if it has not run, "
        "the coordinator will reschedule it in a new version of the plan.",
        "{count} courses of this plan were due to start before {month}: those that have not "
        "run the coordinator will reschedule in a new version of the plan.",
        count="count"),
    # the proposals list more courses whose month has passed (one running) than are to move;
    # told to the minister, moving them is the coordinator's work (issue 14, fresh eyes)
    "brief.ask_late_of": plural_noop(
        "Of the {total} courses whose month has passed, {count} has not been recorded as "
        "run: the coordinator will reschedule it in a new version of the plan.",
        "Of the {total} courses whose month has passed, {count} have not been recorded as "
        "run: the coordinator will reschedule them in a new version of the plan.",
        count="count"),
    # a course of the plan is already under way: the next ones start, not training
    "brief.ask_confirm_next": _(
        "Confirm the cohorts to come of the approved training plan (version {version}) with "
        "the organisations, so that the next courses start in {month}."),
    "brief.ask_nominate_late": _(
        "Ask each organisation to name its participants at once for {courses}: their names "
        "were due by {date}."),
    "brief.overdue": _("Courses of this plan whose month has passed: {items}."),
    # an approved plan's courses its deliveries record as run; {when}: a month or a span;
    # {modules}: each by code and title, with its priority ("brief.with_rank")
    "brief.delivered_titled": _("Delivered already, as their deliveries record: "
                                "{cohorts:n.cohorts} of the plan's {total}, {when}: "
                                "{modules}."),
    # a course of the plan with the number the plan's priorities table gives it
    "brief.with_rank": _("{course} (priority {rank})"),
    # an approved plan's courses running in their month, cancelled or merged
    "brief.recorded": _("As their deliveries record: {items}."),
    # the priorities the brief lists keep the plan's numbers: the first still to come may be
    # the plan's priority 6, the ones before it having run or had their month pass
    "brief.first_to_come_said": _("The first priority still to come is the plan's priority "
                                  "{rank}; those before it are said above."),
    "brief.first_to_come": _("The first priority still to come is the plan's priority {rank}."),
    "brief.ranks_unplaced": _("Not placed in a cohort: {items}."),
    "brief.kept": _("Already under way or done, kept from an earlier version of the plan: "
                    "{items}."),
    "brief.ask_unfit": _(
        "Decide how to serve {count:n.needs} the plan could not place (another country's "
        "cohort, in-house sessions, coaching)."),
    "brief.source": (_("From training plan version {version} ({status}); the full plan gives "
                     "the evidence, the schedule and the budget.")),
    "demo.note": (_("DEMO DATA: the organisations are real, their ratings and everything said are "
                  "invented to show how govcap works. Not an assessment of anyone.")),
    # section headings
    "h.summary": _("Executive summary"), "h.method": _("Method"), "h.findings": _("Findings"),
    "h.priorities": _("Priorities"), "h.modules": _("Training modules"),
    "h.schedule": _("Cohort schedule"), "h.budget": _("Budget"),
    "h.monitoring": _("Monitoring and evaluation"), "h.actions": _("Action table"),
    "h.annex": _("Annex: organisation profiles and evidence"),
    "h.sections": _("Sections of the assessment"), "h.scale": _("The rating scale"),
    "h.heatmap": _("Levels by organisation and section"),
    "h.domains": _("Summary by training domain"),
    "h.unfit": _("Needs the plan could not place"), "h.unknowns": _("Sections not assessed"),
    "cohort.over_planned": _(
        "{course}: {n:n.participants} nominated, more than the {planned} this plan counts and "
        "costs for it; the plan's participants and cost are not what the course runs with."),
    "h.month_table": _("Month by month"), "h.gantt": _("Timeline"), "h.cohorts": _("Cohorts"),
    "h.by_domain": _("By training domain"), "h.by_module": _("By module"),
    "h.by_org": _("By organisation"), "h.indicators": _("Indicators"),
    "h.kirkpatrick": _("Evaluation of each module (Kirkpatrick's four levels)"),
    "h.profile": _("Profile"), "h.evidence": _("Training needs and the evidence behind them"),
    # summary
    "summary.scope": plural_noop(
        "{orgs} organisation was assessed in a validated focus-group session. Against the "
        "agreed targets: {gaps:n.gaps} on {gap_orgs:n.organisations}; not assessed, and "
        "listed rather than guessed: {unknowns:n.ratings}.",
        "{orgs} organisations were assessed in a validated focus-group session. Against the "
        "agreed targets: {gaps:n.gaps} on {gap_orgs:n.organisations}; not assessed, and "
        "listed rather than guessed: {unknowns:n.ratings}.", count="orgs"),
    "summary.scope_org": _(
        "{org} took part in the focus-group assessment. Against the agreed targets: "
        "{gaps:n.gaps}; not assessed, and listed rather than guessed: {unknowns:n.sections}."),
    # every section assessed: no "not assessed …: 0 section ratings"
    "summary.scope.all_assessed": plural_noop(
        "{orgs} organisation was assessed in a validated focus-group session. Against the "
        "agreed targets: {gaps:n.gaps} on {gap_orgs:n.organisations}; every section was "
        "rated.",
        "{orgs} organisations were assessed in a validated focus-group session. Against the "
        "agreed targets: {gaps:n.gaps} on {gap_orgs:n.organisations}; every section was "
        "rated.", count="orgs"),
    "summary.scope_org.all_assessed": _(
        "{org} took part in the focus-group assessment. Against the agreed targets: "
        "{gaps:n.gaps}; every section was rated."),
    "summary.coverage": plural_noop(
        "Of the organisations engaged ({engaged}), {validated} is in this plan (its latest "
        "validated session counts).",
        "Of the organisations engaged ({engaged}), {validated} are in this plan (their latest"
        " validated session counts).", count="validated"),
    "summary.not_covered": _("Not in this plan yet — {groups}."),
    "coverage.submitted": _("awaiting validation: {names}"),
    "coverage.in_progress": _("session under way: {names}"),
    "coverage.draft": _("session scheduled: {names}"),
    "coverage.none": _("no session yet: {names}"),
    "summary.since": _(
        "Since {round} (latest validated sessions of both rounds), section ratings improved: "
        "{up}; regressed: {down}."),
    "summary.regressions": _("Regressed: {items}."),
    "h.changes": _("What changed since {round}"),
    # an approved plan's changes since the version it was made after, as the plan page says
    "h.changes_version": _("Changes since version {version}"),
    "brief.changes": _("Since version {version}: {count:n.changes}; budget {before}, now "
                       "{after}."),
    "brief.changes_same": _("Since version {version}: {count:n.changes}; the budget is "
                            "unchanged."),
    "col.then": _("Then"), "col.now": _("Now"), "col.change": in_context("plan document", "Change"),
    "change.up": _("improved"), "change.down": _("regressed"),
    "summary.weakest": plural_noop(
        "Weakest area: {section}, where {n} of {total} organisations stands at Basic.",
        "Weakest area: {section}, where {n} of {total} organisations stand at Basic."),
    "summary.strongest": plural_noop(
        "Strongest section: {section}, with {n} of {total} organisations at High.",
        "Strongest section: {section}, with {n} of {total} organisations at High."),
    "summary.most_gaps": _("Organisation with the most gaps: {org} ({n} of {sections} sections "
                           "below target)."),
    "summary.org_furthest": _("Furthest from target: {sections}."),
    "summary.org_at_target": _("At or above target: {sections}."),
    "summary.plan": _(
        "The plan answers them with {modules:n.modules} delivered in {cohorts:n.cohorts} for "
        "{participants:n.places}, from {first} to {last}, at a total cost of {total}."),
    "summary.plan_with_interventions": _(
        "The plan answers them with {modules:n.modules} in {cohorts:n.cohorts} and "
        "{interventions}, for {participants:n.places}, from {first} to {last}, at a total "
        "cost of {total}."),
    "summary.plan_interventions_only": _(
        "The plan answers them with {interventions}, for {participants:n.places}, from "
        "{first} to {last}, at a total cost of {total}."),
    "summary.plan.one": _(
        "The plan answers them with {modules:n.modules} delivered in {cohorts:n.cohorts} for "
        "{participants:n.places}, in {first}, at a total cost of {total}."),
    "summary.plan_with_interventions.one": _(
        "The plan answers them with {modules:n.modules} in {cohorts:n.cohorts} and "
        "{interventions}, for {participants:n.places}, in {first}, at a total cost of "
        "{total}."),
    "summary.plan_interventions_only.one": _(
        "The plan answers them with {interventions}, for {participants:n.places}, in "
        "{first}, at a total cost of {total}."),
    "summary.empty": _("No cohort is scheduled: every assessed section is at its target level."),
    "summary.none_placed": _("No cohort could be scheduled for these gaps within the plan."),
    "summary.unfit": plural_noop(
        "{count} need could not be placed in a cohort; it is listed with the reason in the "
        "schedule chapter (estimated participant cost {amount}).",
        "{count} needs could not be placed in a cohort; they are listed with the reason in "
        "the schedule chapter (estimated participant cost {amount}).", count="count"),
    "summary.allfit": _("Every need found a cohort within the planning horizon."),
    "summary.allfit_others": _("Every other need found a cohort within the planning horizon."),
    "summary.left_out": plural_noop(
        "{count} need was left out of the plan by the coordinator. {items}",
        "{count} needs were left out of the plan by the coordinator. {items}", count="count"),
    "left_out.item_instead": _("{org}: {module}, for the gap on {gap}; the plan serves that "
                               "gap with {instead} instead."),
    "left_out.item_open": _("{org}: {module}, for the gap on {gap}, which stays without "
                            "training in this plan."),
    "left_out.gap": _("{section} ({level}, target {target})"),
    "h.left_out": _("Left out of the plan by the coordinator"),
    "left_out.p": (_("The coordinator removed these needs from the plan with an edit: this "
                   "version plans no training for them.")),
    "col.gap": _("Gap"), "col.history": _("Earlier rounds"),
    "status.left_out": in_context("course state", "Left out by the coordinator"),
    "kf.left_out": _("Needs left out by the coordinator"),
    "summary.domains": _("Training by domain"), "kf.item": _("Key figure"), "kf.value": _("Value"),
    "kf.orgs": _("Organisations assessed"), "kf.gaps": _("Gaps against target"),
    "kf.modules": _("Modules"), "kf.cohorts": _("Cohorts"), "kf.courses": _("Courses"),
    # coaching at the workplace, on-the-job projects, …: one per organisation that has one
    "kf.interventions": _("Coaching and other interventions"), "kf.places": _("Participant places"),
    "kf.period": _("Period"), "kf.total": _("Total cost"), "kf.unfit": _("Needs not placed"),
    # method
    "method.p1": (_("The assessment follows GovStack's rapid skills assessment: a focus-group "
                  "discussion (FGD) with the ICT practitioners of each ministry or agency, "
                  "led by a moderator with a note-taker, after the participants' consent. "
                  "The moderator reads the introduction and walks through {n} sections; for "
                  "each, participants rate their organisation individually against written "
                  "benchmarks, discuss, and agree a consensus level with its reasons.")),
    "method.p2": (_("Ratings take the temperature of an organisation; they are not a score to "
                  "rank ministries. A section nobody could speak to is recorded as not "
                  "assessed and never planned for. Only validated sessions count, and for "
                  "each organisation its latest one.")),
    "method.p3": (_("Each gap between a section's level and its target calls for the catalogue "
                  "modules that serve that section at that step (Basic to Moderate, Moderate "
                  "to High, then sustaining High). Organisations needing the same module are "
                  "grouped in cohorts by language, scheduled within the horizon respecting "
                  "prerequisites and capacity, and costed from the catalogue rates.")),
    "method.instrument": _("Instrument: {title}."),
    "col.level": _("Level"), "col.meaning": _("What it means"),
    "scale.basic": _("Practices are absent, ad hoc or depend on individuals."),
    "scale.moderate": _("Practices exist and are applied in part, not yet consistently."),
    "scale.high": _("Practices are established, consistent, measured and improved."),
    "col.number": _("No."), "col.section": _("Section"), "col.domain": _("Training domain"),
    # findings
    "findings.heatmap": (_("Each cell is the consensus level an organisation agreed on a "
                         "section; hatched cells were not assessed.")),
    "col.organisation": _("Organisation"), "col.basic": _("Basic"), "col.moderate": _("Moderate"),
    "col.high": in_context("plan document", "High"), "col.na": _("Not assessed"),
    "col.gaps": _("Gaps"),
    "col.reason": _("Reason"),
    # priorities
    "priorities.p": (_("Needs are ranked by the size of the gap, the strategic weight of the "
                     "section and the confidence of the rating; a prerequisite ranks with the "
                     "module that needs it. Strategic sections: {sections}.")),
    # no section is strategic: a whole sentence, not an empty list said "none"
    "priorities.p_none_strategic": (_(
        "Needs are ranked by the size of the gap, the strategic weight of the section and "
        "the confidence of the rating; a prerequisite ranks with the module that needs it. "
        "No section is strategic.")),
    "priorities.national": _("Ranks are those of the national plan, so this organisation's "
                             "list may start at a number other than 1."),
    "col.rank": _("Rank"), "col.module": _("Module"), "col.title": _("Title"),
    "col.step": _("Step"),
    "col.orgs": _("Organisations"), "col.score": _("Priority score"),
    "col.org_score": _("This organisation's priority score"), "col.origin": _("Origin"),
    # modules
    "mod.summary": _("Summary"), "mod.objectives": _("Learning objectives"),
    "mod.audience": _("Audience"), "mod.days": _("Duration"),
    "mod.delivery": in_context("plan document", "Delivery"),
    "mod.step": _("Level step"), "mod.prerequisites": _("Prerequisites"),
    "mod.competences": _("e-CF competences"), "mod.cohort": _("Cohort size"),
    "mod.followup": _("Follow-up and technical assistance"), "mod.sections": _("Sections served"),
    "mod.days_value": plural_noop(
        "{days} day",
        "{days} days", count="days"), "mod.cohort_value": _("{min} to {max} participants"),
    "mod.none": _("none"),
    # schedule
    "schedule.p": _(
        "Cohorts run from {first} to {last}; at most {parallel:n.cohorts} in the same month, "
        "counting classes only: coaching, on-the-job projects and e-learning are not "
        "counted. Months closed to training: {blackout}."),
    "schedule.p.one": _(
        "Cohorts run in {first}; at most {parallel:n.cohorts} in the same month, counting "
        "classes only: coaching, on-the-job projects and e-learning are not counted. Months "
        "closed to training: {blackout}."),
    "col.month": _("Month"), "col.cohorts": _("Cohorts"), "col.participants": _("Participants"),
    "col.cohort": _("Cohort"), "col.language": _("Language"), "col.cost": _("Cost"),
    "col.amount": _("Amount"), "col.share": _("Share"), "col.days": _("Days"),
    "cohort.with_others": _(
        "{org} with {n:n.other_orgs}"),
    "col.your_participants": _("Its participants"), "col.cohort_size": _("Cohort size"),
    "col.your_share": _("Its share of the cost"), "col.cohort_cost": _("Cohort cost"),
    "gantt.title": _("Cohorts by month"), "gantt.month_axis": _("Month"),
    # the month-by-month table and the budget by month: by the month a course starts
    "month_table.note": _("Each course is counted in the month it starts, with all its "
                          "participants and its whole cost (the timeline shows every month "
                          "its days take)."),
    "h.by_start_month": _("By the month each course starts"),
    # a row of that table that is no course: "Reassessment sessions, August 2027"
    "budget.category_month": _("{category}, {month}"),
    # a course's cohorts are boxes; coaching, on-the-job projects and e-learning are not
    # cohorts: a lighter, hatched bar of their own, named in the legend
    "gantt.note": (_("One row per module; a box marks a month with a cohort of a course and "
                   "gives its number of participants. A lighter hatched bar marks a month of "
                   "coaching, an on-the-job project or e-learning, with its participants: "
                   "these are not cohorts. Colours show the training domain.")),
    "gantt.interventions": _("Coaching, on-the-job project or e-learning (not a cohort)"),
    "kirk.when": _("When each level is measured, per module:"),
    "unfit.none": _("None: every need found a cohort."),
    "empty.cohorts": _("No cohort is scheduled in this plan."),
    "empty.needs": _("No training need was found: every assessed section is at its target."),
    "empty.needs_left_out": _("No training need is in the plan: the coordinator left them out "
                              "(listed below)."),
    "empty.needs_no_module": _("No module of the catalogue could be planned for these gaps; "
                               "the schedule chapter lists them with the reason."),
    "schedule.none": _("No cohort is scheduled in this plan. Months closed to training: "
                       "{blackout}."),
    "unfit.none_kept": _("None: every need kept in the plan found a cohort."),
    "budget.none": _("Nothing is budgeted: no cohort is scheduled in this plan."),
    "unfit.estimate": _("Estimated participant cost of the needs not placed: {amount}."),
    # budget
    "budget.p": (_("Amounts are in {currency}. A cohort costs participants × days × the daily "
                 "rate plus a fixed cost per cohort; each organisation pays its own "
                 "participant-days and a share of the fixed cost in proportion to its "
                 "participants. Every breakdown adds up to the total, {total}.")),
    # monitoring
    "monitoring.p": _(
        "Each gap has an indicator: the section's consensus level at reassessment must reach "
        "the target. Each organisation is reassessed once, {after:n.months} after its last "
        "training day (coaching and on-the-job days included). Each module is evaluated on "
        "Kirkpatrick's four levels."),
    "monitoring.later": _(
        "Each gap has an indicator: the section's consensus level at reassessment must reach "
        "the target. {round}, the next assessment round, is the reassessment: this plan "
        "schedules and budgets none of its own. Each module is evaluated on Kirkpatrick's "
        "four levels."),
    "monitoring.reassessed_by": _("Reassessed by {round}"),
    "monitoring.sessions": _(
        "A reassessment falls in the first month open to a focus group (never a month closed "
        "to training nor a fiscal year-end); an organisation's sections due the same month "
        "are rated in one session, and the budget pays each session. The reassessments run "
        "from {first} to {last}, after the training, which runs from {start} to {end}."),
    # ".one": the reassessments in one month; ".one_training": the training in one month
    "monitoring.sessions.one": _(
        "A reassessment falls in the first month open to a focus group (never a month closed "
        "to training nor a fiscal year-end); an organisation's sections due the same month "
        "are rated in one session, and the budget pays each session. The reassessments are "
        "in {first}, after the training, which runs from {start} to {end}."),
    "monitoring.sessions.one_training": _(
        "A reassessment falls in the first month open to a focus group (never a month closed "
        "to training nor a fiscal year-end); an organisation's sections due the same month "
        "are rated in one session, and the budget pays each session. The reassessments run "
        "from {first} to {last}, after the training, which is in {start}."),
    "monitoring.sessions.one.one_training": _(
        "A reassessment falls in the first month open to a focus group (never a month closed "
        "to training nor a fiscal year-end); an organisation's sections due the same month "
        "are rated in one session, and the budget pays each session. The reassessments are "
        "in {first}, after the training, which is in {start}."),
    "col.indicator": _("Indicator: level at reassessment on"), "col.baseline": _("Baseline"),
    "col.target": _("Target"),
    "col.modules": _("Modules"), "col.reassess": _("Reassessment"), "col.status": _("Status"),
    "col.method": _("Method"), "col.when": _("When"),
    "kirk.reaction": _("Reaction"), "kirk.learning": _("Learning"),
    "kirk.behaviour": _("Behaviour"),
    "kirk.results": _("Results"),
    "kirkm.reaction": (_("End-of-course survey of every participant: relevance to their work, "
                       "quality of delivery, intention to apply.")),
    "kirkm.learning": (_("Pre-test at the start and post-test at the end of each cohort, one "
                       "item per learning objective; report the average gain.")),
    "kirkm.behaviour": (_("Follow-up with participants and their supervisors 3 to 6 months "
                        "after the course: are the outputs of the objectives in use at work?")),
    "kirkm.results": (_("Reassessment of the sections the module serves with the same "
                      "instrument, compared with the baseline.")),
    "when.none": _("after the last cohort"),
    "ind.on-plan": _("On plan"), "ind.partly-unfit": _("Partly placed"),
    "ind.unfit": _("Not placed"),
    "ind.dropped": _("Dropped"),
    "kirk.not_course": _("not a course"),
    "kirk.how.coaching": _(
        "Coaching ({modules}) is not a course: no end-of-course survey or test. It is "
        "measured on behaviour, from the coach's review of the team's work, and on results, "
        "by the reassessment."),
    "kirk.how.on-the-job": _(
        "On-the-job projects ({modules}) are not courses: no end-of-course survey or test. "
        "They are measured on behaviour, from the mentor's review at the project's checkpoints "
        "and of its result, and on results, by the reassessment."),
    "kirk.how.training-of-trainers": _(
        "Training of trainers ({modules}) is measured on behaviour, by the session each "
        "trainee co-delivers with a master trainer and its written assessment, and on results, "
        "by the reassessment."),
    "kirk.how.e-learning": _(
        "E-learning ({modules}) has no classroom: no end-of-course survey or test. It is "
        "measured on behaviour, by the follow-up with participants and their supervisors, and "
        "on results, by the reassessment."),
    "kirk.how.other": _(
        "{modules}: not a course, measured on behaviour and results only."),
    # actions
    "col.measure": _("Strengthening measure"), "col.responsibility": _("Responsibility"),
    "col.timeline": _("Timeline"), "col.funding": _("Total funding"),
    "col.source": _("Funding source"), "col.ta": _("Technical assistance"),
    "action.measure": _(
        "{title} ({code}): {cohorts:n.cohorts} of {days:n.days}, {delivery}, "
        "{people:n.participants} from {orgs:n.organisations}"),
    # coaching and on-the-job projects: planning.wording.workplace_measure, the page's words
    "action.training-of-trainers": _(
        "{title} ({code}): training of trainers, {cohorts:n.cohorts} of {days:n.days}, "
        "{delivery}, for {people:n.participants} from {orgs:n.organisations}"),
    "action.e-learning": _(
        "{title} ({code}): self-paced e-learning, {days:n.study_days} each, for "
        "{people:n.participants} from {orgs:n.organisations}"),
    # one organisation's plan, a course it shares: its places and share within it
    "action.its_share": _("{measure}; {places:n.places} of them its own, its share {share} "
                          "of {whole}"),
    "action.source_unset": _("To be agreed with funders"),
    "action.responsibility_default": (_("Engagement coordinator, with the heads of the "
                                      "participating organisations")),
    # annex
    "annex.p": (_("For each organisation: its level on each section against the target, then "
                "each module it takes with the ratings and notes that call for it.")),
    "col.need": _("Training need"), "col.evidence": _("Evidence"),
    "evidence.rated": _("Rated {level} on {section}"),
    "evidence.notes": _("Notes: “{notes}”"),
    "evidence.confidence": _("({confidence} confidence)"),
    "confidence.high": _("high"), "confidence.medium": _("medium"), "confidence.low": _("low"),
    "evidence.evidence": _("Evidence mentioned: “{text}”"),
    "evidence.dissent": _("Dissent: “{text}”"),
    "evidence.quote": _("{who}: “{text}”"),
    "evidence.quote_unattributed": _("A participant: “{text}”"),
    "evidence.prerequisite": _("Prerequisite of {modules}."),
    "evidence.without_first": _("Comes without {modules}, taught before it on this section, "
                                "which found no month."),
    "evidence.before_first": _("Comes before {modules}, taught before it on this section: "
                               "no later month had room for it."),
    "evidence.moved_ahead": _("Placed before {modules} by the coordinator (moved to {month})."),
    "evidence.moved_first": _("Placed before {modules} by the coordinator, who moved that "
                              "course to {month}."),
    "evidence.after_courses": _("Starts after {modules}, so that the team applies at work "
                                "what the course taught."),
    "evidence.added": _("Added by the coordinator."),
    "evidence.instead": _("Planned by the coordinator instead of {codes}."),
    "status.gap": _("Gap"), "status.at-target": _("At target"), "status.unknown": _("Not assessed"),
    # the statuses of the priorities' status column, in one context: in French each agrees
    # with « formation » (f.), as the course states do ("Programmée en…", "Non placée")
    "status.scheduled": in_context("course state", "Scheduled {month}"),
    "status.unfit": in_context("course state", "Not placed"),
    # a course kept from an earlier version, in the plan page's words for it, and its month
    "status.kept": _("{state}, {month}"),
    "course.planned": in_context("course state", "Being prepared"),
    "course.in_progress": in_context("course state", "Running"),
    "course.completed": in_context("course state", "Delivered"),
    "course.cancelled": in_context("course state", "Cancelled"),
    "course.merged": in_context("course state", "Merged into another course"),
    # an approved plan's course as its delivery records it, with its days
    "status.delivered": in_context("course state", "Delivered {days}"),
    "status.running": in_context("course state", "Running since {day}"),
    # a kept course whose month is past and whose delivery does not record it as done
    "status.not_run": in_context("course state", "Due {month}, not recorded as run"),
    "status.not_completed": in_context("course state",
                                       "Running since {month}, no completion recorded"),
    "status.moved": in_context("course state", "Moved to {month} by the coordinator"),
    "status.dropped": in_context("course state", "Dropped"),
    # values
    "step.basic-moderate": _("Basic → Moderate"), "step.moderate-high": _("Moderate → High"),
    "step.sustain-high": _("Sustaining High"),
    "delivery.in-person": _("in person"), "delivery.blended": _("blended"),
    "delivery.online": _("online"),
    "origin.gap": _("Gap"), "origin.prerequisite": _("Prerequisite"), "origin.added": _("Added"),
    "origin.follow-on": _("Follow-on"),
    # why the plan has a need, in words ({codes}: the modules; {kind}: "coaching", …)
    "origin.instead": _("Planned by the coordinator instead of {codes}"),
    "origin.follows": _("Follow-on {kind} after {codes}"),
    "rounds.follow_on": (_("Had {codes} in the approved plan of {plan}; still {level} on "
                         "{section} → {kind} instead of repeating the course.")),
    "rounds.delivered": (_("Completed {codes} in {plan}; still {level} on {section} → "
                         "{kind} instead of repeating the course.")),
    "rounds.follow_on_open": (_("Had {codes} in the approved plan of {plan}; still {level} on "
                              "{section}: the gap persists.")),
    "rounds.delivered_open": (_("Completed {codes} in {plan}; still {level} on {section}: "
                              "the gap persists.")),
    "rounds.regressions": _("Regression since the previous round: {items}."),
    "rounds.regression_item": _("{org}, {section} ({then} → {now})"),
    "kind.coaching": _("coaching"), "kind.on-the-job": _("an on-the-job project"),
    "kind.training-of-trainers": _("training of trainers"), "kind.e-learning": _("e-learning"),
    "h.alternatives": _("Other ways to close these gaps"),
    "alt.p": (_("Each need above can still be met another way: joining another engagement's cohort "
              "of the same course in the same language where it has places free, an in-house "
              "session, coaching or e-learning. Costs are for this organisation's participants, "
              "at this plan's rates; joining costs only their own share (their participant-days, "
              "or on a rate card their materials, allowances, travel and follow-up), the figure "
              "the needs not placed are estimated at. Travel to a course in another country is "
              "not included.")),
    "alt.join": _("Join the cohort of {plan} ({country})"),
    "alt.places": _("{n} free"), "alt.places_short": _("{n} free — fewer than needed"),
    "alt.in_house": _("An in-house session of {code} for this organisation alone"),
    "alt.coaching": _("Coaching: {code} {title}"),
    "alt.e-learning": _("E-learning: {code} {title}"),
    "col.alternative": _("Alternative"), "col.places": _("Places"),
    "mod.kind": _("Kind"), "kindname.coaching": _("Coaching"),
    "kindname.on-the-job": _("On-the-job project"),
    "kindname.training-of-trainers": _("Training of trainers"),
    "kindname.e-learning": _("E-learning"),
    "mod.kind_note": (_("Not a course: given instead of repeating a course when an organisation's "
                      "gap persists after it, or offered when no cohort can hold a course. One "
                      "organisation can hold it alone.")),
    "lang.en": _("English"), "lang.fr": _("French"), "lang.ar": _("Arabic"), "lang.so": _("Somali"),
    "lang.am": _("Amharic"), "lang.sw": _("Swahili"),
    "unfit.no-module": _("The catalogue has no module for this step."),
    "unfit.below-minimum": _("Too few participants for the module's minimum cohort."),
    "unfit.over-maximum": _("More participants than the module's largest cohort."),
    "unfit.prerequisite-unfit": _("A prerequisite could not be placed."),
    "unfit.capacity": _("No month with free capacity in the horizon."),
    "unfit.capacity_why": _("No month in the plan had room for it: {why}."),
    "unfit.horizon": _("The prerequisites push it past the planning horizon."),
    # the plan page's msgid (planning/wording.py), so it needs no translation of its own
    "unfit.later-round": _("Not planned here: the next assessment round reassesses this "
                           "organisation, and that round's plan takes up this need."),
    "domain.design-systems-thinking": _("Design and Systems Thinking"),
    "domain.agile": _("Agile Methodology"), "domain.project-management": _("Project Management"),
    "domain.change-management": _("Change Management"),
    "domain.digital-policy": _("Policy for Digital Governments"),
    "domain.service-management": _("Service Management and Business Analysis"),
    "domain.enterprise-architecture": _("Enterprise Architecture"),
    # spreadsheet
    "sheet.needs": _("Needs"), "sheet.cohorts": _("Cohorts"),
    "sheet.schedule": in_context("plan document", "Schedule"),
    "sheet.budget": _("Budget"), "sheet.orgs": _("Per organisation"),
}

class _Filler(string.Formatter):
    """``str.format`` that reads ``{value:n.key}`` as the count phrase ``n.key`` for value."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("n."):
            return self.labels.count(format_spec, value)
        return super().format_field(value, format_spec)


class Labels(Mapping[str, str]):
    """The document words in one language; ``t(key, **values)`` fills a sentence."""

    def __init__(self, language: str, table: Mapping[str, Any] | None = None) -> None:
        self.language = language or "en"
        self.table = EN if table is None else table  # a module's own words (costing, load)

    def __getitem__(self, key: str) -> str:
        message = self.table[key]
        if isinstance(message, Plural):
            raise TypeError(f"{key} has plural forms: use t({key!r}, ...) or count()")
        return self.template(key, {})

    def __iter__(self):
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

    def template(self, key: str, values: Mapping[str, object]) -> str:
        message = (EN if key.startswith("n.") else self.table)[self.one_month(key, values)]
        with translation.override(self.language):
            if isinstance(message, Plural):
                return translation.ngettext(message.singular, message.plural,
                                            _whole(values[message.count]))
            if isinstance(message, Contextual):
                return translation.pgettext(message.context, message.message)
            return translation.gettext(message)

    def one_month(self, key: str, values: Mapping[str, object]) -> str:
        """``key``, or its variant for a range whose ends are the same month: "from {first}
        to {last}" read "from April 2027 to April 2027"; ``key.one`` says "in {first}" (and
        ``.one_training`` the same of {start} and {end}), where the table has it."""
        same = [tag for a, b, tag in _SPANS
                if a in values and b in values and values[a] == values[b]]
        for drop in range(len(same) + 1):  # the most specific variant the table has
            candidate = key + "".join(f".{tag}" for tag in same[:len(same) - drop])
            if candidate in self.table:
                return candidate
        return key

    def t(self, key: str, **values: object) -> str:
        text = self.template(key, values)
        return _Filler(self).vformat(text, (), values) if values else text

    def sentence(self, key: str, **values: object) -> str:
        """``t`` for a whole sentence or a bullet: it starts with a capital letter, also when
        the translation opens on a count phrase ("moduli 8 za mafunzo…" → "Moduli 8…"). A
        sentence that opens on a name ("{org} has…") keeps the name as it is written."""
        text = self.t(key, **values)
        opening = _OPENING_FIELD.match(self.template(key, values))
        if opening and not (opening.group(1) or "").startswith("n."):
            return text  # a name or a value: "eGA", "iTax" are written so
        return capitalised(text)

    def count(self, key: str, value: object) -> str:
        """``count("n.cohorts", 3)`` → "3 cohorts", the number written as ``number()``."""
        n = _whole(value)
        return self.template(key, {"n": n}).format(n=self.number(n))

    def get_or(self, key: str, default: str) -> str:
        return self[key] if key in self.table else default

    def month(self, month: str | None) -> str:
        """``"2026-03"`` → "March 2026" / "mars 2026" / "Machi 2026" / "مارس 2026", the
        month in full as the pages write it (`govcap.localise.month`, whose `month_name` is
        the one source of month names: the documents keep no table of their own, and no
        short forms: a narrow column writes its month over two lines); None → an en dash."""
        return localise.month(month, self.language, empty="–")

    def date(self, value: dt.date | str | None) -> str:
        """A day as the pages write it (`govcap.localise.day`): ``"2026-01-01"`` →
        "1 January 2026" / "1er janvier 2026" / "1 يناير 2026"."""
        return localise.day(value, self.language, empty="–")

    def days(self, start: dt.date | str | None, end: dt.date | str | None) -> str:
        """Days from `start` to `end`, the month and year said once: "16–20 July 2026", "du
        16 au 20 juillet 2026" (`govcap.localise.day_range`)."""
        return localise.day_range(start, end, self.language, empty="–")

    def quote(self, text: str) -> str:
        """A quotation in the document's marks: “text”, « text », «text»."""
        return localise.quote(text, self.language)

    def inside_quotes(self, text: str) -> str:
        """A text for a sentence whose translation writes the quotation marks ("{who}:
        «{text}»"): a Latin text in an Arabic document held left to right."""
        return localise.inside_quotes(text, self.language)

    def colon(self) -> str:
        """": " before what a label introduces, as the language writes it (French " : ",
        `govcap.localise.colon`)."""
        return localise.colon(self.language) + " "

    def span(self, first: str | None, last: str | None) -> str:
        """A month range, its year named once, in one style for every range of the
        documents (`govcap.localise.month_range`): "February – July 2026", "de février à
        juillet 2026"; the one month when both ends are the same; none: an en dash."""
        return localise.month_range(first, last, self.language, empty="–")

    def level(self, key: str | None) -> str:
        with translation.override(self.language):
            return words.level_label(key)

    def number(self, value: int) -> str:
        return localise.number(value, self.language)

    def decimal(self, value: float | str, digits: int | None = None) -> str:
        """A number with decimals as the language writes it: "1.67" / "1,67"; a text such as
        "1.000000" keeps its own number of decimals unless `digits` says."""
        if isinstance(value, str):
            digits = len(value.partition(".")[2]) if digits is None else digits
        return localise.number(float(value), self.language, digits)

    def commas(self, items: Iterable[Any]) -> str:
        """A list in the document's language: "a, b" / "أ، ب" (`govcap.localise.join`)."""
        return localise.join(items, self.language)

    def semicolons(self, items: Iterable[Any]) -> str:
        """A list of items that hold commas: "a; b" / "a ; b" / "أ؛ ب"."""
        return localise.join(items, self.language, strong=True)

    def money(self, cents: int, currency: str) -> str:
        """``USD 12,345.00`` in English, ``12 345,00 USD`` in French (`format_money`)."""
        return format_money(cents, currency, self.language)


_OPENING_FIELD = re.compile(r"\{\w*(?::([^}]*))?\}")


def capitalised(text: str) -> str:
    """`text` with its first letter in capitals (after any opening quotation mark or
    direction mark); a script without capitals is left as it is."""
    for at, ch in enumerate(text):
        if ch.isalpha():
            return text[:at] + ch.upper() + text[at + 1:] if ch.islower() else text
        if ch.isdigit():
            return text
    return text


def labels(language: str) -> Labels:
    return Labels(language)


def plan_title(language: str, engagement: str) -> str:
    """The cover title in the document's language, for ``PlanDocumentContext.title``."""
    return Labels(language).t("doc.title", engagement=engagement)


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a count must be a whole number, not {value!r}")
    return value
