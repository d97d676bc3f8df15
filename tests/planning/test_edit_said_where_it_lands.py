"""What an edit says is read where the page opens (fresh eyes, Kenya's follow-up): the page
jumped to the Courses part while "Saved… This also moved: …" stood at the top, out of
sight; and an edit whose outcome became "Nothing to change" still said what it moved when
it was saved."""

from __future__ import annotations

import re

from govcap.planning import wording
from govcap.planning.models import PlanEdit
from govcap.planning.views import _when_saved
from tests.planning.helpers import CATALOGUE
from tests.planning.test_plan_page_path import planned  # noqa: F401  (the fixture)
from tests.planning.test_plan_views import url


def test_the_saved_message_is_inside_the_part_the_page_opens_at(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    cohort = next(c for c in planned.plan.data["cohorts"] if c["status"] == "scheduled")
    month = next(m for m in planned.plan.data["months"] if m != cohort["month"])
    response = client.post(url("plan-edit", planned, "move-cohort"),
                           {"op_id": "d" * 32, "cohort": cohort["cohort_id"], "month": month,
                            "members": ",".join(m["org_id"] for m in cohort["members"]),
                            "part": "cohorts"})
    assert response["Location"].endswith("#cohorts")
    page = client.get(response["Location"]).content.decode()
    top = re.search(r'<div id="messages"[^>]*>(.*?)</div>', page, re.S).group(1)
    courses = page.split('<section id="cohorts"')[1].split("</h2>", 1)[1][:2000]
    assert "Saved: Move" not in top
    assert re.search(r'<p class="msg msg-success" role="status">Saved: Move', courses)


def test_what_an_edit_moved_when_saved_is_not_said_once_it_changes_nothing():
    names = wording.Namer(CATALOGUE)
    moved = [{"module_code": "POL-901", "before": "2027-03", "after": "2027-05",
              "orgs": []}]
    edit = PlanEdit(kind="move-cohort", operation={}, moved_others=moved,
                    last_status="applied")
    assert "This also moved" in _when_saved(edit, names)
    edit.last_status = "noop"  # a later move of the same course: "Nothing to change"
    assert _when_saved(edit, names) == ""
