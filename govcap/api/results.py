"""The programme's results: the API twin of the results page and of
`govcap results indicators --format json` — indicators with their n, baseline, target and
period, and the level-4 comparison — scoped as the page is (a training provider's token
gets a 404)."""

# No `from __future__ import annotations`: ninja reads the annotations.

from typing import Any

from django.http import Http404
from ninja import Query, Router

from govcap.accounts import scoping
from govcap.api.read import ERRORS
from govcap.api.schemas import SLUG
from govcap.delivery import access as delivery_access
from govcap.results import serialise
from govcap.results.build import build

router = Router(tags=["results"])


@router.get("results/indicators", response={200: dict[str, Any], **ERRORS},
            summary="The programme's results indicators and the level-4 comparison")
def results_indicators(request, engagement: str | None = Query(None, pattern=SLUG),
                       include_demo: bool = False):
    """Every engagement you can see, or one (`?engagement=SLUG`). Demo data is left out
    unless `include_demo=true`.

    Figures are the results page's: money (`unit` `money`: `value`, `target`,
    `facts.cost`) is a decimal string in the currency's units, to the cent (`"803.18"`);
    every other figure is a number rounded to the decimals the page writes it with — a
    count or a share (`percent`) whole (`29`), a gain in `points` to one decimal (`42.1`),
    `facts.mean_rating` to two, `facts.mean_pre` and `facts.mean_post` whole, a level-4
    `mean_change`, `difference` and `test.observed` to two, `test.p_value` to three.
    An indicator's `facts` has the same keys for every engagement: a count is 0 when
    there is none, a mean (`mean_rating`, `mean_pre`, `mean_post`) null when nothing is
    averaged.
    A cost indicator's `facts.courses_with_cost` counts the courses whose cost is counted
    (a cost recorded, in its `currency`), of `facts.courses_run`, every course that ran or is
    running in scope (the others have no cost recorded yet); the page says it after the
    figure ("cost recorded for 6 of the 8 courses that ran")."""
    if delivery_access.only_a_provider(request.auth):
        raise Http404
    found = scoping.engagement_or_404(request.auth, engagement) if engagement else None
    if found is not None and found.is_demo:
        include_demo = True  # asked for by name
    return serialise.as_json(build(request.auth, found, include_demo=include_demo))
