"""The nomination form's menu of organisations in the readers' order of names (issue 15):
the course's organisations first, then the others, each group by `localise.sort_key` — a
French reader found "Ministère de l'Intérieur" before "Ministère de l'Économie", the
database's order by code point."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.orgs.models import Organisation


def test_the_organisations_menu_is_in_the_readers_order_of_names(client, course):
    course.ministry.name, course.agency.name = "Office de l'Intérieur", "Office de l'État"
    course.ministry.save()
    course.agency.save()
    for name in ("Ministère de l'Intérieur", "Ministère de l'Économie", "ministère de la Santé"):
        course.engagement.organisations.add(
            Organisation.objects.create(country=course.engagement.country, name=name))
    client.force_login(course.coordinator)
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    menu = re.search(r'<select name="organisation"[^>]*>(.*?)</select>', page, re.S)
    assert menu
    names = [n.replace("&#x27;", "'") for n in re.findall(r"<option[^>]*>([^<]*)</option>",
                                                            menu.group(1))]
    assert names == ["Office de l'État", "Office de l'Intérieur",  # the course's
                     "Ministère de l'Économie", "Ministère de l'Intérieur",
                     "ministère de la Santé"]
