"""The Arabic plan JSON carries no invisible direction marks in its texts (issue 15, fresh
eyes): actions[].measure, indicators[].indicator and needs[].rationale held U+2066, U+2068
and U+2069, which a program reading the data gets as part of the words."""

from __future__ import annotations

import json
import re

import pytest

from tests.reports.test_json_language import download, plan  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

MARKS = re.compile("[\u2066-\u2069\u202a-\u202e]")


def test_the_arabic_json_has_no_direction_marks(client, world, plan):  # noqa: F811
    data = download(client, world, plan, "ar")
    text = json.dumps(data, ensure_ascii=False)
    assert not MARKS.search(text), MARKS.findall(text)[:5]
    assert data["actions"][0]["measure"] and data["indicators"][0]["indicator"]
    assert any(re.search("[\u0600-\u06ff]", r) for n in data["needs"] for r in n["rationale"])
