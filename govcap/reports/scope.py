"""What one document covers: the whole plan, or one organisation's share of it.

Costs, participants and every breakdown are computed from the cohorts in scope, so the
per-organisation plan adds up to that organisation's share (``Budget.by_org``) exactly as
the full plan adds up to ``Budget.total_cents``. Texts the plan data holds in English
(evidence, indicators, action measures) are rebuilt here from their structured fields in
the document's language.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property

from govcap.localise import inside_quotes, sorted_names
from govcap.planning.core.budget import to_cents
from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.diff import (
    after_courses,
    before_companion,
    moved_before_companion,
    without_companion,
)
from govcap.planning.core.narrow import attended, concerns, own_rows
from govcap.planning.core.period import PlanPeriod, plan_period
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    Cohort,
    Gap,
    Need,
    PlanData,
    replaces_op_id,
)
from govcap.planning.core.priority import module_ranks
from govcap.planning.wording import instead_of, overdue
from govcap.reports import course_states, rounds
from govcap.reports.context import PlanDocumentContext
from govcap.reports.labels import Labels
from govcap.reports.model import Money
from govcap.scale import SECTION_DOMAIN, SECTION_KEYS

_PLACED = re.compile(r"^(\S+) placed in (\d{4}-\d{2})$")  # stored plans' words (Scope.moved)


class Scope:
    def __init__(self, plan: PlanData, ctx: PlanDocumentContext, catalogue: Catalogue | None,
                 labels: Labels) -> None:
        self.plan, self.ctx, self.catalogue, self.L = plan, ctx, catalogue, labels
        self.org_id = ctx.organisation_id
        self.currency = ctx.currency or plan.currency
        self.names = {o.org_id: o.org_name for o in plan.organisations}
        if self.org_id is not None and self.org_id not in self.names:
            raise ValueError(f"organisation {self.org_id!r} is not in the plan")

    # ── what is in scope ──────────────────────────────────────────────────────────────

    def mine(self, org_id: str) -> bool:
        return concerns(org_id, self.org_id)

    @cached_property
    def later_round(self) -> str:
        """The later round of the country that reassesses this plan, named in the
        document's language when known (the context's), else by its stored name; "" when
        none: the plan of an earlier round re-generated once the next round exists."""
        stored = str(self.plan.extra.get("later_round") or "")
        return (self.ctx.later_round or stored) if stored else ""

    @cached_property
    def organisations(self) -> list[str]:
        """Org ids in scope, by name."""
        ids = [o.org_id for o in self.plan.organisations if self.mine(o.org_id)]
        return sorted(ids, key=lambda i: (self.names[i].casefold(), i))

    @cached_property
    def needs(self) -> list[Need]:
        return [n for n in own_rows(self.plan.needs, self.org_id) if n.status != DROPPED]

    @cached_property
    def ranks(self) -> dict[str, int]:
        """Module code → its priority in the national plan: one organisation's plan keeps
        the numbers the whole plan gives (its rank 1 may be the plan's 4)."""
        return module_ranks(n for n in self.plan.needs if n.status != DROPPED)

    @cached_property
    def left_out(self) -> list[Need]:
        """Needs the coordinator removed with an edit: their gaps stay open, on purpose."""
        dropped = [n for n in own_rows(self.plan.needs, self.org_id) if n.status == DROPPED]
        return sorted(dropped, key=lambda n: (self.names.get(n.org_id, n.org_name).casefold(),
                                              n.module_code))

    def gaps_of(self, need: Need) -> list[Gap]:
        """The gaps a need serves, in section order."""
        return sorted((g for g in self.plan.gaps
                       if g.org_id == need.org_id and g.section_key in need.sections),
                      key=lambda g: g.section_number)

    @cached_property
    def edits_applied(self) -> int:
        """How many of the coordinator's edits the plan replayed with effect, a "Plan X
        instead" and the removal saved with it counted once, as the Edits list says them."""
        applied = [op for op in self.plan.operations if op.status == "applied"]
        paired = {replaces_op_id(op.op_id) for op in applied if op.kind == "add-module"}
        return sum(1 for op in applied if op.op_id not in paired)

    @cached_property
    def gaps(self) -> list[Gap]:
        return own_rows(self.plan.gaps, self.org_id)

    @cached_property
    def cohorts(self) -> list[Cohort]:
        """Scheduled cohorts in scope, by month then module."""
        found = [c for c in attended(self.plan.cohorts, self.org_id)
                 if c.status == SCHEDULED and c.month]
        return sorted(found, key=lambda c: (c.month or "", c.module_code, c.cohort_id))

    @cached_property
    def period(self) -> PlanPeriod:
        """The plan's period (planning.core.period), the one every chapter says."""
        return plan_period(self.plan, self.org_id)

    @cached_property
    def moved(self) -> dict[str, str]:
        """Cohort ID → the month the coordinator moved it to (edits that applied), read from
        the replay's data (``OperationResult.facts``: the course and its month), not from
        its English message; a plan stored before the replay kept them: from the message,
        whose words that plan keeps."""
        out: dict[str, str] = {}
        for op in self.plan.operations:
            if op.kind != "move-cohort" or op.status != "applied":
                continue
            cohort, month = op.facts.get("cohort"), op.facts.get("month")
            if cohort and month:
                out[str(cohort)] = str(month)
            elif found := _PLACED.match(op.message):  # stored before 2026-12
                out[found.group(1)] = found.group(2)
        return out

    def held(self, name: str) -> str:
        """An organisation's name inside a sentence: in a right-to-left document a Latin
        name is held left to right whole (LRI … PDI), so the sentence's punctuation stays
        outside it ("… Immigration and Naturalization Directorate." broke, its full stop
        set with the name); elsewhere, the name as it is."""
        return inside_quotes(name, self.L.language)

    def cohort_of(self, need: Need) -> Cohort | None:
        return next((c for c in self.plan.cohorts if c.cohort_id == need.cohort_id), None)

    def state(self, cohort: Cohort | None, month: str | None = None,
              credited: bool = True) -> str:
        """A course's state in the plan, as the plan page's needs table says a kept one
        ("Delivered", "Running", "Being prepared"), with its month; a course the
        coordinator moved says so (not when ``credited`` is False: the cohorts' and the
        priorities' tables say its month, the assumptions and the evidence credit the
        move); any other: "Scheduled July 2027"."""
        L = self.L
        month = cohort.month if cohort is not None else month
        recorded = self.recorded_state(cohort) if cohort is not None else ""
        if recorded:  # what its delivery records: Kenya's baseline said "Scheduled July
            return recorded  # 2025" of courses delivered that month (issue 14, fresh eyes)
        if cohort is not None and cohort.delivery:
            late = overdue(cohort.delivery, month, self.ctx.today)
            if late:  # its month is past and its delivery does not say it happened
                return L.t(f"status.{late}", month=L.month(month))
            return L.t("status.kept", state=L[f"course.{cohort.delivery}"],
                       month=L.month(month))
        late, when = self.late(cohort) if cohort is not None else ("", "")
        if late:  # an approved plan's own course: "Due August 2026, not recorded as run"
            return L.t(f"status.{late}", month=L.month(when))
        if credited and cohort is not None and self.moved.get(cohort.cohort_id) == month:
            return L.t("status.moved", month=L.month(month))
        return L.t("status.scheduled", month=L.month(month))

    def recorded_state(self, cohort: Cohort) -> str:
        """What a course's delivery records say of it, when it ran, runs, or was cancelled
        or merged: "Delivered 7–9 July 2025", "Running since 2 December 2026", as the
        organisation page says it; "" when the records say nothing more than the plan (none
        read, none recorded, one being prepared, one late: ``late`` says that)."""
        record = (self.ctx.records or {}).get(cohort.cohort_id)
        if record is None:
            return ""
        L = self.L
        said, month = course_states.state(cohort, self.ctx.records, self.ctx.today)
        if said == "completed":
            return (L.t("status.delivered", days=L.days(record.start, record.end))
                    if record.start else
                    L.t("status.kept", state=L["course.completed"], month=L.month(month)))
        if said == "in_progress":
            return (L.t("status.running", day=L.date(record.start)) if record.start else
                    L.t("status.kept", state=L["course.in_progress"], month=L.month(month)))
        if said in ("cancelled", "merged"):
            return L[f"course.{said}"]
        return ""

    @cached_property
    def status_as_of(self) -> str:
        """The day the courses' states are read on, when it is after the plan's date and the
        document says what became of its courses (an approved plan's delivery records, a
        kept course's delivery, a month gone by): Djibouti's plan of 30 April 2026 said
        "due November 2026, not recorded as run" with nothing saying when that was true.
        "" when the document says only what the plan says."""
        today = self.ctx.today or datetime.date.today()
        made = self.ctx.generated_on
        made = made.date() if isinstance(made, datetime.datetime) else made
        if today <= made:
            return ""
        if self.ctx.records is None and not any(c.delivery for c in self.cohorts):
            return ""
        return self.L.date(today)

    @staticmethod
    def months_running(cohort: Cohort) -> list[str]:
        """The months a course's training days fall in: a course's one month, coaching's and
        an on-the-job project's each month of its spread (``Cohort.day_months``). The
        timeline and the workbook's Schedule sheet both show a course in these months."""
        return [m for m, _ in cohort.day_months] or ([cohort.month] if cohort.month else [])

    def late(self, cohort: Cohort) -> tuple[str, str]:
        """("not_run" | "not_completed", its month) when an approved plan's own course's
        month has passed and its delivery records do not say it ran (or finished), as the
        plan page and the programme plan say it (course_states); ("", "") otherwise — a
        draft's course, one ahead, one recorded, one kept from an earlier version (whose
        state ``state`` says from the plan)."""
        if cohort.delivery or self.ctx.records is None:
            return "", ""
        said, month = course_states.state(cohort, self.ctx.records, self.ctx.today)
        return (said, month) if said in ("not_run", "not_completed") else ("", "")

    def cost(self, cohort: Cohort) -> int:
        return sum(m.cost_cents for m in cohort.members if self.mine(m.org_id))

    def participants(self, cohort: Cohort) -> int:
        return sum(m.participants for m in cohort.members if self.mine(m.org_id))

    def cohort_columns(self, cohort: Cohort) -> list:
        """The cohort's organisations, participants and cost; in one organisation's plan,
        the whole cohort beside that organisation's places and share, so a cohort shared
        with others is never shown as if it were its own."""
        if self.org_id is None:  # one a line, in every document and the workbook alike
            orgs = "\n".join(sorted_names(self.names.get(i, i) for i in dict.fromkeys(
                cohort.org_ids)))
            return [orgs, self.participants(cohort), self.money(self.cost(cohort))]
        others = len(set(cohort.org_ids) - {self.org_id})
        # Others are counted, not named: their gaps are theirs to share.
        orgs = (self.L.t("cohort.with_others", org=self.names[self.org_id], n=others)
                if others else self.names[self.org_id])
        return [orgs, self.participants(cohort),
                sum(m.participants for m in cohort.members), self.money(self.cost(cohort)),
                self.money(sum(m.cost_cents for m in cohort.members))]

    def cohort_headers(self) -> list[tuple[str, str]]:
        """(label, kind) of the columns ``cohort_columns`` fills."""
        L = self.L
        if self.org_id is None:
            return [(L["col.orgs"], "text"), (L["col.participants"], "number"),
                    (L["col.cost"], "money")]
        return [(L["col.orgs"], "text"), (L["col.your_participants"], "number"),
                (L["col.cohort_size"], "number"), (L["col.your_share"], "money"),
                (L["col.cohort_cost"], "money")]

    @cached_property
    def modules(self) -> list[str]:
        """Codes of the scheduled modules in scope, in catalogue order when known."""
        codes = {c.module_code for c in self.cohorts}
        order = {c: i for i, c in enumerate(self.catalogue.order)} if self.catalogue else {}
        return sorted(codes, key=lambda c: (order.get(c, 10**6), c))

    @cached_property
    def total_cents(self) -> int:
        """The cohorts in scope, plus (cost model) the reassessment sessions and the share
        of the contingency: the budget's total, or the organisation's ``by_org``."""
        return sum(self.breakdown("org").values())

    def breakdown(self, key: str) -> dict[str, int]:
        """Cost by ``domain``, ``module``, ``month`` or ``org`` over the cohorts in scope;
        the reassessment sessions and the contingency under ``reassessment`` and
        ``contingency`` (their months in the month breakdown), so each sums to the total."""
        out: dict[str, int] = {}
        for c in self.cohorts:
            if key == "org":
                for m in c.members:
                    if self.mine(m.org_id):
                        out[m.org_id] = out.get(m.org_id, 0) + m.cost_cents
                continue
            k = {"domain": c.domain, "module": c.module_code, "month": c.month or ""}[key]
            out[k] = out.get(k, 0) + self.cost(c)
        budget = self.plan.budget
        for line in budget.lines:
            if line.category == "reassessment" and self.mine(line.org_id or ""):
                k = (line.org_id or "") if key == "org" else (
                    line.month or "" if key == "month" else "reassessment")
                out[k] = out.get(k, 0) + line.amount_cents
        for org_id, categories in budget.org_categories.items():
            share = categories.get("contingency", 0)
            if share and self.mine(org_id):
                k = org_id if key == "org" else "contingency"
                out[k] = out.get(k, 0) + share
        return out

    def outside_cohorts(self) -> list[tuple[str, int]]:
        """The cost model's amounts in scope that no cohort carries — the reassessment
        sessions and the contingency — as (category, cents): a table whose total includes
        them lists them as rows of their own, so its rows add up to its total."""
        by_module = self.breakdown("module")  # cohorts by module; these two by their names
        return [(k, by_module[k]) for k in ("reassessment", "contingency") if by_module.get(k)]

    @cached_property
    def unfit(self) -> list:
        return own_rows(self.plan.unfit, self.org_id)

    @cached_property
    def unfit_estimate_cents(self) -> int:
        budget = self.plan.budget
        if self.org_id is None:
            return budget.unscheduled_estimate_cents
        if budget.unscheduled_by_org or not budget.unscheduled_estimate_cents:
            # the budget's own figure (planning.core.budget.need_cents, as the alternatives)
            return budget.unscheduled_by_org.get(self.org_id, 0)
        total = 0  # a plan stored before: its participant-days at the catalogue's price
        for u in self.unfit:
            module = self.module(u.module_code) if u.module_code else None
            if module is None:
                continue
            need = next((n for n in self.needs if n.module_code == u.module_code), None)
            if need is not None:
                total += need.participants * module.days * self._rate(module)
        return total

    def _rate(self, module: Module) -> int:
        """Cents per participant-day in the plan's currency (as the budget computed it)."""
        constraints = self.plan.settings.get("constraints", {})
        override = constraints.get("cost_overrides", {}).get(module.code, {})
        if override.get("per_participant_day") is not None:
            return to_cents(Decimal(str(override["per_participant_day"])))
        rate = Decimal(str(constraints.get("exchange_rate", "1")))
        return to_cents(module.cost_per_participant_day * rate)

    # ── words ─────────────────────────────────────────────────────────────────────────

    def money(self, cents: int) -> Money:
        return Money(cents, self.currency, self.L.money(cents, self.currency))

    def module(self, code: str | None) -> Module | None:
        if not code or self.catalogue is None:
            return None
        return self.catalogue.by_code.get(code)

    def module_title(self, code: str) -> str:
        module = self.module(code)
        return module.title if module else code

    def course_name(self, code: str) -> str:
        """"POL-103 GovTech and digital public infrastructure for policy makers", as the
        brief and the annex name a course; the code alone when the catalogue lacks it."""
        module = self.module(code)
        return f"{code} {module.title}" if module else code

    def course_names(self, codes) -> str:
        return self.L.commas(self.course_name(code) for code in codes)

    def section_title(self, key: str) -> str:
        title = self.ctx.section_titles.get(key)
        if title:
            return title
        gap = next((g for g in self.plan.gaps if g.section_key == key), None)
        number = SECTION_KEYS.index(key) + 1 if key in SECTION_KEYS else 0
        return f"{number}. {gap.section_title}" if gap else f"{number}. {key}"

    def section_domain(self, key: str) -> str:
        return self.domain(SECTION_DOMAIN.get(key, ""))

    def domain(self, key: str) -> str:
        return self.L.get_or(f"domain.{key}", key)

    def step(self, key: str) -> str:
        return self.L.get_or(f"step.{key}", key)

    def language(self, key: str) -> str:
        return self.L.get_or(f"lang.{key}", key)

    def org_list(self, ids: Iterable[str]) -> str:
        return self.L.commas(sorted((self.names.get(i, i) for i in ids), key=str.casefold))

    def setting(self, name: str) -> str:
        value = self.plan.settings.get("constraints", {}).get(name, "")
        return str(value) if value is not None else ""

    def responsibility(self, text: str) -> str:
        default = self.L["action.responsibility_default"]
        english = Labels("en")["action.responsibility_default"]
        return default if not text or text == english else text

    def funding_source(self, text: str) -> str:
        return text or self.L["action.source_unset"]

    @cached_property
    def _gaps_by_rating(self) -> dict[str, Gap]:
        return {g.rating_id: g for g in self.plan.gaps}

    def rated_lines(self, gap: Gap) -> list[str]:
        """How a section was rated and what the session shared about it: only the shared
        wording of its notes, evidence, dissent and quotes (quotes by participant code).
        Each its own line: in an Arabic document a French or English quotation is held
        left to right beside its Arabic label, and two quotations in one line broke into
        each other ("…sur le» P4: «Lecture…")."""
        line = self.L.t("evidence.rated", level=self.L.level(gap.current.key),
                        section=self.section_title(gap.section_key))
        if gap.confidence:
            line += " " + self.L.t("evidence.confidence",
                                   confidence=self.L[f"confidence.{gap.confidence}"])
        # the benchmark in the document's language and quotation marks
        benchmark = self.ctx.benchmarks.get(gap.rating_id, gap.benchmark_text)
        if benchmark:
            line += self.L.colon() + self.L.quote(benchmark)
        inside = self.L.inside_quotes  # the translations write the marks around these
        parts = [line]
        for kind, who, text in gap.said():  # the shared wording only, as the plan page
            if kind == "notes":
                parts.append(self.L.t("evidence.notes", notes=inside(text)))
            elif kind == "evidence":
                parts.append(self.L.t("evidence.evidence", text=inside(text)))
            elif kind == "dissent":
                parts.append(self.L.t("evidence.dissent", text=inside(text)))
            else:
                parts.append(self.L.t("evidence.quote", who=who, text=inside(text)) if who
                             else self.L.t("evidence.quote_unattributed", text=inside(text)))
        return parts

    def moved_ahead(self, need: Need) -> list[str]:
        """The courses ``need`` comes before because the coordinator moved one of the two
        (``core.diff.moved_before_companion``), said as the coordinator's doing."""
        if self.catalogue is None:
            return []
        grouped: dict[tuple[str, str], list[str]] = {}
        for first, code, month in moved_before_companion(self.plan, need, self.catalogue,
                                                         self.moved):
            grouped.setdefault((code, month), []).append(first)
        key = {True: "evidence.moved_ahead", False: "evidence.moved_first"}
        return [self.L.t(key[code == need.module_code], modules=self.L.commas(firsts),
                         month=self.L.month(month))
                for (code, month), firsts in grouped.items()]

    def evidence(self, need: Need) -> list[str]:
        """The ratings and notes that call for a need, in the document's language."""
        lines: list[str] = []
        if need.origin == "prerequisite" and need.required_by:
            lines.append(self.L.t("evidence.prerequisite", modules=self.L.commas(need.required_by)))
        if need.origin == "added":
            replaced = instead_of(need, self.plan)
            lines.append(self.L.t("evidence.instead", codes=self.course_names(replaced))
                         if replaced else self.L["evidence.added"])
        without = (without_companion(self.plan, need, self.catalogue)
                   if self.catalogue is not None else ())
        if without:
            lines.append(self.L.t("evidence.without_first", modules=self.L.commas(without)))
        ahead = (before_companion(self.plan, need, self.catalogue, self.moved)
                 if self.catalogue is not None else ())
        if ahead:
            lines.append(self.L.t("evidence.before_first", modules=self.L.commas(ahead)))
        lines += self.moved_ahead(need)
        after = (after_courses(self.plan, need, self.catalogue)
                 if self.catalogue is not None else ())
        if after:  # a coaching after its domain's courses (planning.core.schedule)
            lines.append(self.L.t("evidence.after_courses", modules=self.L.commas(after)))
        if need.follows:
            lines.append(rounds.follow_on_line(self, need))
        elif need.retried:  # not completed, or cancelled, in an earlier round: said why
            lines.append(rounds.planned_again_line(self, need))
        for rating_id in need.rating_ids:
            gap = self._gaps_by_rating.get(rating_id)
            if gap is None or gap.org_id != need.org_id:
                continue
            lines += self.rated_lines(gap)
        if not lines:
            lines = list(need.rationale)
        return lines
