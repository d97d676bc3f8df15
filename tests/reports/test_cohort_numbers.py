"""The documents' Cohort column said 1 on every row — each module's one cohort, the ID's
last part — and told a reader nothing. A module's cohorts are numbered 1, 2, … in the order
they run when one runs several; when none does, the column is left out."""

from __future__ import annotations

import dataclasses

from govcap.planning.core.inputs import add_months
from govcap.reports.build_parts import cohort_table
from govcap.reports.labels import Labels
from govcap.reports.model import Table
from govcap.reports.nominations import nominations
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan


def _scope(data) -> Scope:
    return Scope(data, context("en"), catalogue("en"), Labels("en"))


def test_no_column_when_every_module_runs_one_cohort() -> None:
    s = _scope(plan())
    assert len({c.module_code for c in s.cohorts}) == len(s.cohorts)
    assert "Cohort" not in [c.label for c in cohort_table(s).columns]
    table = next(b for b in nominations(s).blocks if isinstance(b, Table))
    assert "Cohort" not in [c.label for c in table.columns]


def test_a_modules_cohorts_are_numbered_in_the_order_they_run() -> None:
    data = plan()
    first = next(c for c in data.cohorts if c.month)
    # a second cohort of the same module, earlier in the plan's ID order but a month later
    second = dataclasses.replace(first, cohort_id=first.cohort_id[:-2] + "00",
                                 month=add_months(first.month, 1), day_months=())
    s = _scope(dataclasses.replace(data, cohorts=(*data.cohorts, second)))
    table = cohort_table(s)
    labels = [c.label for c in table.columns]
    assert labels[0] == "Cohort"
    module = labels.index("Module")
    runs = [(r[0], r[1]) for r in table.rows if r[module].startswith(first.module_code + " ")]
    assert runs == [(1, s.L.month(first.month)), (2, s.L.month(second.month))]
    others = [r[0] for r in table.rows if not r[module].startswith(first.module_code + " ")]
    assert set(others) == {1}
