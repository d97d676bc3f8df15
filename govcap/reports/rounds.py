"""Rounds remembered and alternatives, in the document's words (issue 14).

The plan data says, in codes, which courses a follow-on intervention replaces
(``Need.follows``), which sections improved or regressed since the previous round
(``SectionStatus.change``) and what an organisation can do when no cohort can hold its
course (``Unfit.alternatives``); this module words them for the documents.
"""

from __future__ import annotations

from django.utils import translation

from govcap.planning.core.plan import DROPPED, Alternative, Need, SectionStatus, Unfit
from govcap.planning.rounds_words import country_label, planned_again_words
from govcap.reports.model import Cell, Column, Heading, Para, Table

IMPROVED, REGRESSED = "improved", "regressed"


def change_of(r: SectionStatus) -> str:
    """``improved`` / ``regressed`` / ``same`` / "" — the plan's flag, or (a plan stored
    before the flag existed) the comparison of its levels."""
    if r.change:
        return r.change
    if r.current is None or r.previous is None:
        return ""
    return IMPROVED if r.current > r.previous else REGRESSED if r.current < r.previous else "same"


def follow_on_line(s, need: Need) -> str:
    """``Had CHG-101 Foundations of change management in government (May 2025), … in the
    approved plan of Kenya — baseline 2025; still Basic on 4. Change Management → coaching
    instead of repeating the course.`` — or, for a follow-on the coordinator left out of the
    plan, ``…; still Basic on 4. Change Management: the gap persists.``"""
    L = s.L
    first = need.follows[0]
    months = {f.module_code: f.month for f in sorted(need.follows, key=lambda f: f.month or "")}
    # by code and title, as a minister reads them: the Kenya follow-up's brief said
    # "Completed CHG-101 (July 2025), CHG-102 (August 2025)", codes alone
    codes = L.commas(_titled(s, code, months[code]) for code in sorted(months))
    statuses = {(x.org_id, x.section_key): x for x in s.plan.sections}
    levels = [statuses[(need.org_id, k)] for k in need.sections
              if (need.org_id, k) in statuses]
    module = s.module(need.module_code)
    kind = module.kind if module is not None else "coaching"
    key = "rounds.delivered" if first.source == "delivered" else "rounds.follow_on"
    if need.status == DROPPED:  # no coaching comes instead: say only what persists
        key += "_open"
    return L.t(key, codes=codes, plan=s.ctx.engagement_name(first.engagement_name),
               level=L.level(levels[0].current.key if levels and levels[0].current else None),
               section=L.semicolons(s.section_title(x.section_key) for x in levels),
               kind=L.get_or(f"kind.{kind}", kind))


def _titled(s, code: str, month: str | None) -> str:
    """"CHG-101 Foundations of change management in government (July 2025)"; the code alone
    when the catalogue does not know it."""
    title = s.module_title(code) if s.module(code) is not None else ""
    when = s.L.month(month) if month else "–"
    return f"{code} {title} ({when})" if title else f"{code} ({when})"


def planned_again_line(s, need: Need) -> str:
    """Why a course the organisation had in an earlier round is planned again — none of its
    people completed it, or it was cancelled (``Need.retried``) — in the plan page's words
    (rounds_words.planned_again), the document's language and names; "" for any other."""
    if not need.retried:
        return ""
    last = need.retried[-1]
    with translation.override(s.L.language):
        return planned_again_words(last, s.L.month(last.month),
                                   s.ctx.engagement_name(last.engagement_name),
                                   s.names.get(need.org_id, need.org_name))


def regressions_para(s, moved: list[SectionStatus]) -> list:
    down = [r for r in moved if change_of(r) == REGRESSED]
    if not down:
        return []
    items = s.L.semicolons(
        s.L.t("rounds.regression_item", org=s.names[r.org_id],
              section=s.section_title(r.section_key),
              then=s.L.level(r.previous.key if r.previous else None),
              now=s.L.level(r.current.key if r.current else None)) for r in down)
    return [Para(s.L.t("rounds.regressions", items=items), "lead")]


