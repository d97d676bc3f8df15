"""An overdue course's state and what to do about it read as two sentences (issue 15): the
French deliveries page read "…aucune réalisation enregistrée Enregistrez-la avec…", the
Arabic one "…ولم يُسجَّل تنفيذها سجّلها بزر…", the hint run on after the state without a
stop. The hint now starts its own line."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.delivery.test_reviewer_17 import _months_ago, _save, _three_courses
from tests.security.helpers import client_for


def test_the_hint_starts_its_own_line_after_the_overdue_state(course):
    cohorts = _three_courses(course)
    cohorts[1]["month"] = _months_ago(3)
    _save(course.plan)
    for user, hint in ((course.coordinator, "Record it with"),
                       (course.viewer, "The engagement's coordinator records it.")):
        page = client_for(user).get(reverse("deliveries-engagement",
                                            args=[course.engagement.slug])).content.decode()
        cell = re.search(r"no delivery recorded(.*?)</td>", page, re.S)
        assert cell and re.match(r'<br><span class="muted">[^<]*' + re.escape(hint[:10]),
                                 cell.group(1).replace("&#x27;", "'")), cell
