"""The minister's brief: one page saying what was found, what is proposed and what is asked
of the reader — built from the same plan data and the same sentences as the plan's
summary, so the two never disagree. DOCX and PDF; the whole plan or one organisation's."""

from __future__ import annotations

import datetime

from govcap import localise
from govcap.orgs.names import country_of
from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import month_of
from govcap.planning.core.plan import SCHEDULED, PlanData
from govcap.reports import course_states, left_out, module_count
from govcap.reports.assumptions import later_round_sentence
from govcap.reports.build import (
    coverage,
    document_date,
    findings_in_words,
    is_draft,
    outcome,
    period,
    with_edits,
)
from govcap.reports.context import PlanDocumentContext
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Document, Heading, Para, Section
from govcap.reports.nominations import due_day, names_due
from govcap.reports.rounds import follow_on_line
from govcap.reports.scope import Scope

PRIORITIES_SHOWN = 3  # a page holds three; the plan lists them all


def build_brief(plan: PlanData, ctx: PlanDocumentContext,
                catalogue: Catalogue | None) -> Document:
    L = Labels(ctx.language)
    s = Scope(plan, ctx, catalogue, L)
    found = coverage(s) + findings_in_words(s)
    blocks: list = [Heading(L["brief.found"]), Bullets(tuple(found or [L["brief.none"]]))]
    blocks += [Heading(L["brief.proposed"]), Bullets(tuple(proposed(s) + changed(s)))]
    asks = asked(s)
    if asks:  # nothing to ask (no cohort, nothing unplaced): no heading over nothing
        blocks += [Heading(L["brief.asked"]), Bullets(tuple(asks))]
    blocks.append(Para(L.t("brief.source", version=ctx.version,
                           status=ctx.status_text(L, mid_sentence=True)), "note"))
    if s.org_id is not None:
        title = L.t("brief.title", who=s.names[s.org_id])
    else:  # the country with its article: "du Kenya", "de la Somalie"
        title = L.t("brief.title.country",
                    of_country=ctx.country_of or country_of("", ctx.country, L.language))
    section = Section("brief", title, blocks)
    section.number = 0
    when = document_date(ctx, L)
    # the plan's date, then the day the courses' states are read on when later (a brief of
    # 30 April said "due November 2026, not recorded as run" with no word of when)
    as_of = L.t("status_as_of", date=s.status_as_of) if s.status_as_of else ""
    facts = " · ".join(p for p in (ctx.engagement, ctx.round_label,
                                   with_edits(ctx, L, when, s.edits_applied), as_of) if p)
    watermark = ctx.marks(L)
    footer = " · ".join(p for p in (watermark, title, when if is_draft(ctx) else "") if p)
    return Document(language=L.language, title=title, subtitle=facts, cover=[],
                    cover_note=ctx.cover_note(L), sections=[section],
                    sheets=[], footer=footer,
                    page_label=L["footer.page"], page_of=L["footer.of"],
                    watermark=watermark, kind="brief",
                    made=ctx.generated_on, made_by=ctx.made_by, revision=ctx.version)


def changed(s: Scope) -> list[str]:
    """What changed since the version this one was made after, in one line: the budget
    then and now and how many changes (the whole plan gives them)."""
    ctx, L = s.ctx, s.L
    if s.org_id is not None or not ctx.changes:
        return []
    count = len([c for c in ctx.changes if not (ctx.budget_after and ctx.budget_after in c)])
    if ctx.budget_before:
        return [L.sentence("brief.changes", version=ctx.changes_since, count=count,
                           before=ctx.budget_before, after=ctx.budget_after)]
    return [L.sentence("brief.changes_same", version=ctx.changes_since, count=count)]


