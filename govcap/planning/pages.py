"""What the plan pages show, built from the stored plan data (plain dicts in, dicts out)."""

from __future__ import annotations

from typing import Any

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.money import format_money
from govcap.planning.core.narrow import narrow
from govcap.scale import DOMAINS


def overview(data: dict[str, Any], catalogue: Catalogue,
             org_id: str | None = None) -> dict[str, Any]:
    """Summary, needs by priority, gaps, cohorts by month, the month grid, budget, unfit."""
    currency = data["currency"]
    names = {o["org_id"]: o["org_name"] for o in data["organisations"]}
    own = data if org_id is None else narrow(data, org_id)  # its lines, the cohorts it attends

    def title(code: str | None) -> str:
        module = catalogue.by_code.get(code or "")
        return module.title if module else (code or "—")

    needs = sorted(own["needs"],
                   key=lambda n: (n["rank"] or 10**6, n["org_id"], n["module_code"]))
    for n in needs:
        n["module_title"] = title(n["module_code"])
    cohort_rows = []
    for c in sorted(own["cohorts"], key=lambda c: (c["month"] or "9999", c["cohort_id"])):
        cohort_rows.append({**c, "module_title": title(c["module_code"]),
                            "cost": format_money(c["cost_cents"], currency),
                            "member_names": [names.get(m["org_id"], m["org_id"])
                                             for m in c["members"]]})
    months = data["months"]
    grid = []
    for domain, label in DOMAINS.items():
        cells = [[c for c in cohort_rows if c["domain"] == domain and c["month"] == m]
                 for m in months]
        if any(cells):
            grid.append({"domain": label, "cells": cells})
    budget = data["budget"]
    by_org = sorted(((names.get(k, k), format_money(v, currency))
                     for k, v in budget["by_org"].items()
                     if org_id is None or k == org_id))
    return {
        "currency": currency,
        "names": names,
        "total": format_money(budget["total_cents"], currency),
        "org_total": format_money(budget["by_org"].get(org_id, 0), currency) if org_id else None,
        "unscheduled": format_money(budget["unscheduled_estimate_cents"], currency),
        "gaps": own["gaps"],
        "unknowns": own["unknowns"],
        "needs": needs,
        "unfit": [{**u, "module_title": title(u["module_code"])} for u in own["unfit"]],
        "cohorts": cohort_rows,
        "months": months,
        "blackout": set(data["blackout_months"]),
        "grid": grid,
        "by_domain": [(DOMAINS.get(k, k), format_money(v, currency))
                      for k, v in sorted(budget["by_domain"].items())],
        "by_org": by_org,
        "indicators": own["indicators"],
        "actions": [{**a, "funding": format_money(a["total_funding_cents"], currency),
                     "org_names": [names.get(o, o) for o in a["organisations"]]}
                    for a in data["actions"]
                    if org_id is None or org_id in a["organisations"]],
        "operations": data["operations"],
        "load": load_table(data, org_id),
        "start_note": start_note(data),
        "counts": {"organisations": len(data["organisations"]), "gaps": len(data["gaps"]),
                   "needs": len(data["needs"]), "cohorts": len(data["cohorts"]),
                   "unfit": len(data["unfit"]), "unknowns": len(data["unknowns"])},
    }


def load_table(data: dict[str, Any], org_id: str | None = None) -> dict[str, Any]:
    """Each organisation's training days and staff away per month against its limits."""
    months = data["months"]
    rows = []
    for row in data.get("load", ()):
        if org_id is not None and row["org_id"] != org_id:
            continue
        cells = [{"days": d, "limit": lim, "away": a, "reduced": lim < row["days_per_month"]}
                 for d, lim, a in zip(row["days"], row["limits"], row["away"], strict=True)]
        rows.append({"name": row["org_name"], "cells": cells, "total": sum(row["days"]),
                     "limits": (row["days_per_month"], row["days_per_quarter"],
                                row["staff_away"])})
    blocked = [{"month": b["month"], "closed": b["blocked_days"] * 2 >= b["working_days"],
                "days": b["blocked_days"], "of": b["working_days"],
                "reasons": ", ".join(b["reasons"])} for b in data.get("month_blocks", ())]
    return {"months": months, "rows": sorted(rows, key=lambda r: r["name"]),
            "blocked": blocked}


def start_note(data: dict[str, Any]) -> str:
    """Said when the start month in the settings had passed when the plan was made."""
    c = data.get("settings", {}).get("constraints", {})
    if c.get("first_month") and c["first_month"] != c.get("start_month"):
        return (f"The start month in the settings ({c['start_month']}) was before the plan's "
                f"date ({c.get('plan_date', '')}); the schedule starts in {c['first_month']}, "
                "the month after the plan's date.")
    return ""


def edit_choices(data: dict[str, Any], catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    names = {o["org_id"]: o["org_name"] for o in data["organisations"]}
    cohorts = [(c["cohort_id"], f"{c['cohort_id']} — {c['module_code']} "
                                f"({c['month'] or 'unscheduled'})") for c in data["cohorts"]]
    needs = [(f"{n['org_id']}|{n['module_code']}",
              f"{names.get(n['org_id'], n['org_id'])} — {n['module_code']}")
             for n in data["needs"] if n["status"] != "dropped"]
    months = [(m, m) for m in data["months"] if m not in set(data["blackout_months"])]
    return {"cohort": cohorts, "month": months, "need": needs,
            "organisation": sorted(((k, v) for k, v in names.items()), key=lambda kv: kv[1]),
            "module": [(m.code, f"{m.code} — {m.title}") for m in catalogue.modules]}


def diff_lines(diff: dict[str, Any] | None, currency: str) -> list[str]:
    """The stored diff against the previous version, as short sentences."""
    if not diff or diff.get("is_empty"):
        return []
    lines = []
    for key, label in (("gaps_added", "new gaps"), ("gaps_closed", "gaps closed"),
                       ("needs_added", "needs added"), ("needs_removed", "needs removed"),
                       ("cohorts_added", "cohorts added"), ("cohorts_removed", "cohorts removed"),
                       ("cohorts_moved", "cohorts moved"), ("unfit_added", "newly unfit"),
                       ("unfit_resolved", "unfit resolved"),
                       ("operations_changed", "edit outcomes changed")):
        items = diff.get(key) or []
        if items:
            shown = [i["key"] if isinstance(i, dict) else i for i in items[:6]]
            more = f" … (+{len(items) - 6})" if len(items) > 6 else ""
            lines.append(f"{len(items)} {label}: {', '.join(shown)}{more}")
    if diff["total_before_cents"] != diff["total_after_cents"]:
        lines.append(f"budget {format_money(diff['total_before_cents'], currency)} → "
                     f"{format_money(diff['total_after_cents'], currency)}")
    return lines
