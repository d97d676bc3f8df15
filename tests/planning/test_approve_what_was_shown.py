"""Approving signs what the confirm page showed: a draft an edit changed in place since (in
another tab) is not approved; the confirm page is shown again, as the draft is now, saying
why (fresh eyes, Kenya's follow-up: "6 coaching … USD 42,735.00" was read, 5 coaching and
USD 40,012.50 approved)."""

from __future__ import annotations

import re

from govcap.planning import services
from govcap.planning.core import edits
from govcap.planning.models import Plan
from tests.planning.test_plan_views import planned, url  # noqa: F401  (the fixture)


def _seen(page) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', page.content.decode()).group(1)


def test_an_approval_from_a_page_shown_before_an_edit_is_refused(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    shown = _seen(client.get(url("plan-approve", planned, 1)))
    # a second tab leaves a need out: the draft changes in place, still version 1
    need = planned.plan.data["needs"][0]
    services.add_edit(planned.engagement, planned.coordinator, edits.DropModule(
        "tab-2", need["org_id"], need["module_code"]))
    assert Plan.objects.get(engagement=planned.engagement, version=1).checksum != shown

    response = client.post(url("plan-approve", planned, 1), {"seen": shown})
    assert not Plan.objects.get(engagement=planned.engagement, version=1).is_read_only
    page = response.content.decode()
    assert response.status_code == 200 and "Not approved: version 1 changed since" in page
    assert "Approve version 1" in page  # the confirm page again, with the draft as it is now

    client.post(url("plan-approve", planned, 1), {"seen": _seen(response)})
    assert Plan.objects.get(engagement=planned.engagement, version=1).is_read_only
