"""The plan page lists its organisations in the readers' order of names (issue 15): the
per-organisation documents, the budget per organisation, the load table and the edit form's
menu followed the plan's own order (the sessions' ids) or a sort by code point, which put
"Ministère de l'Économie" after "Ministère de l'Intérieur" and a lower-case name last."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.pages import edit_choices, overview
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, org_rows

B = Level.BASIC
# in the ids' order, none of them the names' order
NAMES = {"org1": "Ministère de l'Intérieur", "org2": "agence de la Statistique",
         "org3": "Ministère de l'Économie", "org4": "Banque Centrale"}
READERS_ORDER = ["agence de la Statistique", "Banque Centrale", "Ministère de l'Économie",
                 "Ministère de l'Intérieur"]


def test_every_list_of_organisations_is_in_the_readers_order_of_names() -> None:
    rows = []
    for org_id, name in NAMES.items():
        rows += org_rows(org_id, {"change-management": B}, name=name)
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2026-01", **ROOMY))
    view = overview(plan, CATALOGUE)
    assert list(view.names.values()) == READERS_ORDER  # the per-organisation documents
    assert [name for name, _ in view.by_org] == READERS_ORDER  # the budget
    assert [row.name for row in view.load.rows] == READERS_ORDER  # the load table
    menu = edit_choices(plan, CATALOGUE)["organisation"]
    assert [NAMES[org_id] for org_id, _ in menu] == READERS_ORDER