def proposed(s: Scope) -> list[str]:
    L = s.L
    if not s.cohorts:  # the summary's sentences: no cohort, and why
        return outcome(s)
    first, last = period(s)
    places = sum(s.participants(c) for c in s.cohorts)
    courses, classes, interventions, which = module_count.offered(s)  # as the summary says
    key = f"brief.{which}"
    out = [L.sentence(key, modules=courses, interventions=interventions,
               cohorts=classes, participants=places, first=first, last=last,
               total=s.money(s.total_cents).text)]
    kept = [c for c in s.cohorts if c.delivery]  # facts already, not proposals
    comma = localise.separator(L.language)  # "، " in Arabic, between a course and its state
    numbers = s.ranks  # as the plan's priorities table numbers them

    def course(c) -> str:  # "SVC-101 Defining … (priority 1)": the plan's number kept
        title = f"{c.module_code} {s.module_title(c.module_code)}"
        return (L.t("brief.with_rank", course=title, rank=numbers[c.module_code])
                if c.module_code in numbers else title)

    said: set[str] = set()  # the modules whose courses are said before the priorities
    if kept:
        said.update(c.module_code for c in kept)
        out.append(L.sentence("brief.kept", items=L.semicolons(  # an earlier version's
            f"{c.module_code} {s.module_title(c.module_code)}{comma}"
            f"{_lower_first(s.state(c))}" for c in kept)))
    overdue = [c for c in s.cohorts if s.late(c)[0]]  # approved, month past, not run
    if overdue:
        said.update(c.module_code for c in overdue)
        out.append(L.sentence("brief.overdue", items=L.semicolons(
            f"{course(c)}{comma}{_lower_first(s.state(c))}" for c in overdue)))
    # an approved plan's own courses its deliveries record as run: said as done (Kenya's
    # baseline, read in December 2026, listed its six delivered courses as priorities "from
    # July 2025", as if a minister still had them to start); by code and title, as a
    # minister reads them, not codes alone
    today = s.ctx.today or datetime.date.today()
    settled = _settled(s, today)
    done = [c for c in s.cohorts if not c.delivery and settled.get(c.cohort_id) == "completed"]
    if done:
        said.update(c.module_code for c in done)
        months = sorted(c.month for c in done if c.month)
        out.append(L.sentence("brief.delivered_titled", cohorts=len(done),
                              total=len(s.cohorts), when=L.span(months[0], months[-1]),
                              modules=L.semicolons(dict.fromkeys(course(c) for c in done))))
    # running in its month, cancelled or merged, as recorded: said, not left out unsaid
    other = [c for c in s.cohorts if not c.delivery and c not in overdue and c not in done
             and settled.get(c.cohort_id) in ("in_progress", "cancelled", "merged")]
    if other:
        said.update(c.module_code for c in other)
        out.append(L.sentence("brief.recorded", items=L.semicolons(
            f"{course(c)}{comma}{_lower_first(s.state(c))}" for c in other)))
    later = later_round_sentence(s)  # a later round reassesses it: as the plan says it
    if later:
        out.append(later)
    # the priorities are what is still to run: a course kept, or due and not recorded as run
    # (said above as what it is), is not one "from" a month gone by; nor one run, running,
    # cancelled or merged, nor any whose month has passed
    held = {c.cohort_id for c in kept} | {c.cohort_id for c in overdue} | set(settled)
    best: dict[str, tuple[int, set[str], str]] = {}  # module → (best rank, orgs, first month)
    for need in s.needs:
        if need.status != SCHEDULED or not need.month or not need.rank \
                or need.cohort_id in held:
            continue
        rank, orgs, month = best.get(need.module_code, (need.rank, set(), need.month))
        orgs.add(need.org_id)
        best[need.module_code] = (min(rank, need.rank), orgs, min(month, need.month))
    ranked = _after_its_course(s, sorted(best, key=lambda c: numbers[c]))[:PRIORITIES_SHOWN]
    # numbered as the plan numbers them: renumbered from 1, Djibouti's brief called DST-102
    # "Priority 1", the plan's priority 6, its first five having had their month pass; what
    # became of the priorities before the first to come is said (issue 14, fresh eyes)
    out += _before_first(s, ranked, said)
    for code in ranked:
        rank = numbers[code]
        _, orgs, month = best[code]
        key = "brief.priority" if s.org_id is None else "brief.priority_org"
        # one module the organisations have for different reasons (Kenya's follow-up: the
        # Treasury's follow-on POL-901 and the Ministry of Health's, planned instead of
        # POL-103, said as one "for 2 organisations"): each organisation's reason
        why = {n.org_id: left_out.origin_words(s, n) for n in s.needs
               if n.module_code == code and n.org_id in orgs and n.status == SCHEDULED}
        if key == "brief.priority" and len(set(why.values())) > 1:
            out.append(L.sentence("brief.priority_why", rank=rank,
                                  module=f"{code} {s.module_title(code)}", n=len(orgs),
                                  month=L.month(month), reasons=L.semicolons(
                                      f"{s.names.get(o, o)}: {_lower_first(why[o])}"
                                      for o in sorted(why, key=lambda o: str(s.names.get(
                                          o, o)).casefold()))))
            continue
        out.append(L.sentence(key, rank=rank, module=f"{code} {s.module_title(code)}",
                       n=len(orgs), month=L.month(month)))
    # why a coaching or a project rather than a course: the gap outlived last round's course;
    # each organisation once, the highest priorities first (the Kenya follow-up's brief
    # named the Immigration department twice and left out ICT Authority's priority 1)
    follows = sorted((n for n in s.needs if n.follows and n.status == SCHEDULED),
                     key=lambda n: (numbers.get(n.module_code, len(numbers) + 1),
                                    s.names.get(n.org_id, n.org_name).casefold()))
    told: set[str] = set()
    for need in follows:
        if need.org_id in told or len(told) == PRIORITIES_SHOWN:
            continue
        told.add(need.org_id)
        out.append(L.sentence("brief.follow_on", org=s.names.get(need.org_id, need.org_name),
                              line=follow_on_line(s, need)))
    if len(follows) > len(told):  # the others counted, with where the plan says each
        out.append(L.sentence("brief.follow_on_more", n=len(follows) - len(told),
                              annex=L["h.annex"]))
    if s.left_out:  # a gap deliberately left without training is said, not hidden
        out.append(left_out.summary(s))
    return out


