"""Every word the plan documents print, per language (English and French), and formatting.

``labels(language)`` gives the dictionary; a key missing in a language falls back to
English (a test checks French has them all). Amounts and months are formatted here so
DOCX, PDF and XLSX write them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import translation

from govcap import labels as words
from govcap.planning.core.money import format_money
from govcap.reports.labels_fr import FR

EN: dict[str, str] = {
    # cover and structure
    "doc.title": "Training plan — {engagement}", "plan_of": "Training plan of {org}", "status.draft": "Draft", "status.approved": "Approved",
    "cover.country": "Country", "cover.engagement": "Engagement", "cover.round": "Round",
    "cover.project": "Project", "cover.instrument": "Assessment instrument",
    "cover.status": "Status", "cover.version": "Version", "cover.date": "Date",
    "cover.currency": "Currency", "cover.organisation": "Organisation",
    "cover.note": "Prepared from the validated focus-group assessments of the engagement.",
    "footer.page": "Page", "total": "Total",
    "contents": "Contents",
    "h.nominations": "Who to nominate",
    "h.assumptions": "Assumptions",
    "assume.intro": "The plan was made with these settings; change them and the plan changes.",
    "assume.none": "none",
    "assume.targets": ("Every section aims at {default}; the strategic sections aim at "
                       "{strategic}: {sections}."),
    "assume.overrides": "{n} organisation(s) have targets of their own on some sections.",
    "assume.participants": ("Each organisation sends {n} participant(s) to each course it needs "
                            "({own} organisation(s) a number of their own); to reach a course's "
                            "minimum, up to {most} from one organisation."),
    "assume.horizon": ("{months} months from {first}; at most {parallel} cohorts running in one "
                       "month."),
    "assume.load": ("Each organisation takes at most {month} training day(s) a month and {quarter} "
                    "a quarter, with at most {away} of its staff away at once."),
    "assume.rates": ("Costs from the catalogue {catalogue} version {version}, in {currency} at "
                     "{rate} per US dollar."),
    "assume.own_rates": "The engagement sets its own rates for: {codes}.",
    "assume.women": "Nominations aim at {target}% women.",
    "assume.budget": "What the budget covers",
    "assume.included": ("Included: each course at the catalogue's rates — a cost per "
                        "participant-day and a fixed cost per cohort."),
    "assume.excluded": ("Not included: participants' allowances and travel, the follow-up "
                        "coaching each module describes, the reassessment sessions the monitoring "
                        "chapter plans, and a contingency reserve — budget them separately."),
    "nom.intro": ("Each organisation names its participants for the courses below, from the "
                  "roles each course is for. The programme aims at {target}% women among them; "
                  "the focus groups that assessed these organisations had {fgd}."),
    "nom.none": "This plan version was made before nominations were planned.",
    "nom.women_of": "{women} women of {total}",
    "nom.aim": "at least {women} women of {places}",
    "nom.col.audience": "For", "nom.col.places": "Places per organisation",
    "nom.col.aim": "Aim", "nom.col.fgd": "Its focus groups",
    "programme.title": "Programme training plan — {project}",
    "programme.title_all": "Programme training plan — all countries",
    "programme.title_some": "Programme training plan — {countries} (the countries you can see)",
    "programme.title_project_some": ("Programme training plan — {project}: {countries} (the "
                                     "countries you can see)"),
    "programme.no_country": "no country",
    "programme.reader_countries": ("This document covers only the countries you can see: "
                                   "{countries}. The programme's other countries, if any, are "
                                   "not in it."),
    "programme.earlier": ("Earlier rounds, replaced by their country's latest approved plan and "
                          "not counted above: {names}."),
    "programme.basis": "What each budget includes, and the rates it was costed at:",
    "programme.basis_card": ("{who}: the rate card {card} (effective {date}, in {currency}) and "
                             "the catalogue {catalogue} version {version}; included: "
                             "{categories}."),
    "programme.basis_catalogue": ("{who}: the catalogue {catalogue} version {version}'s prices "
                                  "only, no rate card — a cost per participant-day and per "
                                  "cohort for each course; participants' allowances and travel, "
                                  "coaching and reassessment not included."),
    "programme.cover.countries": "Countries", "programme.cover.plans": "Approved plans",
    "programme.cover_note": ("Each country's approved training plan, side by side. Every figure "
                             "comes from a plan version named in the first table."),
    "programme.h.summary": "Plans by country", "programme.h.domains": "Training by domain",
    "programme.h.timeline": "Cohorts by quarter",
    "programme.lead": ("Approved plans: {plans}, countries: {countries}, organisations "
                       "assessed: {orgs}; {cohorts} cohort(s) for {places} participant places, "
                       "{total} in all."),
    "programme.rates": ("Each plan is costed in its own currency; the totals are in {currency}, "
                        "converted at the exchange rate each plan states."),
    "programme.not_approved": "Not included, no approved plan yet: {names}.",
    "programme.domains_note": ("Participant places in each country, and the cost of all "
                               "countries together in {currency}."),
    "programme.timeline_note": "Number of cohorts starting in each quarter, per country.",
    "programme.version": "v{version}, approved {date}",
    "programme.col.country": "Country", "programme.col.engagement": "Engagement",
    "programme.col.plan": "Plan", "programme.col.orgs": "Organisations",
    "programme.col.gaps": "Gaps", "programme.col.cohorts": "Cohorts",
    "programme.col.places": "Places", "programme.col.period": "Period",
    "programme.col.cost": "Cost", "programme.col.base": "Cost ({currency})",
    "programme.col.unplaced": "Needs not placed",
    "programme.col.unplaced_cost": "Not placed, est. ({currency})",
    "programme.unplaced_note": ("Needs not placed: what the plans could not schedule within their "
                                "limits, and their estimated participant cost in {currency} — "
                                "not funded by the totals above."),
    "programme.none": "No plan is approved yet: there is nothing to put side by side.",
    "demo.mark": "DEMO DATA",
    "brief.title": "Brief for the minister: digital skills of {who}",
    "brief.found": "What the assessment found", "brief.proposed": "What the plan proposes",
    "brief.asked": "What is asked of you",
    "brief.none": "No organisation has a validated assessment yet.",
    "brief.plan": ("{modules} training module(s) in {cohorts} cohort(s) for {participants} "
                   "participant places, from {first} to {last}; total cost {total}."),
    "brief.priority": "Priority {rank}: {module}, for {n} organisation(s), from {month}.",
    "brief.priority_org": "Priority {rank}: {module}, from {month}.",
    "brief.ask_approve": "Approve the training plan (version {version}) so cohorts can be confirmed.",
    "brief.ask_nominate": ("Ask each organisation to name its participants before {month}, "
                           "as many women as men where it can."),
    "brief.ask_release": "Release the staff named for their training days.",
    "brief.ask_unfit": ("Decide how to serve the {count} need(s) the plan could not place "
                        "(another country's cohort, in-house sessions, coaching)."),
    "brief.source": ("From training plan version {version} ({status}); the full plan gives "
                     "the evidence, the schedule and the budget."),
    "demo.note": ("DEMO DATA: the organisations are real, their ratings and everything said are "
                  "invented to show how govcap works. Not an assessment of anyone."),
    # section headings
    "h.summary": "Executive summary", "h.method": "Method", "h.findings": "Findings",
    "h.priorities": "Priorities", "h.modules": "Training modules",
    "h.schedule": "Cohort schedule", "h.budget": "Budget",
    "h.monitoring": "Monitoring and evaluation", "h.actions": "Action table",
    "h.annex": "Annex: organisation profiles and evidence",
    "h.sections": "Sections of the assessment", "h.scale": "The rating scale",
    "h.heatmap": "Levels by organisation and section", "h.domains": "Summary by training domain",
    "h.unfit": "Needs the plan could not place", "h.unknowns": "Sections not assessed",
    "h.month_table": "Month by month", "h.gantt": "Timeline", "h.cohorts": "Cohorts",
    "h.by_domain": "By training domain", "h.by_module": "By module",
    "h.by_month": "By month", "h.by_org": "By organisation", "h.indicators": "Indicators",
    "h.kirkpatrick": "Evaluation of each module (Kirkpatrick's four levels)",
    "h.profile": "Profile", "h.evidence": "Training needs and the evidence behind them",
    # summary
    "summary.scope": ("{orgs} organisation(s) were assessed in a validated focus-group session. "
                      "Against the agreed targets, {gaps} gap(s) were found on {gap_orgs} "
                      "organisation(s); {unknowns} section rating(s) were not assessed and "
                      "are listed rather than guessed."),
    "summary.scope_org": ("{org} took part in the focus-group assessment. Against the agreed "
                          "targets, {gaps} gap(s) were found; {unknowns} section(s) were not "
                          "assessed and are listed rather than guessed."),
    "summary.coverage": ("Of the {engaged} organisation(s) engaged, {validated} are in this plan "
                         "(their latest validated session counts)."),
    "summary.not_covered": "Not in this plan yet — {groups}.",
    "coverage.submitted": "awaiting validation: {names}",
    "coverage.in_progress": "session under way: {names}",
    "coverage.draft": "session scheduled: {names}",
    "coverage.none": "no session yet: {names}",
    "summary.since": ("Since {round}: {up} section rating(s) improved and {down} regressed "
                      "(latest validated sessions of both rounds)."),
    "summary.regressions": "Regressed: {items}.",
    "h.changes": "What changed since {round}",
    "col.then": "Then", "col.now": "Now", "col.change": "Change",
    "change.up": "improved", "change.down": "regressed",
    "summary.weakest": "Weakest area: {section}, where {n} of {total} organisation(s) stand at Basic.",
    "summary.strongest": "Strongest area: {section}, with {n} of {total} organisation(s) at High.",
    "summary.most_gaps": "{org} has the most gaps: {n} of {sections} sections below target.",
    "summary.org_furthest": "Furthest from target: {sections}.",
    "summary.org_at_target": "At or above target: {sections}.",
    "summary.plan": ("The plan answers them with {modules} training module(s) delivered in "
                     "{cohorts} cohort(s) for {participants} participant places, from {first} "
                     "to {last}, at a total cost of {total}."),
    "summary.empty": "No cohort is scheduled: every assessed section is at its target level.",
    "summary.none_placed": "No cohort could be scheduled for these gaps within the plan.",
    "summary.unfit": ("{count} need(s) could not be placed in a cohort; they are listed with "
                      "the reason in the schedule chapter (estimated participant cost {amount})."),
    "summary.allfit": "Every need found a cohort within the planning horizon.",
    "summary.domains": "Training by domain", "kf.item": "Key figure", "kf.value": "Value",
    "kf.orgs": "Organisations assessed", "kf.gaps": "Gaps against target",
    "kf.modules": "Modules", "kf.cohorts": "Cohorts", "kf.places": "Participant places",
    "kf.period": "Period", "kf.total": "Total cost", "kf.unfit": "Needs not placed",
    # method
    "method.p1": ("The assessment follows GovStack's rapid skills assessment: a focus-group "
                  "discussion (FGD) with the ICT practitioners of each ministry or agency, "
                  "led by a moderator with a note-taker, after the participants' consent. "
                  "The moderator reads the introduction and walks through {n} sections; for "
                  "each, participants rate their organisation individually against written "
                  "benchmarks, discuss, and agree a consensus level with its reasons."),
    "method.p2": ("Ratings take the temperature of an organisation; they are not a score to "
                  "rank ministries. A section nobody could speak to is recorded as not "
                  "assessed and never planned for. Only validated sessions count, and for "
                  "each organisation its latest one."),
    "method.p3": ("Each gap between a section's level and its target calls for the catalogue "
                  "modules that serve that section at that step (Basic to Moderate, Moderate "
                  "to High, then sustaining High). Organisations needing the same module are "
                  "grouped in cohorts by language, scheduled within the horizon respecting "
                  "prerequisites and capacity, and costed from the catalogue rates."),
    "method.instrument": "Instrument: {title}.",
    "col.level": "Level", "col.meaning": "What it means",
    "scale.basic": "Practices are absent, ad hoc or depend on individuals.",
    "scale.moderate": "Practices exist and are applied in part, not yet consistently.",
    "scale.high": "Practices are established, consistent, measured and improved.",
    "col.number": "No.", "col.section": "Section", "col.domain": "Training domain",
    # findings
    "findings.heatmap": ("Each cell is the consensus level an organisation agreed on a "
                         "section; hatched cells were not assessed."),
    "col.organisation": "Organisation", "col.basic": "Basic", "col.moderate": "Moderate",
    "col.high": "High", "col.na": "Not assessed", "col.gaps": "Gaps",
    "col.reason": "Reason",
    # priorities
    "priorities.p": ("Needs are ranked by the size of the gap, the strategic weight of the "
                     "section and the confidence of the rating; a prerequisite ranks with the "
                     "module that needs it. Strategic sections: {sections}."),
    "priorities.none": "none",
    "col.rank": "Rank", "col.module": "Module", "col.title": "Title", "col.step": "Step",
    "col.orgs": "Organisations", "col.score": "Priority score", "col.origin": "Origin",
    # modules
    "mod.summary": "Summary", "mod.objectives": "Learning objectives",
    "mod.audience": "Audience", "mod.days": "Duration", "mod.delivery": "Delivery",
    "mod.step": "Level step", "mod.prerequisites": "Prerequisites",
    "mod.competences": "e-CF competences", "mod.cohort": "Cohort size",
    "mod.followup": "Follow-up and technical assistance", "mod.sections": "Sections served",
    "mod.days_value": "{days} day(s)", "mod.cohort_value": "{min} to {max} participants",
    "mod.none": "none",
    # schedule
    "schedule.p": ("Cohorts run from {first} to {last}; at most {parallel} cohort(s) run in "
                   "the same month. Months closed to training: {blackout}."),
    "col.month": "Month", "col.cohorts": "Cohorts", "col.participants": "Participants",
    "col.cohort": "Cohort", "col.language": "Language", "col.cost": "Cost",
    "col.amount": "Amount", "col.share": "Share", "col.days": "Days",
    "cohort.with_others": "{org} with {n} other organisation(s)",
    "col.your_participants": "Its participants", "col.cohort_size": "Cohort size",
    "col.your_share": "Its share of the cost", "col.cohort_cost": "Cohort cost",
    "gantt.title": "Cohorts by month", "gantt.month_axis": "Month",
    "gantt.note": ("One row per module; a box marks a month with a cohort of the module and "
                   "gives its number of participants. Colours show the training domain."),
    "kirk.when": "When each level is measured, per module:",
    "unfit.none": "None: every need found a cohort.",
    "empty.cohorts": "No cohort is scheduled in this plan.",
    "empty.needs": "No training need was found: every assessed section is at its target.",
    "unfit.estimate": "Estimated participant cost of the needs not placed: {amount}.",
    # budget
    "budget.p": ("Amounts are in {currency}. A cohort costs participants × days × the daily "
                 "rate plus a fixed cost per cohort; each organisation pays its own "
                 "participant-days and a share of the fixed cost in proportion to its "
                 "participants. Every breakdown adds up to the total, {total}."),
    # monitoring
    "monitoring.p": ("Each gap has an indicator: the section's consensus level at "
                     "reassessment, {after} month(s) after the last module that serves it, "
                     "must reach the target. Each module is evaluated on Kirkpatrick's four "
                     "levels."),
    "col.indicator": "Indicator: level at reassessment on", "col.baseline": "Baseline", "col.target": "Target",
    "col.modules": "Modules", "col.reassess": "Reassessment", "col.status": "Status",
    "col.method": "Method", "col.when": "When",
    "kirk.reaction": "Reaction", "kirk.learning": "Learning", "kirk.behaviour": "Behaviour",
    "kirk.results": "Results",
    "kirkm.reaction": ("End-of-course survey of every participant: relevance to their work, "
                       "quality of delivery, intention to apply."),
    "kirkm.learning": ("Pre-test at the start and post-test at the end of each cohort, one "
                       "item per learning objective; report the average gain."),
    "kirkm.behaviour": ("Follow-up with participants and their supervisors 3 to 6 months "
                        "after the course: are the outputs of the objectives in use at work?"),
    "kirkm.results": ("Reassessment of the sections the module serves with the same "
                      "instrument, compared with the baseline."),
    "when.none": "after the last cohort",
    "ind.on-plan": "On plan", "ind.partly-unfit": "Partly placed", "ind.unfit": "Not placed",
    "ind.dropped": "Dropped",
    # actions
    "col.measure": "Strengthening measure", "col.responsibility": "Responsibility",
    "col.timeline": "Timeline", "col.funding": "Total funding",
    "col.source": "Funding source", "col.ta": "Technical assistance",
    "action.measure": ("{title} ({code}): {cohorts} cohort(s) of {days} day(s), {delivery}, "
                       "{people} participants from {orgs} organisation(s)"),
    "action.source_unset": "To be agreed with funders",
    "action.responsibility_default": ("Engagement coordinator, with the heads of the "
                                      "participating organisations"),
    # annex
    "annex.p": ("For each organisation: its level on each section against the target, then "
                "each module it takes with the ratings and notes that call for it."),
    "col.need": "Training need", "col.evidence": "Evidence",
    "evidence.rated": "Rated {level} on {section}",
    "evidence.notes": "Notes: “{notes}”",
    "evidence.confidence": "({confidence} confidence)",
    "confidence.high": "high", "confidence.medium": "medium", "confidence.low": "low",
    "evidence.evidence": "Evidence mentioned: “{text}”",
    "evidence.dissent": "Dissent: “{text}”",
    "evidence.quote": "{who}: “{text}”",
    "evidence.quote_unattributed": "A participant: “{text}”",
    "evidence.prerequisite": "Prerequisite of {modules}.",
    "evidence.added": "Added by the coordinator.",
    "status.gap": "Gap", "status.at-target": "At target", "status.unknown": "Not assessed",
    "status.scheduled": "Scheduled {month}", "status.unfit": "Not placed",
    "status.dropped": "Dropped",
    # values
    "step.basic-moderate": "Basic → Moderate", "step.moderate-high": "Moderate → High",
    "step.sustain-high": "Sustaining High",
    "delivery.in-person": "in person", "delivery.blended": "blended",
    "delivery.online": "online",
    "origin.gap": "Gap", "origin.prerequisite": "Prerequisite", "origin.added": "Added",
    "origin.follow-on": "Follow-on",
    "rounds.follow_on": ("Had {codes} in the approved plan of {plan}; still {level} on "
                         "{section} → {kind} instead of repeating the course."),
    "rounds.delivered": ("Completed {codes} in {plan}; still {level} on {section} → "
                         "{kind} instead of repeating the course."),
    "rounds.regressions": "Regression since the previous round: {items}.",
    "rounds.regression_item": "{org}, {section} ({then} → {now})",
    "kind.coaching": "coaching", "kind.on-the-job": "an on-the-job project",
    "kind.training-of-trainers": "training of trainers", "kind.e-learning": "e-learning",
    "h.alternatives": "Other ways to close these gaps",
    "alt.p": ("Each need above can still be met another way: joining another engagement's cohort "
              "of the same course in the same language where it has places free, an in-house "
              "session, coaching or e-learning. Costs are for this organisation's participants; "
              "joining costs only their participant-days."),
    "alt.join": "Join the cohort of {plan} ({country})",
    "alt.places": "{n} free", "alt.places_short": "{n} free — fewer than needed",
    "alt.in_house": "An in-house session of {code} for this organisation alone",
    "alt.coaching": "Coaching: {code} {title}", "alt.e-learning": "E-learning: {code} {title}",
    "col.alternative": "Alternative", "col.places": "Places",
    "mod.kind": "Kind", "kindname.coaching": "Coaching", "kindname.on-the-job": "On-the-job project",
    "kindname.training-of-trainers": "Training of trainers", "kindname.e-learning": "E-learning",
    "mod.kind_note": ("Not a course: given instead of repeating a course when an organisation's "
                      "gap persists after it, or offered when no cohort can hold a course. One "
                      "organisation can hold it alone."),
    "lang.en": "English", "lang.fr": "French", "lang.ar": "Arabic", "lang.so": "Somali",
    "lang.am": "Amharic", "lang.sw": "Swahili",
    "unfit.no-module": "The catalogue has no module for this step.",
    "unfit.below-minimum": "Too few participants for the module's minimum cohort.",
    "unfit.over-maximum": "More participants than the module's largest cohort.",
    "unfit.prerequisite-unfit": "A prerequisite could not be placed.",
    "unfit.capacity": "No month with free capacity in the horizon.",
    "unfit.horizon": "The prerequisites push it past the planning horizon.",
    "domain.design-systems-thinking": "Design and Systems Thinking",
    "domain.agile": "Agile Methodology", "domain.project-management": "Project Management",
    "domain.change-management": "Change Management",
    "domain.digital-policy": "Policy for Digital Governments",
    "domain.service-management": "Service Management and Business Analysis",
    "domain.enterprise-architecture": "Enterprise Architecture",
    # spreadsheet
    "sheet.needs": "Needs", "sheet.cohorts": "Cohorts", "sheet.schedule": "Schedule",
    "sheet.budget": "Budget", "sheet.orgs": "Per organisation",
}

LABELS: dict[str, dict[str, str]] = {"en": EN, "fr": FR}

MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
}


class Labels(Mapping[str, str]):
    """The labels of one language, English for a missing key; ``t(key, **values)`` fills."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LABELS else "en"
        self._table = {**EN, **LABELS[self.language]}

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def __iter__(self):
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def t(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    def get_or(self, key: str, default: str) -> str:
        return self._table.get(key, default)

    def month(self, month: str | None) -> str:
        """``"2026-03"`` → ``"Mar 2026"`` / ``"mars 2026"``; None → an en dash."""
        if not month:
            return "–"
        year, number = month.split("-")
        return f"{MONTHS[self.language][int(number) - 1]} {year}"

    def span(self, first: str | None, last: str | None) -> str:
        """A month range, or the one month when both ends are the same."""
        if first == last or not last:
            return self.month(first)
        return f"{self.month(first)} – {self.month(last)}"

    def level(self, key: str | None) -> str:
        with translation.override(self.language):
            return words.level_label(key)

    def number(self, value: int) -> str:
        text = f"{value:,}"
        return text.replace(",", "\u202f") if self.language == "fr" else text

    def money(self, cents: int, currency: str) -> str:
        """``USD 12,345.00`` in English, ``12 345,00 USD`` in French (`format_money`)."""
        return format_money(cents, currency, self.language)


def labels(language: str) -> Labels:
    return Labels(language)


def plan_title(language: str, engagement: str) -> str:
    """The cover title in the document's language, for ``PlanDocumentContext.title``."""
    return Labels(language).t("doc.title", engagement=engagement)
