"""(PlanData, context) → the document model, in the engagement's language.

The one place that decides what a plan document says; the renderers only draw it. The
chapters after priorities are in :mod:`.build_parts`, the spreadsheet tables in
:mod:`.sheets`.
"""

from __future__ import annotations

import datetime
from collections import Counter

from govcap import localise
from govcap.analysis.core.programme import counts_by
from govcap.chartwords import chart_words
from govcap.planning.core.catalogue import Catalogue, audience_names
from govcap.planning.core.plan import GAP, SCHEDULED, PlanData
from govcap.planning.coverage import of as coverage_of
from govcap.reports import build_parts, costing, left_out, load, module_count, rounds, sheets
from govcap.reports.assumptions import assumptions
from govcap.reports.context import PlanDocumentContext
from govcap.reports.labels import Labels
from govcap.reports.model import (
    Bullets,
    Cell,
    Column,
    Document,
    Figure,
    Heading,
    HeatmapData,
    Para,
    Section,
    Table,
)
from govcap.reports.nominations import nominations
from govcap.reports.scope import Scope
from govcap.scale import DOMAINS, LEVEL_KEYS, SECTION_DOMAIN, SECTION_KEYS


def build_document(plan: PlanData, ctx: PlanDocumentContext,
                   catalogue: Catalogue | None) -> Document:
    L = Labels(ctx.language)
    s = Scope(plan, ctx, catalogue, L)
    sections = [summary(s), method(s), assumptions(s), findings(s), priorities(s), modules(s),
                build_parts.schedule(s), nominations(s), build_parts.budget(s), build_parts.monitoring(s),
                build_parts.actions(s), build_parts.annex(s), load.annex(s)]
    for number, section in enumerate(sections, start=1):
        section.number = number
        _say_when_empty(section, L)
    title = ctx.title
    subtitle = ""
    if s.org_id is not None:
        subtitle = L.t("plan_of", org=s.names[s.org_id])
    cover = [(L["cover.country"], ctx.country), (L["cover.engagement"], ctx.engagement),
             (L["cover.round"], ctx.round_label), (L["cover.project"], ctx.project_name),
             (L["cover.instrument"], ctx.instrument_title)]
    if s.org_id is not None:
        cover.append((L["cover.organisation"], s.names[s.org_id]))
    when = document_date(ctx, L)
    cover += [(L["cover.status"], ctx.status_text(L)),
              approval(ctx, L, when),
              (L["cover.version"], str(ctx.version)),
              (L["cover.last_change" if is_draft(ctx) else "cover.date"],
               with_edits(ctx, L, when, s.edits_applied)),
              (L["cover.status_as_of"], s.status_as_of),  # "" (left out) when not after it
              (L["cover.currency"], s.currency)]
    cover = [(k, v) for k, v in cover if v]
    watermark = ctx.marks(L)
    footer = " · ".join(p for p in (watermark, ctx.title, subtitle, L.t("footer.version", version=ctx.version),
                                     ctx.status_text(L), when if is_draft(ctx) else "")
                        if p)
    cover_note = ctx.cover_note(L, L["cover.note"])
    return Document(language=L.language, title=title, subtitle=subtitle, cover=cover,
                    cover_note=cover_note, sections=sections,
                    sign_title="" if is_draft(ctx) else L["sign.title"],
                    signatures=[] if is_draft(ctx) else [
                        (L["sign.ministry"], L["sign.line"]),
                        (L["sign.funder"], L["sign.line"])],
                    sheets=sheets.build_sheets(s, when), footer=footer, page_label=L["footer.page"],
                    page_of=L["footer.of"],
                    watermark=watermark, contents_label=L["contents"],
                    made=ctx.generated_on, made_by=ctx.made_by, revision=ctx.version)


def _say_when_empty(section: Section, L: Labels) -> None:
    """A sentence instead of an empty table or an empty chapter: never a bare header."""
    default = L["empty.cohorts"]
    section.blocks = [Para(b.empty or default) if isinstance(b, Table) and not b.rows else b
                      for b in section.blocks]
    if not section.blocks:
        section.blocks = [Para(default)]


def is_draft(ctx: PlanDocumentContext) -> bool:
    return ctx.status == "draft"