def _after_its_course(s: Scope, ranked: list[str]) -> list[str]:
    """The priorities in their order, each coaching or on-the-job project right after the
    last of its courses listed (`Catalogue.coached_after`): the Ministry of Health's brief
    said "Priority 2: POL-901 … from May 2027" before "Priority 3: POL-102 … from April
    2027", the coaching its course comes before."""
    after = s.catalogue.coached_after if s.catalogue is not None else {}
    out = [c for c in ranked if not any(f in ranked for f in after.get(c, ()))]
    for code in ranked:
        if code in out:
            continue
        last = max(out.index(f) for f in after[code] if f in out) if any(
            f in out for f in after[code]) else len(out) - 1
        while last + 1 < len(out) and out[last + 1] in after and any(
                f in after[out[last + 1]] for f in after[code]):
            last += 1  # after another coaching of the same course already placed
        out.insert(last + 1, code)
    return out


def _settled(s: Scope, today: datetime.date) -> dict[str, str]:
    """Cohort ID → its state, for the courses no longer to be started: those whose delivery
    records say they ran, are running, were cancelled or merged, and those whose month has
    passed (a draft has no records: its passed months only)."""
    now = month_of(today)
    out = {}
    for c in s.cohorts:
        said = (course_states.state(c, s.ctx.records, today)[0]
                if s.ctx.records is not None else "")
        if said in ("completed", "in_progress", "not_completed", "cancelled", "merged") \
                or (c.month and c.month < now):
            out[c.cohort_id] = said
    return out


def _is_course(s: Scope, code: str) -> bool:
    module = s.module(code)
    return module is None or module.is_course


