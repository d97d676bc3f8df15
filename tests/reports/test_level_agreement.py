"""One organisation, one level per section per round: the heatmap page, the plan JSON and
the DOCX say the same (analysis.core.org_level), on demo-like data — re-run FGDs, a
session reopened after validation, one only submitted, a draft."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from govcap.assessments.models import Session
from govcap.orgs.models import Organisation
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.services import generate
from govcap.reports import figures
from govcap.scale import LEVEL_KEYS, SECTION_KEYS
from tests.planning.test_plan_models import rate, validated

WORDS = {"Basic": "basic", "Moderate": "moderate", "High": "high", "Not assessed": None}


def session(world, org, day, status, levels, validated_at=None) -> Session:
    s = Session.objects.create(engagement=world.engagement, organisation=org,
                               instrument=world.instrument, scheduled_date=day, status=status,
                               validated_at=validated_at)
    rate(s, levels)
    return s


@pytest.fixture
def rounds(world):
    ensure_default_catalogue()
    w = world
    w.third = Organisation.objects.create(country=w.engagement.country, name="Revenue Office")
    w.engagement.organisations.add(w.third)
    everywhere = {key: LEVEL_KEYS[i % 3] for i, key in enumerate(SECTION_KEYS)}
    # the ministry ran its FGD twice: the later validated session decides, not a median
    validated(w, w.ministry, dt.date(2026, 2, 1), {k: "basic" for k in SECTION_KEYS})
    validated(w, w.ministry, dt.date(2026, 3, 1), everywhere)
    # the agency: validated, then a newer session still in progress (not deciding)
    validated(w, w.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic",
                                                 "change-management": "not_assessed"})
    session(w, w.agency, dt.date(2026, 4, 1), Session.Status.IN_PROGRESS,
            {k: "high" for k in SECTION_KEYS})
    # the third: submitted only — provisional on the page, absent from the plan
    session(w, w.third, dt.date(2026, 3, 5), Session.Status.SUBMITTED,
            {k: "basic" for k in SECTION_KEYS})
    w.plan = generate(w.engagement, w.coordinator)
    return w


def page_levels(client, world) -> dict[str, dict[str, str | None]]:
    base = reverse("analysis-engagement", args=[world.engagement.slug])
    page = client.get(base)
    assert page.status_code == 200
    data = client.get(base + "download/heatmap.csv").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(data)))
    return {line[0]: {key: WORDS[word] for key, word in zip(SECTION_KEYS, line[1:], strict=False)}
            for line in lines[1:]}


def test_the_heatmap_page_the_plan_json_and_the_docx_agree(client, rounds, monkeypatch):
    w = rounds
    client.force_login(w.coordinator)
    on_page = page_levels(client, w)

    plan = json.loads(client.get(reverse("plan-download", args=[w.engagement.slug, "json"]))
                      .content)
    names = {o["org_id"]: o["org_name"] for o in plan["organisations"]}
    in_plan: dict[str, dict[str, str | None]] = {name: {} for name in names.values()}
    for row in plan["sections"]:
        in_plan[names[row["org_id"]]][row["section_key"]] = row["current"]

    drawn = []
    real = figures.heatmap

    def spy(data, fmt, *args, **kwargs):
        drawn.append(data)
        return real(data, fmt, *args, **kwargs)

    monkeypatch.setattr(figures, "heatmap", spy)
    docx = client.get(reverse("plan-download", args=[w.engagement.slug, "docx"]))
    assert docx.status_code == 200 and drawn
    in_docx = {name: dict(zip(SECTION_KEYS, line, strict=True))
               for data in drawn for name, line in zip(data.rows, data.cells, strict=True)}

    assert set(in_plan) == set(in_docx) == {w.ministry.name, w.agency.name}
    for name in in_plan:
        assert on_page[name] == in_plan[name] == in_docx[name], name
    assert in_plan[w.ministry.name][SECTION_KEYS[2]] == "high"  # the later session, no median
    assert in_plan[w.agency.name]["enterprise-architecture"] == "basic"  # not the newer draft
    assert in_plan[w.agency.name]["change-management"] is None
    # the submitted-only organisation is on the page, marked provisional, and not planned
    provisional = f"{w.third.name} (provisional)"
    assert on_page[provisional] == {key: "basic" for key in SECTION_KEYS}