def approval(ctx: PlanDocumentContext, L: Labels, when: str) -> tuple[str, str]:
    """The cover's approval row: who approved the version, in which role, on which day, as
    recorded ("Approved by: Amina Odhiambo, Coordinator, on 4 December 2026"); a draft:
    "Draft — not approved" (the cover said only "Status: Approved" and a date, nobody
    named)."""
    if is_draft(ctx):
        return L["cover.approval"], L["cover.not_approved"]
    if not ctx.approved_by:  # approved by an account since deleted
        return L["cover.approved_by"], L.t("cover.approved_unknown", date=when)
    key = "cover.approved_value" if ctx.approved_role else "cover.approved_no_role"
    return L["cover.approved_by"], L.t(key, name=ctx.approved_by, role=ctx.approved_role,
                                       date=when)


def document_date(ctx: PlanDocumentContext, L: Labels) -> str:
    """The plan's date. A draft changes in place with every edit under the same version
    number, so its date is the time of its last change: two downloads of "v1 Draft" that
    differ say so (on the cover, in the footer, in the workbook)."""
    when = L.date(ctx.generated_on)
    if is_draft(ctx) and isinstance(ctx.generated_on, datetime.datetime):
        when = L.t("date.at", date=when, time=f"{ctx.generated_on:%H:%M}")
    return when


def with_edits(ctx: PlanDocumentContext, L: Labels, when: str, edits: int) -> str:
    """A draft's date with the number of the coordinator's edits applied to it."""
    return L.t("date.edits", when=when, edits=edits) if is_draft(ctx) and edits else when


def period(s: Scope) -> tuple[str, str]:
    """The plan's period in words (planning.core.period: first to last course month)."""
    return s.L.month(s.period.first), s.L.month(s.period.last)


def period_text(s: Scope) -> str:
    first, last = period(s)
    return first if first == last else f"{first} – {last}"


def summary(s: Scope) -> Section:
    L = s.L
    unknowns = [u for u in s.plan.unknowns if s.mine(u.org_id)]
    rated = "" if unknowns else ".all_assessed"  # nothing unassessed: not "0 section ratings"
    if s.org_id is None:
        scope = L.sentence("summary.scope" + rated, orgs=len(s.organisations),
                           gaps=len(s.gaps), gap_orgs=len({g.org_id for g in s.gaps}),
                           unknowns=len(unknowns))
    else:
        scope = L.sentence("summary.scope_org" + rated, org=s.names[s.org_id],
                           gaps=len(s.gaps), unknowns=len(unknowns))
    places = sum(s.participants(c) for c in s.cohorts)
    total = s.money(s.total_cents)
    blocks: list = [Para(scope, "lead")]
    blocks += [Para(text) for text in coverage(s) + findings_in_words(s)]
    blocks += [Para(text) for text in outcome(s)]
    # counted as the brief counts them: courses in their cohorts, the interventions apart
    courses, classes, interventions = module_count.counted(s)
    figures = [(L["kf.orgs"], L.number(len(s.organisations))),
               (L["kf.gaps"], L.number(len(s.gaps))), (L["kf.courses"], L.number(courses)),
               (L["kf.cohorts"], L.number(classes)),
               *([(L["kf.interventions"], L.number(interventions))] if interventions else []),
               (L["kf.places"], L.number(places)), (L["kf.period"], period_text(s)),
               (L["kf.total"], total.text), (L["kf.unfit"], L.number(len(s.unfit)))]
    if s.period.reassess_last:  # after the training: said apart, not in the period
        figures.insert(7 if interventions else 6, (L["col.reassess"], L.span(s.period.reassess_first,
                                                     s.period.reassess_last)))
    if s.left_out:  # counted apart: not placed by choice, not for want of a cohort
        figures.append((L["kf.left_out"], L.number(len(s.left_out))))
    blocks.append(Table([Column(L["kf.item"], 2), Column(L["kf.value"], 1.4)],
                        [[k, v] for k, v in figures]))
    by_domain = s.breakdown("domain")
    if by_domain:
        blocks.append(Heading(L["summary.domains"]))
        rows: list[list[Cell]] = []
        for key in DOMAINS:
            if key in by_domain:
                n = len({c.module_code for c in s.cohorts if c.domain == key})
                rows.append([s.domain(key), n, s.money(by_domain[key])])
        rows += [[costing.text(L.language, f"cat.{k}"), "", s.money(by_domain[k])]
                 for k in ("reassessment", "contingency") if k in by_domain]
        blocks.append(Table([Column(L["col.domain"], 3), Column(L["kf.modules"], 1, "number"),
                             Column(L["col.amount"], 1.5, "money")], rows,
                            total=[L["total"], len(s.modules), s.money(s.total_cents)]))
    if s.org_id is None and s.ctx.changes:  # the plan page's "What changed since version N"
        blocks += [Heading(L.t("h.changes_version", version=s.ctx.changes_since)),
                   Bullets(s.ctx.changes)]
    return Section("summary", L["h.summary"], blocks)


