"""The donor's programme document keeps what an earlier round delivered once a newer plan of
the same country is approved: the total does not shrink, the delivered part is on a row naming
its round, and the "Training by domain" table adds up to the same total."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from govcap.planning.core.plan import SCHEDULED
from govcap.reports.course_states import Recorded
from govcap.reports.model import Money, Table
from govcap.reports.programme import CountryPlan, build_programme
from tests.reports.helpers import plan as base_plan

pytestmark = pytest.mark.django_db


def _plans() -> tuple[CountryPlan, CountryPlan, list[str]]:
    data = base_plan()
    done = [c for c in data.cohorts if c.status == SCHEDULED and c.month][:2]
    records = {c.cohort_id: Recorded("completed", c.month or "") for c in done}
    earlier = CountryPlan("Kenya", "Kenya — baseline 2025", "baseline 2025", 3,
                          dt.date(2025, 3, 1), data, records=records)
    latest = CountryPlan("Kenya", "Kenya — follow-up 2026", "follow-up 2026", 1,
                         dt.date(2026, 11, 2), base_plan(), records={})
    return earlier, latest, [c.cohort_id for c in done]


def _table(document, key: str) -> Table:
    section = next(s for s in document.sections if s.key == key)
    return next(b for b in section.blocks if isinstance(b, Table))


def test_an_earlier_rounds_delivered_courses_stay_in_the_programme_total() -> None:
    earlier, latest, done = _plans()
    delivered = sum(c.cost_cents for c in earlier.data.cohorts if c.cohort_id in done)
    percent = Decimal(earlier.data.budget.contingency_percent or "0")
    delivered += int((Decimal(delivered) * percent / 100).to_integral_value())
    assert delivered > 0
    document = build_programme([latest], "Programme", "en", [], earlier=[earlier])
    summary = _table(document, "summary")
    assert [r[1] for r in summary.rows] == ["Kenya — baseline 2025", "Kenya — follow-up 2026"]
    row = summary.rows[0]
    assert row[2].startswith("version 3, approved")
    assert row[2].endswith("courses delivered, no delivery record: cost and places as planned")
    assert row[5] == 2 and isinstance(row[9], Money) and row[9].cents == delivered
    total = summary.total[9]
    assert isinstance(total, Money)
    assert total.cents == latest.data.budget.total_cents + delivered  # it did not shrink
    lead = document.sections[0].blocks[0].text
    assert f"{total.text} in all" in lead
    assert (f"Of this, {row[9].text} is the planned cost, with its share of the contingency, "
            "of the 2 cohorts that earlier rounds delivered, no cost being recorded: "
            "Kenya — baseline 2025 (version 3, approved") in lead


def test_training_by_domain_has_a_total_row_equal_to_the_documents_total() -> None:
    earlier, latest, _done = _plans()
    # a plan in another currency: each row converted apart, the rows still add up
    data = base_plan()
    settings = {**data.settings, "constraints": {**data.settings.get("constraints", {}),
                                                 "exchange_rate": 178}}
    djibouti = CountryPlan("Djibouti", "Djibouti — baseline 2026", "baseline 2026", 2,
                           dt.date(2026, 10, 1), dataclasses.replace(data, settings=settings),
                           records={})
    assert djibouti.rate == 178
    document = build_programme([djibouti, latest], "Programme", "en", [], earlier=[earlier])
    summary, domains = _table(document, "summary"), _table(document, "domains")
    assert domains.total is not None and domains.total[0] == "Total"
    stated = summary.total[9]
    assert isinstance(stated, Money) and domains.total[-1] == stated
    assert sum(r[-1].cents for r in domains.rows) == stated.cents
    places = {c: sum(r[i] for r in domains.rows if isinstance(r[i], int))
              for i, c in enumerate(("Djibouti", "Kenya"), start=1)}
    assert domains.total[1:3] == [places["Djibouti"], places["Kenya"]]
    assert places["Djibouti"] + places["Kenya"] == summary.total[6]
