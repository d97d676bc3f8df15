"""The attendance API's body as docs/interchange.md and the OpenAPI document show it — one
object whose ``marks`` lists the marks — is the body the API takes; the rows alone (what
the docs used to say: "JSON rows code, day, present") are refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

from govcap.api.main import api
from govcap.delivery import services
from tests.delivery.test_scoping import bearer

DOC = (Path(__file__).resolve().parents[2] / "docs" / "interchange.md").read_text("utf-8")


def documented_body() -> dict:
    found = re.search(r"-d '(\{\"marks\".*?)' \\\n\s+\S+/attendance", DOC, re.S)
    assert found, "docs/interchange.md shows an attendance request"
    return json.loads(found.group(1))


def test_the_documented_body_is_taken(course):
    services.nominate(
        course.coordinator,
        course.delivery,
        services.Nomination(organisation_id=course.agency.pk, gender="male"),
    )
    url = f"/api/deliveries/{course.delivery.uuid}/attendance"
    client = bearer(course.coordinator)
    body = documented_body()
    answer = client.post(url, json.dumps(body), content_type="application/json")
    assert answer.status_code == 200, answer.content
    assert answer.json() == {"saved": 3, "new": 3, "changed": 0, "unchanged": 0}
    assert '{"saved": 3, "new": 3, "changed": 0, "unchanged": 0}' in DOC
    rows = client.post(url, json.dumps(body["marks"]), content_type="application/json")
    assert rows.status_code == 422


def test_the_openapi_document_shows_the_same_example():
    schema = api.get_openapi_schema()["components"]["schemas"]["AttendanceIn"]
    assert schema["example"] == documented_body()
    assert schema["required"] == ["marks"]