def outcome(s: Scope) -> list[str]:
    """What became of the needs, in sentences that never contradict one another: the
    cohorts, the needs left out by the coordinator, the needs no cohort could hold."""
    L = s.L
    out: list[str] = []
    if s.cohorts:
        first, last = period(s)
        courses, classes, interventions, which = module_count.offered(s)  # as the brief says
        out.append(L.sentence(f"summary.{which}", modules=courses, interventions=interventions,
                              cohorts=classes,
                              participants=sum(s.participants(c) for c in s.cohorts),
                              first=first, last=last, total=s.money(s.total_cents).text))
    elif not s.gaps:
        out.append(L["summary.empty"])
    elif s.unfit or not s.left_out:
        out.append(L["summary.none_placed"])
    if s.left_out:
        out.append(left_out.summary(s))
    if s.unfit:
        out.append(L.sentence("summary.unfit", count=len(s.unfit),
                       amount=s.money(s.unfit_estimate_cents).text))
    elif s.cohorts:
        out.append(L["summary.allfit_others" if s.left_out else "summary.allfit"])
    return out


def coverage(s: Scope) -> list[str]:
    """Who was engaged and who is not in the plan yet, named (plans stored before coverage
    was kept say nothing)."""
    covered = coverage_of(s.plan)  # as the plan page reads it (planning.coverage)
    if s.org_id is not None or covered is None:
        return []
    L = s.L
    lines = [L.sentence("summary.coverage", engaged=covered.engaged,
                        validated=covered.validated)]
    groups = []
    for status, names in covered.not_covered:
        # each name held whole in a right-to-left sentence (its full stop outside)
        groups.append(L.t(f"coverage.{status}", names=L.commas(s.held(n) for n in names)))
    if groups:
        lines.append(L.sentence("summary.not_covered", groups=L.semicolons(groups)))
    return lines


def findings_in_words(s: Scope) -> list[str]:
    """The main findings in words, from the levels: the weakest and strongest areas and who
    has the most gaps (for one organisation: its sections furthest from and at target)."""
    L = s.L
    rows = [r for r in s.plan.sections if s.mine(r.org_id) and r.current is not None]
    if not rows:
        return []
    if s.org_id is not None:
        gaps = sorted((g for g in s.gaps), key=lambda g: (-g.size, g.section_number))
        furthest = [s.section_title(g.section_key) for g in gaps if g.size == gaps[0].size] \
            if gaps else []
        at_target = [s.section_title(r.section_key) for r in rows
                     if r.current is not None and r.current >= r.target]
        out = [L.sentence("summary.org_furthest", sections=L.semicolons(furthest))] if furthest else []
        if at_target:
            out.append(L.sentence("summary.org_at_target", sections=L.semicolons(at_target)))
        return out + change_in_words(s)
    total = len({r.org_id for r in rows})
    at = {level: Counter(r.section_key for r in rows
                         if r.current is not None and r.current.key == level)
          for level in ("basic", "high")}
    out = []
    if at["basic"]:
        key, n = min(at["basic"].items(), key=lambda kv: (-kv[1], SECTION_KEYS.index(kv[0])))
        out.append(L.sentence("summary.weakest", section=s.section_title(key), n=n, total=total))
    if at["high"]:
        key, n = min(at["high"].items(), key=lambda kv: (-kv[1], SECTION_KEYS.index(kv[0])))
        out.append(L.sentence("summary.strongest", section=s.section_title(key), n=n, total=total))
    per_org = Counter(g.org_id for g in s.gaps)
    if per_org:
        org, n = min(per_org.items(), key=lambda kv: (-kv[1], s.names[kv[0]].casefold()))
        sections = sum(1 for r in rows if r.org_id == org)
        out.append(L.sentence("summary.most_gaps", org=s.held(s.names[org]), n=n,
                              sections=sections))
    return out + change_in_words(s)


def changes_since(s: Scope) -> list:
    """Section ratings that moved since the previous round, regressions first."""
    moved = [r for r in s.plan.sections if s.mine(r.org_id)
             and rounds.change_of(r) in (rounds.IMPROVED, rounds.REGRESSED)]
    return sorted(moved, key=lambda r: (rounds.change_of(r) == rounds.IMPROVED,
                                        s.names[r.org_id].casefold(),
                                        SECTION_KEYS.index(r.section_key)))


