"""Who to send: per course, the roles it is for, the places each organisation has, and the
gender balance aimed at beside the mix each organisation's focus group recorded — so
nominations are made against the plan, not "3 participants" whatever the course."""

from __future__ import annotations

import datetime as dt
import math

from govcap import localise
from govcap.planning.core import blackouts
from govcap.planning.core.catalogue import audience_names
from govcap.planning.core.inputs import NOMINATION_NOTICE_WEEKS, NOMINATION_WEEKS
from govcap.planning.core.plan import Cohort
from govcap.reports import cohort_numbers
from govcap.reports.model import Column, Para, Section, Table
from govcap.reports.scope import Scope


def plan_day(s: Scope) -> dt.date:
    """The plan's date: the one stored with its settings (a plan stored before plans were
    dated: the document's date)."""
    stored = s.plan.settings.get("constraints", {}).get("plan_date")
    if stored:
        return dt.date.fromisoformat(stored)
    made = s.ctx.generated_on
    return made.date() if isinstance(made, dt.datetime) else made


def due_day(s: Scope, month: str) -> dt.date:
    """The day the organisations name a course's participants by: a working day of the
    plan's country (``planning.core.blackouts.names_due``: the brief, this chapter, the
    workbook and the plan page)."""
    return blackouts.names_due(plan_day(s), month, blackouts.plan_country(s.plan))


def names_due(s: Scope, month: str | None) -> str:
    """The day the organisations name a course's participants by, as the reader writes it
    (`due_day`)."""
    return s.L.date(due_day(s, month)) if month else "–"


def mix_text(s: Scope, org_ids: list[str]) -> str:
    """"2 women of 6" over these organisations' focus-group participants ("–" if none)."""
    mix = s.plan.extra.get("gender_mix", {})
    women = sum(mix.get(o, {}).get("female", 0) for o in org_ids)
    total = sum(sum(mix.get(o, {}).values()) for o in org_ids)
    return s.L.t("nom.women_of", women=women, total=total) if total else "–"


def intervention_roles(s: Scope, cohort: Cohort) -> tuple[str, ...]:
    """Who an intervention (coaching, e-learning: no audience of its own) is for: the people
    of the courses it follows on from; one the coordinator planned instead of a course
    follows none — the people of its domain's courses, at its level step, on the sections
    whose gaps it serves (Ministry of Health's POL-901, planned instead of POL-103, had an
    empty "For")."""
    module = s.module(cohort.module_code)
    needs = [n for n in s.needs if n.cohort_id == cohort.cohort_id]
    earlier = {f.module_code for n in needs for f in n.follows}  # it follows on from
    if not earlier and module is not None and s.catalogue is not None:
        sections = {x for n in needs for x in n.sections} or set(module.sections)
        steps = set(getattr(module, "steps", ()) or (module.step,))
        earlier = {o.code for o in s.catalogue.modules if o.is_course
                   and o.domain == module.domain and o.step in steps
                   and set(o.sections) & sections}
    return tuple(dict.fromkeys(p for code in sorted(earlier)
                               for p in getattr(s.module(code), "audience", ())))


def nominations(s: Scope) -> Section:
    L = s.L
    target = s.plan.extra.get("women_target_percent")
    blocks: list = []
    if target is None:  # a plan stored before nominations were planned
        blocks.append(Para(L["nom.none"]))
        return Section("nominations", L["h.nominations"], blocks, wide=True)
    if not s.cohorts:  # no course to nominate anyone for: the chapter says only that
        return Section("nominations", L["h.nominations"], [Para(L["empty.cohorts"])],
                       wide=True)
    to_name = [c for c in s.cohorts if not c.delivery]  # kept courses have their people
    if not to_name:  # every course is under way or done: no names are due
        return Section("nominations", L["h.nominations"], [Para(L["nom.all_kept"])],
                       wide=True)
    blocks.append(Para(L.t("nom.intro", target=target, fgd=mix_text(s, s.organisations))
                       + " " + L.t("nom.due", weeks=NOMINATION_WEEKS,
                                   notice=NOMINATION_NOTICE_WEEKS)))
    if len(to_name) < len(s.cohorts):
        blocks.append(Para(L["nom.kept"]))
    personas = s.catalogue.personas if s.catalogue else {}
    rows = []
    numbered = cohort_numbers.numbers(s.plan)  # None: one cohort a module, no column
    for cohort in to_name:
        module = s.module(cohort.module_code)
        roles = module.audience if module else ()
        if module is not None and not roles:  # an intervention: the people of the course(s)
            roles = intervention_roles(s, cohort)
        # lower-case after the first name, as a list reads ("Chefs de projet, concepteurs…")
        audience = L.commas(audience_names(s.catalogue, roles) if s.catalogue
                            else [personas.get(p, p) for p in roles])
        members = localise.sorted_names((m for m in cohort.members if s.mine(m.org_id)),
                                        key=lambda m: s.names.get(m.org_id, m.org_id))
        places = sum(m.participants for m in members)
        rows.append([*([numbered.get(cohort.cohort_id, "")] if numbered is not None else []),
                     L.month(cohort.month),
                     f"{cohort.module_code} {s.module_title(cohort.module_code)}", audience,
                     # one a line: in a narrow Arabic column the list broke inside names
                     "\n".join(f"{s.names.get(m.org_id, m.org_id)}{L.colon()}{m.participants}"
                               for m in members),
                     L.t("nom.aim", women=math.ceil(places * target / 100), places=places),
                     mix_text(s, [m.org_id for m in members]), names_due(s, cohort.month)])
    first = [Column(L["col.cohort"], 0.9)] if numbered is not None else []
    blocks.append(Table([*first, Column(L["col.month"], 0.9),
                         Column(L["col.module"], 2.4), Column(L["nom.col.audience"], 2.4),
                         Column(L["nom.col.places"], 2.4), Column(L["nom.col.aim"], 1.2),
                         Column(L["nom.col.fgd"], 1.2), Column(L["nom.col.due"], 1.1)], rows))
    return Section("nominations", L["h.nominations"], blocks, wide=True)
