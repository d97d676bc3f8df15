"""The plan's assumptions, said once in the document: the targets, how many people each
organisation sends, the horizon and the limits the schedule keeps, the catalogue, rate card and
rates the budget uses — and what the budget does not include. Read from the settings stored with
the plan version, so they are the ones it was made with."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import translation

from govcap.planning.rounds_words import later_round_words
from govcap.reports import costing
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Para, Section
from govcap.reports.scope import Scope


def later_round(s: Scope) -> str:
    """The later round of the country that reassesses this plan (`Scope.later_round`)."""
    return s.later_round


def later_round_sentence(s: Scope) -> str:
    """What this earlier round's version plans now that the later round reassesses it, in
    the plan page's words (`planning.rounds_words.later_round_words`), in the document's
    language; "" when no later round reassesses it."""
    later = later_round(s)
    if not later:
        return ""
    with translation.override(s.L.language):
        return later_round_words(s.plan, later, s.L.date, s.L.month, s.cohorts)


def rate_words(L: Labels, rate: object) -> str:
    """An exchange rate as people write one: "129.5", "3,672.75", "0.0056" — its own
    decimals without the stored trailing zeros ("129.500000")."""
    value = Decimal(str(rate)).normalize()
    exponent = value.as_tuple().exponent
    return L.decimal(float(value), max(0, -exponent) if isinstance(exponent, int) else 0)


def assumptions(s: Scope) -> Section:
    L = s.L
    targets: dict[str, Any] = s.plan.settings.get("targets", {})
    c: dict[str, Any] = s.plan.settings.get("constraints", {})
    items = []
    if targets:
        strategic = [s.section_title(k) for k in targets.get("strategic_sections", [])]
        if strategic:
            items.append(L.t("assume.targets", default=L.level(targets.get("default")),
                             strategic=L.level(targets.get("strategic_level")),
                             sections=L.semicolons(strategic)))
        else:  # its own sentence, not an empty list said "none"
            items.append(L.t("assume.targets_none_strategic",
                             default=L.level(targets.get("default"))))
        if targets.get("overrides"):
            items.append(L.t("assume.overrides", n=len(targets["overrides"])))
    if c:
        own = len(c.get("participants_overrides", {}))
        items.append(L.t("assume.participants", n=c.get("participants_per_org"),
                         most=c.get("max_participants_per_org"), own=own) if own
                     else L.t("assume.participants_all", n=c.get("participants_per_org"),
                              most=c.get("max_participants_per_org")))
        later = later_round(s)
        if later:  # an earlier round re-generated: the page's and the brief's sentence
            items.append(later_round_sentence(s))
        else:
            items.append(L.t("assume.horizon", months=c.get("horizon_months"),
                             first=L.month(c.get("first_month") or c.get("start_month")),
                             parallel=c.get("max_parallel")))
        if "lead_weeks" in c and not later:  # a plan stored before lead times: the month after
            items.append(L.t("assume.lead", weeks=c["lead_weeks"], date=L.date(c["plan_date"]),
                             first=L.month(c["not_before"])))
        if "days_per_month" in c:
            items.append(L.t("assume.load", month=c["days_per_month"],
                             quarter=c["days_per_quarter"], away=c["staff_away"]))
        if s.cohorts:  # the scheduler's soft order within a step (planning.core.schedule)
            items.append(L["assume.code_order"])
        moved = [c for c in s.cohorts if s.moved.get(c.cohort_id) == c.month]
        if moved:  # the coordinator's choice, credited, over the generator's order
            items.append(L.t("assume.moved", items=L.semicolons(
                L.t("assume.moved_item", module=f"{c.module_code} {s.module_title(c.module_code)}",
                    month=L.month(c.month)) for c in moved)))
        currency = c.get("currency", "")
        if currency in ("", "USD"):  # the catalogue's own currency: no rate to give
            items.append(L.t("assume.rates_usd", catalogue=costing.catalogue_name(s),
                             version=s.plan.catalogue_version))
        else:
            items.append(L.t("assume.rates", catalogue=costing.catalogue_name(s),
                             version=s.plan.catalogue_version, currency=currency,
                             rate=rate_words(L, c.get("exchange_rate", 1))))
        if c.get("cost_overrides"):
            items.append(L.t("assume.own_rates", codes=L.commas(sorted(c["cost_overrides"]))))
    target = s.plan.extra.get("women_target_percent")
    if target is not None:
        items.append(L.t("assume.women", target=target))
    budget = s.plan.budget
    if budget.rate_card:  # the cost model: what each category counts, and what it leaves out
        included = costing.text(L.language, "assume.included", card=budget.rate_card,
                                categories=L.semicolons(costing.text(L.language, f"cat.{k}")
                                                     for k in costing.CATEGORY_ORDER
                                                     if k in budget.by_category))
        excluded = costing.text(L.language, costing.excluded_key(s))
    else:  # a plan costed at the catalogue's prices only (or stored before the cost model)
        included, excluded = L["assume.included"], L["assume.excluded"]
    blocks: list = [Para(L["assume.intro"]), Bullets(tuple(items)),
                    Para(L["assume.budget"], "lead"), Bullets((included,)),
                    Bullets((excluded,))]
    return Section("assumptions", L["h.assumptions"], blocks)
