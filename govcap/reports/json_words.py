"""The plan's JSON download in the language asked for (issue 15).

The stored plan data keeps the generator's own sentences, which are English (a need's
rationale, why a course was not placed, an action's measure, an indicator, an evaluation's
method). A reader who asks for the French or Arabic JSON gets every such text rebuilt from
the structured fields beside it, in the plan page's and the documents' words, while codes,
identifiers and keys stay as they are, so a program reads both alike.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from django.utils import translation

from govcap import localise
from govcap.cells import without_direction_marks
from govcap.planning import wording
from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.plan import PlanData
from govcap.reports.labels import Labels

# The generator's evaluation methods per Kirkpatrick level, as the documents say them.
_METHODS = ("reaction", "learning", "behaviour", "results")


def _without_marks(value: Any) -> Any:
    """``value`` (the JSON's tree) with no direction marks in any of its texts: the page's
    and the documents' words set names apart with them, but JSON is data, and a program
    reading it got them inside measures, indicators and rationales (issue 15); the same
    rule as every data file's cells (``cells.without_direction_marks``)."""
    if isinstance(value, str):
        return without_direction_marks(value)
    if isinstance(value, list):
        return [_without_marks(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_marks(item) for key, item in value.items()}
    return value


def in_language(
    data: Mapping[str, Any],
    plan: PlanData,
    catalogue: Catalogue,
    language: str,
    section_titles: Mapping[str, str],
    benchmarks: Mapping[str, str],
    stored_edits: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A copy of the whole plan's ``data`` (as stored) with its human-readable texts in
    ``language``. ``section_titles``: section key → its title in ``language`` (no number);
    ``benchmarks``: rating id → the gap's benchmark in ``language``; ``catalogue``: the
    plan's catalogue version parsed in ``language``."""
    out = copy.deepcopy(dict(data))
    labels = Labels(language)
    with translation.override(language):
        numbered = {
            g.section_key: f"{g.section_number}. "
            f"{section_titles.get(g.section_key) or g.section_title}"
            for g in plan.gaps
        }
        namer = wording.Namer(catalogue, plan, sections=numbered)
        for row, gap in zip(out.get("gaps") or (), plan.gaps, strict=True):
            row["section_title"] = section_titles.get(gap.section_key) or gap.section_title
            benchmark = benchmarks.get(gap.rating_id, gap.benchmark_text)
            row["benchmark_text"] = benchmark
            # the plan page's words ("Rated Basic on 4. …, target Moderate."), not the
            # documents' older "Rated “Basic” on …" (issue 15)
            rated = wording.rated(gap, namer, stop="")
            row["rationale"] = (
                localise.labelled(rated, localise.quote(benchmark, language), language)
                if benchmark
                else rated
            )
        for row, need in zip(out.get("needs") or (), plan.needs, strict=True):
            row["rationale"] = list(wording.need_reasons(need, plan, namer))
        for row, unfit in zip(out.get("unfit") or (), plan.unfit, strict=True):
            row["message"] = wording.unfit_reason(unfit, plan, namer)
        for row, action in zip(out.get("actions") or (), plan.actions, strict=True):
            row["measure"] = wording.action_measure(action, plan, namer)
            row["responsibility"] = wording.responsibility(action.responsibility)
            module = catalogue.by_code.get(action.module_code)
            if module is not None and module.follow_up:
                row["technical_assistance"] = module.follow_up
        for row, indicator in zip(out.get("indicators") or (), plan.indicators, strict=True):
            row["indicator"] = wording.indicator_words(
                indicator,
                numbered.get(indicator.section_key)
                or section_titles.get(indicator.section_key, indicator.section_key),
            )
        for evaluation in out.get("evaluations") or ():
            module = catalogue.by_code.get(evaluation["module_code"])
            for level in evaluation.get("levels") or ():
                if level.get("level") in _METHODS:
                    level["method"] = labels[f"kirkm.{level['level']}"]
                if level.get("level") == "learning" and module is not None:
                    level["measures"] = list(module.objectives)
        for row in (*(out.get("sections") or ()), *(out.get("unknowns") or ())):
            if row.get("reason"):
                row["reason"] = wording.unknown_reason(row["reason"])
        constraints = (out.get("settings") or {}).get("constraints") or {}
        if constraints.get("responsibility"):
            constraints["responsibility"] = wording.responsibility(constraints["responsibility"])
        budget = out.get("budget") or {}
        source = (budget.get("rate_card_source_translations") or {}).get(language)
        if source:
            budget["rate_card_source"] = source
        if stored_edits is not None and plan.operations:
            lines = wording.edit_lines(plan.operations, stored_edits, namer)
            for row, line in zip(out.get("operations") or (), lines, strict=True):
                said = localise.labelled(line.status_word, line.sentence, language)
                row["message"] = f"{said} ({line.reason})" if line.reason else said
    return dict(_without_marks(out))
