"""The results as plain JSON (the command's ``--format json`` and the API): every figure
with its n, keys rather than words, so a program can read it. Money (``unit`` "money":
``value``, ``target``, ``facts.cost``) is in the currency's units rounded half up to the
cent, as a decimal string ("803.18"; docs/interchange.md). Every other figure is a number
rounded to the decimals the results page writes it with (``ind.DIGITS``,
``ind.FACT_DIGITS``, ``l4.CHANGE_DIGITS``, ``l4.P_DIGITS``): a share 29, not
29.09090909090909; a mean 75, not 74.99999999999999."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from govcap.results.build import PairResult, Results
from govcap.results.core import indicators as ind
from govcap.results.core import l4


def _indicator(i: ind.Indicator, results: Results) -> dict[str, Any]:
    out = asdict(i)
    out["period"] = ([d.isoformat() for d in i.period] if i.period else None)
    # every key of the indicator's facts, whatever the scope: a mean with nothing to
    # average is null (a count is 0: ``Indicator`` fills it in)
    facts = {**dict.fromkeys(ind.FACT_KEYS.get(i.key, ())), **i.facts}
    out["facts"] = {k: ind.rounded(v, ind.FACT_DIGITS[k]) if k in ind.FACT_DIGITS else v
                    for k, v in facts.items()}
    if i.unit in ind.DIGITS:
        digits = ind.DIGITS[i.unit]
        out["value"], out["baseline"], out["target"] = (
            ind.rounded(v, digits) for v in (i.value, i.baseline, i.target))
    if i.unit == ind.MONEY:
        # money in the currency's units, to the cent, as a decimal string ("803.18"), as
        # the documents and the IATI file say it — never the cents counted in
        out["value"] = None if i.value is None else ind.amount(i.value)
        out["target"] = None if i.target is None else ind.amount(i.target)
        if "cost_cents" in out["facts"]:
            out["facts"]["cost"] = ind.amount(out["facts"].pop("cost_cents"))
    # a follow-up's level-4 figure is the earlier round's training, measured at this round:
    # counted in that round's results (and the programme's), repeated here for reading —
    # the page's "do not add it again" (None: the figure is this scope's own)
    out["counted_under"] = (results.moving_from.slug if results.moving_from is not None
                            and i.key == ind.MOVING_UP else None)
    return out


def _group(g: l4.Group) -> dict[str, Any]:
    return asdict(g) | {"mean_change": ind.rounded(g.mean_change, l4.CHANGE_DIGITS)}


def _test(t: l4.PermutationTest | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return asdict(t) | {"observed": ind.rounded(t.observed, l4.CHANGE_DIGITS),
                        "p_value": ind.rounded(t.p_value, l4.P_DIGITS)}


def _comparison(c: l4.SectionComparison[int], names: dict[int, str]) -> dict[str, Any]:
    def changes(group: tuple[l4.Change[int], ...]) -> list[dict[str, Any]]:
        return [{"organisation": names.get(x.org, str(x.org)), "before": x.before,
                 "after": x.after, "change": x.change} for x in group]

    return {
        "section": c.section, "domain": c.domain, "verdict": c.verdict,
        "trained": _group(c.trained_group), "untrained": _group(c.untrained_group),
        "difference": ind.rounded(c.difference, l4.CHANGE_DIGITS),
        "test": _test(c.test),
        "min_per_group": l4.MIN_PER_GROUP,
        "paired": {"trained": changes(c.trained), "untrained": changes(c.untrained),
                   "attended_not_completed": changes(c.left_out)},
        "unpaired": c.unpaired, "caveats": list(c.caveats),
    }


def _pair(p: PairResult) -> dict[str, Any]:
    return {"country": p.pair.earlier.country.code, "earlier": p.pair.earlier.slug,
            "later": p.pair.later.slug, "not_validated": p.pair.not_validated,
            "sections": [_comparison(c, p.pair.names) for c in p.comparisons]}


def as_json(results: Results) -> dict[str, Any]:
    return {
        "scope": results.engagement.slug if results.engagement is not None else "programme",
        "engagements": [e.slug for e in results.engagements],
        "demo": results.is_demo,
        "indicators": [_indicator(i, results) for i in results.indicators],
        "level4": [_pair(p) for p in results.pairs],
        # the programme's countries side by side (the page's table): [] for one engagement
        "by_country": [{
            "country": c.country.code, "name": c.country.local_name,
            "engagements": [e.slug for e in c.engagements], "courses": c.courses,
            "indicators": [_indicator(i, results) for i in c.indicators],
        } for c in results.by_country],
    }