def change_in_words(s: Scope) -> list[str]:
    previous = s.ctx.previous_round or s.plan.extra.get("previous_round", "")
    moved = changes_since(s)
    if not previous or not any(r.previous is not None for r in s.plan.sections):
        return []
    up = sum(1 for r in moved if rounds.change_of(r) == rounds.IMPROVED)
    down = [r for r in moved if rounds.change_of(r) == rounds.REGRESSED]
    out = [s.L.sentence("summary.since", round=previous, up=up, down=len(down))]
    if down:
        out.append(s.L.sentence("summary.regressions", items=s.L.semicolons(
            f"{s.names[r.org_id]}{localise.separator(s.L.language)}{s.section_title(r.section_key)}"
            for r in down[:5])))
    return out


def method(s: Scope) -> Section:
    L = s.L
    blocks: list = [Para(L.t("method.p1", n=len(SECTION_KEYS))), Para(L["method.p2"])]
    if s.ctx.instrument_title:
        blocks.append(Para(L.t("method.instrument", title=s.ctx.instrument_title), "note"))
    blocks.append(Heading(L["h.scale"]))
    blocks.append(Table([Column(L["col.level"], 1), Column(L["col.meaning"], 4)],
                        [[L.level(k), L[f"scale.{k}"]] for k in LEVEL_KEYS]))
    blocks.append(Heading(L["h.sections"]))
    blocks.append(Table([Column(L["col.section"], 3), Column(L["col.domain"], 2)],
                        [[s.section_title(k), s.section_domain(k)] for k in SECTION_KEYS]))
    blocks.append(Para(L["method.p3"]))
    return Section("method", L["h.method"], blocks)


def heatmap_data(s: Scope) -> HeatmapData:
    rows, cells = [], []
    wanted = None if s.org_id is None else s.names[s.org_id]
    entries = list(s.ctx.heatmap)
    if not entries:  # fall back on the plan's own section statuses
        current = {(x.org_id, x.section_key): x.current for x in s.plan.sections}
        entries = [(s.names[o], {k: (lvl.key if (lvl := current.get((o, k))) else None)
                                 for k in SECTION_KEYS}) for o in s.organisations]
    for name, levels in entries:
        if wanted is not None and name != wanted:
            continue
        rows.append(name)
        cells.append([levels.get(k) for k in SECTION_KEYS])
    return HeatmapData(
        rows=rows, columns=[s.section_title(k) for k in SECTION_KEYS], cells=cells,
        title=s.L["h.heatmap"], words=chart_words(s.L.language))


def findings(s: Scope) -> Section:
    L = s.L
    data = heatmap_data(s)
    blocks: list = [Heading(L["h.heatmap"]), Para(L["findings.heatmap"], "note")]
    blocks.append(Figure("heatmap", data, L["h.heatmap"]))
    blocks.append(Heading(L["h.domains"]))
    statuses = [x for x in s.plan.sections if s.mine(x.org_id)]
    counts = counts_by(((x.section_key, x.current) for x in statuses), DOMAINS, SECTION_DOMAIN)
    rows: list[list[Cell]] = []
    for key, count in counts.items():  # not assessed: the plan's "unknown" sections
        keys = [k for k in SECTION_KEYS if SECTION_DOMAIN[k] == key]
        rows.append([s.domain(key), L.commas(str(SECTION_KEYS.index(k) + 1) for k in keys),
                     count.basic, count.moderate, count.high, count.not_assessed,
                     sum(1 for x in statuses if x.section_key in keys and x.status == GAP)])
    blocks.append(Table([Column(L["col.domain"], 3), Column(L["col.section"], 1),
                         Column(L["col.basic"], 1, "number"),
                         Column(L["col.moderate"], 1, "number"),
                         Column(L["col.high"], 1, "number"), Column(L["col.na"], 1, "number"),
                         Column(L["col.gaps"], 1, "number")], rows))
    moved = changes_since(s)
    if moved:
        blocks.append(Heading(L.t("h.changes", round=s.ctx.previous_round
                                             or s.plan.extra.get("previous_round", ""))))
        blocks += rounds.regressions_para(s, moved)
        blocks.append(Table(
            [Column(L["col.organisation"], 2), Column(L["col.section"], 3),
             Column(L["col.then"], 1), Column(L["col.now"], 1), Column(L["col.change"], 1)],
            [[s.names[r.org_id], s.section_title(r.section_key), L.level(r.previous.key),
              L.level(r.current.key),
              L["change.up"] if rounds.change_of(r) == rounds.IMPROVED else L["change.down"]]
             for r in moved]))
    unknowns = [u for u in s.plan.unknowns if s.mine(u.org_id)]
    if unknowns:
        blocks.append(Heading(L["h.unknowns"]))
        blocks.append(Table([Column(L["col.organisation"], 2), Column(L["col.section"], 2),
                             Column(L["col.reason"], 2)],
                            [[u.org_name, s.section_title(u.section_key), u.reason]
                             for u in unknowns]))
    return Section("findings", L["h.findings"], blocks, wide=True)