def _alternative_cells(s, u, a) -> list[Cell]:
    L = s.L
    if a.kind == "join-cohort":
        what = L.t("alt.join", plan=s.ctx.engagement_name(a.engagement_name),
                   country=country_label(a.country, L.language))
        places = (L.t("alt.places", n=a.places_free) if a.enough_places
                  else L.t("alt.places_short", n=a.places_free))
        return [what, L.month(a.month), places, s.money(a.cost_cents)]
    if a.kind == "in-house":
        return [L.t("alt.in_house", code=a.module_code), "–", "–", s.money(a.cost_cents)]
    return [L.t(f"alt.{a.kind}", code=a.module_code, title=s.module_title(a.module_code)),
            "–", "–", s.money(a.cost_cents)]


def _offers(unfit) -> list[tuple[Unfit, list[str], Alternative]]:
    """(unfit line, the modules it stands for, alternative): a coaching or an e-learning
    offered to one organisation for two courses of the same section (CHG-101 and CHG-102)
    is one offer, listed once with both and one price — the first's, computed once — where
    it was listed twice, at two prices when the two needs had different numbers."""
    out: list[tuple[Unfit, list[str], Alternative]] = []
    shared: dict[tuple[str, str, str], list[str]] = {}
    for u in unfit:
        for a in u.alternatives:
            key = (u.org_id, a.kind, a.module_code)
            if a.kind in ("coaching", "e-learning") and key in shared:
                shared[key].append(u.module_code or "")
                continue
            codes = [u.module_code or ""]
            if a.kind in ("coaching", "e-learning"):
                shared[key] = codes
            out.append((u, codes, a))
    return out


def alternatives_blocks(s) -> list:
    """The table of other ways to close the gaps no cohort of this plan can hold."""
    rows: list[list[Cell]] = []
    for u, codes, a in _offers(s.unfit):
        rows.append([u.org_name, s.L.commas(codes), *_alternative_cells(s, u, a)])
    if not rows:
        return []
    L = s.L
    return [Heading(L["h.alternatives"], 3), Para(L["alt.p"], "note"), Table(
        [Column(L["col.organisation"], 1.8), Column(L["col.module"], 0.9),
         Column(L["col.alternative"], 3.2), Column(L["col.month"], 0.9),
         Column(L["col.places"], 1.4), Column(L["col.amount"], 1.2, "money")], rows)]


def intervention_blocks(s, module) -> list:
    """What the modules chapter says of a coaching, on-the-job, training-of-trainers or
    e-learning intervention: its kind, what it serves, how long, for how many — no
    audience, prerequisites or objectives, which only courses have."""
    L = s.L
    facts: list[list[Cell]] = [
        [L["mod.kind"], L.get_or(f"kindname.{module.kind}", module.kind)],
        [L["mod.sections"], L.semicolons(s.section_title(k) for k in module.sections)],
        [L["mod.step"], L.semicolons(s.step(step) for step in (module.steps or (module.step,)))],
        [L["mod.days"], L.t("mod.days_value", days=module.days)],
        [L["mod.delivery"], L.get_or(f"delivery.{module.delivery}", module.delivery)],
        [L["mod.cohort"], L.t("mod.cohort_value", min=module.min_cohort, max=module.max_cohort)],
    ]
    return [Table([Column("", 1.2), Column("", 4)], facts), Para(L["mod.kind_note"], "note")]


def alternatives_text(s, need: Need) -> str:
    """The alternatives of a need the plan could not place, in one cell of the XLSX."""
    parts: list[str] = []
    for u, codes, a in _offers(s.plan.unfit):  # an offer shared by two needs: one price
        if u.org_id != need.org_id or need.module_code not in codes:
            continue
        what, month, places, cost = _alternative_cells(s, u, a)
        extra = s.L.commas(str(x) for x in (month, places) if x not in ("–", ""))
        money = getattr(cost, "text", cost)
        parts.append(f"{what} ({s.L.semicolons((extra, money))})" if extra
                     else f"{what} ({money})")
    return " | ".join(parts)
