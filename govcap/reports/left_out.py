"""Needs the coordinator left out of the plan, in the documents' words.

A drop-module edit keeps the need in the plan data with the status ``dropped``: its gap is
still a gap, deliberately left without training. The documents say so — each need with the
gap it served and, for a follow-on, what the organisation had before — rather than letting
the chapters read as if the gap had no need or every need had found a cohort.
"""

from __future__ import annotations

from govcap.planning.core.plan import DROPPED, SCHEDULED, Need
from govcap.reports.model import Cell, Column, Heading, Para, Table
from govcap.reports.rounds import follow_on_line
from govcap.reports.scope import Scope


def gap_text(s: Scope, need: Need) -> str:
    """``4. Setting expectations … (Basic, target Moderate)`` for each gap the need served."""
    L = s.L
    gaps = s.gaps_of(need)
    if not gaps:
        return L.semicolons(s.section_title(k) for k in need.sections) or "–"
    return L.semicolons(L.t("left_out.gap", section=s.section_title(g.section_key),
                         level=L.level(g.current.key), target=L.level(g.target.key))
                     for g in gaps)


def module_text(s: Scope, need: Need) -> str:
    return f"{need.module_code} {s.module_title(need.module_code)}"


def history(s: Scope, need: Need) -> str:
    """What the organisation had in earlier rounds, when the need was a follow-on."""
    return follow_on_line(s, need) if need.follows else ""


def serving_instead(s: Scope, need: Need) -> list[Need]:
    """The other modules this organisation takes in the plan for the same gap."""
    return [n for n in s.plan.needs if n.org_id == need.org_id and n.status == SCHEDULED
            and n.module_code != need.module_code and set(n.sections) & set(need.sections)]


def origin_words(s: Scope, need: Need) -> str:
    """Why the plan has ``need``, in words rather than its origin's code: "Planned by the
    coordinator instead of POL-103", "Follow-on coaching after POL-102", else the origin's
    word ("Gap", "Prerequisite"). The PDF said "Added, Follow-on" for two organisations'
    POL-901, one the Treasury's follow-on, the other the Ministry of Health's substitute."""
    L = s.L
    if need.origin == "added":
        replaced = sorted({n.module_code for n in s.plan.needs
                           if n.org_id == need.org_id and n.status == DROPPED
                           and n.module_code != need.module_code
                           and set(n.sections) & set(need.sections)})
        if replaced:
            return L.t("origin.instead", codes=s.course_names(replaced))
    if need.follows:
        module = s.module(need.module_code)
        kind = module.kind if module is not None else "coaching"
        return L.t("origin.follows", kind=L.get_or(f"kind.{kind}", kind),
                   codes=s.course_names(sorted({f.module_code for f in need.follows})))
    return L.get_or(f"origin.{need.origin}", need.origin)


def still_served(s: Scope, need: Need) -> bool:
    """Whether another module this organisation takes in the plan serves the same gap."""
    return bool(serving_instead(s, need))


def item(s: Scope, need: Need) -> str:
    """One left-out need in a sentence, for the summary and the brief: the gap it was for,
    and what the plan trains for that gap instead, if anything (a course replaced by
    coaching must not read as a gap simply dropped)."""
    others = serving_instead(s, need)
    org, module = s.names.get(need.org_id, need.org_name), module_text(s, need)
    if others:
        instead = s.L.commas(sorted({module_text(s, n) for n in others}))
        text = s.L.t("left_out.item_instead", org=org, module=module, gap=gap_text(s, need),
                     instead=instead)
    else:
        text = s.L.t("left_out.item_open", org=org, module=module, gap=gap_text(s, need))
    line = history(s, need)
    return f"{text} {line}" if line else text


def summary(s: Scope) -> str:
    """The executive summary's count of the needs left out, named with their gaps."""
    return s.L.t("summary.left_out", count=len(s.left_out),
                 items=" ".join(item(s, n) for n in s.left_out))


def blocks(s: Scope) -> list:
    """The priorities chapter's table of the needs left out (nothing when there are none)."""
    if not s.left_out:
        return []
    L = s.L
    rows: list[list[Cell]] = [[s.names.get(n.org_id, n.org_name), module_text(s, n),
                               gap_text(s, n), history(s, n) or "–"] for n in s.left_out]
    return [Heading(L["h.left_out"], 3), Para(L["left_out.p"], "note"),
            Table([Column(L["col.organisation"], 1.8), Column(L["col.module"], 2.2),
                   Column(L["col.gap"], 2.6), Column(L["col.history"], 3.4)], rows)]
