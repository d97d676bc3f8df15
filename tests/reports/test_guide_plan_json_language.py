"""The coordinator's guide says in which language the plan's JSON comes (issue 15), as the
code writes it: ``?lang=`` writes its sentences in the language asked for with the same
keys; without it a link gives the engagement's language; the API gives the stored data."""

from __future__ import annotations

import json
from pathlib import Path

from django.urls import reverse

from govcap.orgs.models import Engagement
from tests.planning.test_plan_views import planned  # noqa: F401  (the fixture)
from tests.security.helpers import client_for

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "coordinator-guide.md"


def _paragraph() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("**In which language.**")
    return " ".join(text[start:text.index("\n\n", start)].split())


def _keys(data: dict) -> dict[str, object]:
    """The top level's keys, and each list of records' keys (the names a script reads)."""
    return {k: [sorted(r) for r in v if isinstance(r, dict)] if isinstance(v, list) else None
            for k, v in data.items()}


def test_the_guide_says_the_plan_json_follows_the_language_asked_for(planned):  # noqa: F811
    said = _paragraph()
    for claim in ("`?lang=`", "the JSON", "a link gives the engagement's language",
                  "keeps its keys, codes and identifiers", "English JSON is the stored plan",
                  "`GET /api/engagements/{slug}/plans/{version}`) gives the stored data",
                  "`govcap plan export … --lang fr`"):
        assert claim in said, claim
    client = client_for(planned.coordinator)
    url = reverse("plan-download", args=[planned.engagement.slug, "json"])
    english = client.get(url)
    assert english["Content-Language"] == "en"
    assert english.content.decode() == planned.plan.data_json  # byte for byte
    french = client.get(url, {"lang": "fr"})
    assert french["Content-Language"] == "fr"
    stored, written = json.loads(english.content), json.loads(french.content)
    assert written != stored and _keys(written) == _keys(stored)
    Engagement.objects.filter(pk=planned.engagement.pk).update(language="fr")
    assert client.get(url)["Content-Language"] == "fr"  # no ?lang=: the engagement's
    api = client.get(f"/api/engagements/{planned.engagement.slug}/plans/{planned.plan.version}",
                     {"lang": "fr"})
    assert api.status_code == 200 and api.json()["data"] == stored
