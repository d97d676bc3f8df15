"""A course shared by organisations names them in the reader's order (issue 15), the same
at every generation: the plan page and the documents listed them in the order of their ids,
random UUIDs, so "Ministère de l'Intérieur" came before or after "Ministère de l'Économie"
from one database to the next (and by code point É sorted after I)."""

from __future__ import annotations

import io
import re
import uuid

import docx
from django.urls import reverse

from govcap.orgs.models import Organisation
from govcap.planning import services
from govcap.reports import documents

from .test_plan_views import planned  # noqa: F401  (the fixture)

INTERIOR, ECONOMY = "Ministère de l'Intérieur", "Ministère de l'Économie"


def shown_orders(client, world, interior_id: str, economy_id: str) -> set[tuple[str, ...]]:
    """Every order in which the plan page and the whole plan's DOCX name the two
    organisations together, with the given ids (ids in either order: shuffled input)."""
    for org in (world.ministry, world.agency):  # out of the way first: the ids are unique
        Organisation.objects.filter(pk=org.pk).update(uuid=uuid.uuid4())
    Organisation.objects.filter(pk=world.ministry.pk).update(uuid=interior_id, name=INTERIOR)
    Organisation.objects.filter(pk=world.agency.pk).update(uuid=economy_id, name=ECONOMY)
    plan = services.generate(world.engagement, world.coordinator)
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "fr"
    html = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    html = html.replace("&#x27;", "'")
    orders = set()
    for names in re.findall(r'<td><ul class="names">(.*?)</ul></td>', html):  # courses
        orders.add(tuple(re.findall(r"<bdi>([^<]+)</bdi>", names)))
    for names in re.findall(r'<br><span class="notes">(.*?)</span>', html):  # the actions
        orders.add(tuple(re.findall(r"<bdi>([^<]+)</bdi>", names)))
    body = docx.Document(io.BytesIO(documents.render(plan, "docx", None, "fr")))
    for table in body.tables:
        for row in table.rows:
            for cell in row.cells:
                lines = [n for n in (re.split(r"\s*:\s*\d+$", line)[0].strip()
                                     for line in cell.text.splitlines())
                         if n in (INTERIOR, ECONOMY)]
                if len(lines) > 1:
                    orders.add(tuple(lines))
    return {o for o in orders if len(o) > 1}


def test_a_shared_course_names_its_organisations_in_the_readers_order(client, planned):  # noqa: F811
    low, high = "00000000-0000-4000-8000-000000000000", "ffffffff-ffff-4fff-bfff-ffffffffffff"
    first = shown_orders(client, planned, low, high)
    again = shown_orders(client, planned, str(uuid.UUID(high)), str(uuid.UUID(low)))
    assert first == again == {(ECONOMY, INTERIOR)}, (first, again)
