"""The attendance API counts its marks as the attendance import does: new, changed,
unchanged; ``saved`` is what it wrote, not a mark sent again as it was recorded."""

from __future__ import annotations

import json

from govcap.accounts.models import AuditEvent
from govcap.delivery.models import Attendance
from tests.delivery.test_scoping import bearer


def post(api, course, marks):
    return api.post(f"/api/deliveries/{course.delivery.uuid}/attendance",
                    json.dumps({"marks": [{"code": c, "day": d, "present": p}
                                          for c, d, p in marks]}),
                    content_type="application/json")


def test_a_mark_sent_again_as_recorded_is_unchanged_not_saved(course):
    api = bearer(course.provider)
    assert json.loads(post(api, course, [("T1", 1, True), ("T1", 2, True)]).content) == {
        "saved": 2, "new": 2, "changed": 0, "unchanged": 0}
    events = AuditEvent.objects.count()
    again = post(api, course, [("T1", 1, True), ("T1", 2, False)])
    assert again.status_code == 200
    assert json.loads(again.content) == {"saved": 1, "new": 0, "changed": 1, "unchanged": 1}
    assert AuditEvent.objects.count() == events + 1
    same = json.loads(post(api, course, [("T1", 1, True), ("T1", 2, False)]).content)
    assert same == {"saved": 0, "new": 0, "changed": 0, "unchanged": 2}
    assert AuditEvent.objects.count() == events + 1  # nothing written, nothing audited


def test_a_code_and_day_given_twice_refuse_the_request(course):
    refused = post(bearer(course.provider), course, [("T1", 1, True), ("t1", 1, False)])
    assert refused.status_code == 422
    assert "T1, day 1 is given twice" in json.loads(refused.content)["message"]
    assert not Attendance.objects.exists()
