"""One organisation's plan says when its own courses are evaluated (fresh eyes, Kenya's
follow-up): the Ministry of Health's "When each level is measured" gave its coaching the
national plan's behaviour and results months, driven by another organisation's coaching
months earlier."""

from __future__ import annotations

from govcap.planning.core.edits import MoveCohort
from govcap.reports.build_parts import monitoring
from govcap.reports.labels import Labels
from govcap.reports.model import Table
from govcap.reports.scope import Scope
from tests.planning.helpers import CATALOGUE
from tests.planning.test_coaching_per_organisation import coached, coaching
from tests.reports.helpers import context


def _when(plan, org_id):
    scope = Scope(plan, context("en", org_id), CATALOGUE, Labels("en"))
    table = [b for b in monitoring(scope).blocks if isinstance(b, Table)][-1]
    (row,) = [r for r in table.rows if str(r[0]).startswith("CHG-901")]
    return row[1:]


def test_an_organisations_coaching_is_evaluated_in_its_own_months(db):
    late = coaching(coached())[2]  # org02's coaching moved four months later
    plan = coached(operations=(MoveCohort("m1", late.cohort_id, "2026-07", late.org_ids),))
    assert [c.month for c in coaching(plan)] == ["2026-03", "2026-03", "2026-07"]
    # the first organisation's: its own months, not stretched to the other's
    assert _when(plan, "org00")[2:] == ["August – November 2026",
                                    "November 2026"]
    assert _when(plan, "org02")[2:] == ["December 2026 – March 2027",
                                    "March 2027"]
    # the whole plan's: every organisation's
    assert _when(plan, None)[2] == "August 2026 – March 2027"
