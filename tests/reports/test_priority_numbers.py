"""One priority number per module, the same on the plan page and in the documents: the page
ranked needs (1…n over every organisation's line) while the documents ranked modules."""

from __future__ import annotations

from govcap.planning.core.priority import module_ranks
from govcap.planning.pages import overview
from govcap.reports.build import build_document
from govcap.reports.model import Table
from tests.reports.helpers import catalogue, context, plan


def priorities_table(org_id: str | None = None) -> dict[str, int]:
    document = build_document(plan(), context("en", org_id), catalogue("en"))
    section = next(s for s in document.sections if s.key == "priorities")
    table = next(b for b in section.blocks if isinstance(b, Table))
    return {row[1]: row[0] for row in table.rows}  # module code → rank


def test_the_page_gives_each_need_its_modules_number_in_the_documents():
    data = plan()
    for org_id in (None, data.organisations[0].org_id):
        numbers = priorities_table(org_id)
        view = overview(data, catalogue("en"), org_id)
        placed = [n for n in view.needs if n.need.rank]
        if org_id is None:  # organisations share modules: fewer numbers than lines
            assert len({n.need.module_code for n in placed}) < len(placed)
        assert all(n.priority == numbers[n.need.module_code] for n in placed)
        shown = [n.priority for n in view.needs if n.priority is not None]
        assert shown == sorted(shown)  # the page lists needs in that order


def test_a_module_takes_the_best_rank_of_its_needs():
    class N:
        def __init__(self, code, rank):
            self.module_code, self.rank = code, rank
    needs = [N("EA-101", 3), N("CHG-101", 1), N("EA-101", 2), N("DST-101", None)]
    assert module_ranks(needs) == {"CHG-101": 1, "EA-101": 2, "DST-101": 3}