def asked(s: Scope) -> list[str]:
    """What the reader is asked: never to start a course in a month already past, nor a
    course kept from an earlier version (running, being prepared or delivered)."""
    L = s.L
    today = s.ctx.today or datetime.date.today()
    now = month_of(today)
    proposed = sorted(c.month for c in s.cohorts if c.month and not c.delivery)
    ahead = [m for m in proposed if m >= now]
    past = [c for c in s.cohorts if c.month and not c.delivery and c.month < now]
    if s.ctx.records is not None:  # approved: those recorded as run or cancelled stay
        past = [c for c in past if s.late(c)[0] == "not_run"]
    late = len(past)
    # the courses "whose month has passed" that the proposals list (one still running
    # among them): the count asked to be moved says how it differs from theirs
    passed = sum(1 for c in s.cohorts if s.late(c)[0])
    out = []
    if proposed:
        if s.ctx.status != "approved":
            out.append(L.sentence("brief.ask_approve", version=s.ctx.version))
        elif ahead:  # approved already: what follows is confirming, from this month on
            # a course already under way: it is the next courses that start, not training
            started = any(c.delivery in ("in_progress", "completed")
                          or course_states.state(c, s.ctx.records, today)[0]
                          in ("in_progress", "completed", "not_completed") for c in s.cohorts)
            key = "brief.ask_confirm_next" if started else "brief.ask_confirm"
            if s.org_id is not None and not any(_is_course(s, c.module_code)
                                                for c in s.cohorts if not c.delivery):
                key = "brief.ask_confirm_interventions"  # coaching only: no cohorts to confirm
            out.append(L.sentence(key, version=s.ctx.version, month=L.month(ahead[0])))
        if late and passed > late:
            out.append(L.sentence("brief.ask_late_of", count=late, total=passed,
                                  month=L.month(now)))
        elif late:  # their month has passed with no delivery recorded: not to start, to move
            out.append(L.sentence("brief.ask_late", count=late, month=L.month(now)))
        # a course kept from an earlier version has its participants; the names of a course
        # to come whose day has passed are asked first, at once; then by the next day to come
        unnamed = sorted({c.month for c in s.cohorts if c.month and not c.delivery
                          and c.month >= now and due_day(s, c.month) < today})
        if unnamed:
            out.append(L.sentence("brief.ask_nominate_late", date=names_due(s, unnamed[0]),
                                  courses=L.semicolons(
                                      f"{c.module_code} {s.module_title(c.module_code)} "
                                      f"({L.month(c.month)})" for c in sorted(
                                          (c for c in s.cohorts if c.month in unnamed
                                           and not c.delivery), key=lambda c: c.month or ""))))
        named = [m for m in ahead if due_day(s, m) >= today]
        if named:
            out.append(L.sentence("brief.ask_nominate", date=names_due(s, named[0]),
                                  month=L.month(named[0])))
        if ahead:
            out.append(L["brief.ask_release"])
    if s.unfit:
        out.append(L.sentence("brief.ask_unfit", count=len(s.unfit)))
    return out


def _lower_first(text: str) -> str:
    """A table's word inside a sentence: "Running, July 2026" → "running, July 2026"."""
    return text[:1].lower() + text[1:]


def _before_first(s: Scope, ranked: list[str], said: set[str]) -> list[str]:
    """What became of the plan's priorities before the last one the brief shows and not
    among those it shows: "The first priority still to come is the plan's priority 6; those
    before it are said above." — those not placed in a cohort named, as the plan's
    priorities table says them; nothing when the brief shows the plan's first."""
    L, numbers = s.L, s.ranks
    if not ranked:
        return []
    shown = set(ranked)
    mine = {n.module_code for n in s.needs}  # one organisation's: its own modules only
    before = sorted((code for code in mine if code in numbers and code not in shown
                     and numbers[code] < numbers[ranked[-1]]), key=lambda c: numbers[c])
    if not before:
        return []
    placed = {n.module_code for n in s.needs if n.status == SCHEDULED and n.month}
    unplaced = [c for c in before if c not in placed]
    out = []
    if numbers[ranked[0]] > min(numbers[c] for c in before):
        rest = [c for c in before if c not in unplaced]
        key = ("brief.first_to_come_said" if rest and all(c in said for c in rest)
               else "brief.first_to_come")
        out.append(L.sentence(key, rank=numbers[ranked[0]]))
    if unplaced:
        out.append(L.sentence("brief.ranks_unplaced", items=L.semicolons(
            L.t("brief.with_rank", course=f"{c} {s.module_title(c)}", rank=numbers[c])
            for c in unplaced)))
    return out
