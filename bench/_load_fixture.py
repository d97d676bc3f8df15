"""Data for bench/load.py, written into the bench's throw-away database after `govcap up`:
FACILITATORS facilitator accounts, each assigned to a session of their own (consent recorded,
one participant), on the demo's Kenya engagement; its plan generated; the ceilings' table.
Prints what the load generator needs as JSON. Run by bench/load.py with the server's
environment; never against a real database.

    python bench/_load_fixture.py FACILITATORS PASSWORD
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from govcap.accounts.models import Role, RoleAssignment  # noqa: E402
from govcap.assessments import workflow  # noqa: E402
from govcap.assessments.models import Session  # noqa: E402
from govcap.orgs.models import Engagement  # noqa: E402
from govcap.planning import services as plans  # noqa: E402
from govcap.planning.catalogues import ensure_default_catalogue  # noqa: E402
from govcap.web.bench_ceilings import prepare_table  # noqa: E402


def main(count: int, password: str) -> dict:
    User = get_user_model()
    engagement = (Engagement.objects.filter(country__code="KE", is_demo=True)
                  .order_by("id").first())
    coordinator = User.objects.get(username="demo-coordinator-ke")
    organisations = list(engagement.organisations.order_by("id"))
    hashed = make_password(password)  # one hash for all: the same password, checked per login
    facilitators = []
    with transaction.atomic():
        for i in range(count):
            user = User.objects.create(username=f"bench-facilitator-{i:03d}", password=hashed)
            RoleAssignment.objects.create(user=user, role=Role.FACILITATOR, engagement=engagement)
            session = Session.objects.create(
                engagement=engagement, organisation=organisations[i % len(organisations)],
                instrument=engagement.instrument, place=f"Bench room {i}")
            session.facilitators.add(user)
            workflow.record_consent(coordinator, session, given=True, recording_allowed=False,
                                    note="")
            workflow.add_participant(coordinator, session, workflow.ParticipantInput(
                role_title="Director of ICT", organisation_id=session.organisation_id))
            facilitators.append({"username": user.username, "session": str(session.uuid)})
    ensure_default_catalogue()
    if plans.latest_plan(engagement) is None:
        plans.generate(engagement, coordinator)
    prepare_table()
    sections = [s.key for s in engagement.instrument.parsed.sections]
    return {"engagement": engagement.slug, "instrument": engagement.instrument.version,
            "sections": sections, "facilitators": facilitators,
            "coordinators": ["demo-coordinator-ke", "demo-manager"]}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), sys.argv[2])))
