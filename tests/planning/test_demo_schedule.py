"""The demo's plans can run: no organisation over its load in any month or quarter, and
nothing before the plan's date (issue 14, blocker 2)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.utils import timezone

from govcap.orgs.models import Engagement
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.inputs import add_months, quarter_of
from govcap.planning.core.schedule import spread
from govcap.planning.services import generate
from tests.demo.helpers import demo_data

DEMO_PLANS = ("djibouti-baseline-2026", "kenya-baseline-2025", "kenya-follow-up-2026",
              "somalia-baseline-2026")


@pytest.mark.django_db
def test_the_four_demo_plans_keep_every_load_and_start_after_the_plan_date() -> None:
    demo_data()
    catalogue = ensure_default_catalogue().parsed()
    for slug in DEMO_PLANS:
        plan = generate(Engagement.objects.get(slug=slug), None)
        data = plan.data
        made = timezone.localdate(plan.created_at)
        first = add_months(f"{made.year:04d}-{made.month:02d}", 1)
        constraints = data["settings"]["constraints"]
        if data["extra"]["later_round"]:  # Kenya's baseline: plans nothing new (its months
            # are those of the courses it keeps, run in 2025; none dated afresh)
            kept = sorted(c["month"] for c in data["cohorts"] if c["month"])
            assert kept and all(c["delivery"] for c in data["cohorts"] if c["month"]), slug
            assert data["months"][0] == kept[0] < first, slug
        else:
            assert data["months"][0] == constraints["first_month"] >= first, slug
        assert constraints["plan_date"] == made.isoformat()
        limits = {row["org_id"]: row for row in data["load"]}
        assert set(limits) == {o["org_id"] for o in data["organisations"]}
        days: Counter[tuple[str, str]] = Counter()
        quarter: Counter[tuple[str, int]] = Counter()
        away: Counter[tuple[str, str]] = Counter()
        for cohort in data["cohorts"]:
            if cohort["month"] is None:
                continue
            if cohort.get("delivery"):  # kept because under way or done: where it runs
                if cohort["month"] not in data["months"]:
                    continue  # before the new horizon: no load in it
            else:
                assert (cohort["month"] >= first
                        and cohort["month"] not in data["blackout_months"]), slug
            module = catalogue.by_code[cohort["module_code"]]
            closed = frozenset(data["blackout_months"])
            for member in cohort["members"]:  # coaching: its days spread, nobody away
                for month, part in spread(module, cohort["month"], closed):
                    days[(member["org_id"], month)] += part
                    quarter[(member["org_id"], quarter_of(month))] += part
                away[(member["org_id"], cohort["month"])] += (
                    0 if module.at_workplace else member["participants"])
        for (org, month), used in days.items():
            if month not in data["months"]:
                continue  # a coach's last days past the horizon
            row = limits[org]
            assert used <= row["limits"][data["months"].index(month)] <= row["days_per_month"]
            assert away[(org, month)] <= row["staff_away"]
        for (org, _), used in quarter.items():
            assert used <= limits[org]["days_per_quarter"]
        for row in data["load"]:
            assert all(d <= lim for d, lim in zip(row["days"], row["limits"], strict=True))
        for unfit in data["unfit"]:
            assert unfit["message"]
        # the fiscal year-end of the country is closed (Kenya June, Djibouti and Somalia
        # December), and Ramadan closes a month in Djibouti and Somalia
        closed = set(data["blackout_months"])
        fiscal = "06" if slug.startswith("kenya") else "12"
        if not data["extra"]["later_round"]:  # the baseline's months, July to December
            assert any(m.endswith(f"-{fiscal}") for m in closed), (slug, closed)
        if not slug.startswith("kenya"):
            assert any(r.startswith("ramadan:") for b in data["month_blocks"] for r in b["reasons"])


def test_blocked_months_are_said_in_the_readers_language() -> None:
    from govcap.planning.core.blackouts import month_blocks
    from govcap.planning.month_words import reasons_words

    kenya = {b.month: b for b in month_blocks("KE", ["2026-06", "2026-10"], fiscal_year_end=6,
                                               national_holidays=True)}
    assert reasons_words(kenya["2026-06"].reasons, "en") == "fiscal year-end"
    assert "Mashujaa Day (20)" in reasons_words(kenya["2026-10"].reasons, "en")
    assert "Siku ya Mashujaa (20)" in reasons_words(kenya["2026-10"].reasons, "sw")
    djibouti = month_blocks("DJ", ["2026-06", "2027-02"], ramadan=True, national_holidays=True)
    june = reasons_words(djibouti[0].reasons, "fr")  # the 27th is a Saturday: a weekend
    assert "Nouvel an musulman" in june and "Deuxième jour de la fête de l’indépendance (28)" in june
    assert reasons_words(djibouti[1].reasons, "en").startswith("Ramadan (")
    assert reasons_words(("Madaraka Day (1)",), "fr") == "Madaraka Day (1)"  # an older plan