def priorities(s: Scope) -> Section:
    L = s.L
    strategic = s.plan.settings.get("targets", {}).get("strategic_sections", [])
    # a whole sentence when no section is strategic, not an empty list said "none"
    said = (L.t("priorities.p", sections=L.semicolons(s.section_title(k) for k in strategic))
            if strategic else L["priorities.p_none_strategic"])
    by_module: dict[str, list] = {}
    for need in s.needs:
        by_module.setdefault(need.module_code, []).append(need)
    ranks = s.ranks
    rows: list[list[Cell]] = []
    for code, needs in sorted(by_module.items(), key=lambda kv: ranks[kv[0]]):
        rank = ranks[code]
        # in words: "Planned by the coordinator instead of POL-103", not "Added"
        origins = sorted({left_out.origin_words(s, n) for n in needs})
        placed = sorted((n for n in needs if n.status == SCHEDULED),
                        key=lambda n: n.month or "")
        status = (L.commas(dict.fromkeys(s.state(s.cohort_of(n), n.month, credited=False)
                                         for n in placed))
                  if placed else L["status.unfit"])
        rows.append([rank, code, s.module_title(code), s.step(needs[0].step),
                     len({n.org_id for n in needs}), L.decimal(max(n.score for n in needs), 2),
                     L.semicolons(origins), status])
    table = Table([Column(L["col.rank"], 0.6, "number"), Column(L["col.module"], 1),
                   Column(L["col.title"], 3.2), Column(L["col.step"], 1.4),
                   Column(L["col.orgs"], 1, "number"), Column(L["col.score"], 1, "number"),
                   Column(L["col.origin"], 1.2), Column(L["col.status"], 1.6)], rows,
                  empty=build_parts.no_needs_text(s))
    return Section("priorities", L["h.priorities"],
                   [Para(said),
                    *([Para(L["priorities.national"], "note")] if s.org_id is not None else []),
                    table, *left_out.blocks(s)],
                   wide=True)


def modules(s: Scope) -> Section:
    L = s.L
    blocks: list = []
    for code in s.modules:
        module = s.module(code)
        blocks.append(Heading(f"{code} — {s.module_title(code)}"))
        if module is None:
            continue
        blocks.append(Para(module.summary, "intro"))
        if not module.is_course:
            blocks += rounds.intervention_blocks(s, module)
            continue
        personas = s.catalogue.personas if s.catalogue else {}
        facts = [
            (L["mod.sections"], L.semicolons(s.section_title(k) for k in module.sections)),
            (L["mod.step"], s.step(module.step)),
            # lower-case after the first name: "Chefs de projet, concepteurs de services…"
            (L["mod.audience"], L.commas(audience_names(s.catalogue, module.audience)
                                         if s.catalogue
                                         else [personas.get(p, p) for p in module.audience])),
            (L["mod.days"], L.t("mod.days_value", days=module.days)),
            (L["mod.delivery"], L.get_or(f"delivery.{module.delivery}", module.delivery)),
            (L["mod.cohort"], L.t("mod.cohort_value", min=module.min_cohort,
                                  max=module.max_cohort)),
            (L["mod.prerequisites"], L.commas(module.prerequisites) or L["mod.none"]),
            (L["mod.competences"], L.commas(module.competences) or L["mod.none"]),
        ]
        if module.follow_up:
            facts.append((L["mod.followup"], module.follow_up))
        blocks.append(Table([Column("", 1.2), Column("", 4)], [[k, v] for k, v in facts]))
        blocks.append(Heading(L["mod.objectives"], 3))
        blocks.append(Bullets(tuple(module.objectives)))
    return Section("modules", L["h.modules"], blocks)
