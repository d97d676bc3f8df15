"""A nomination form sent twice (the back button, a double click) nominates once, and the
same person (same name, same organisation) is not nominated twice: refused, naming the
code they have."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.delivery.models import Trainee
from tests.security.helpers import client_for


def _form(page: str) -> dict:
    start = page.index('class="nominate"')
    form = page[start:page.index("</form>", start)]
    op_id = re.search(r'name="op_id" value="([^"]+)"', form)
    assert op_id, "the nomination form carries its own id"
    return {"op_id": op_id.group(1)}


def test_the_same_form_sent_again_nominates_once_and_says_the_code(course):
    client = client_for(course.coordinator)
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    data = {**_form(page), "organisation": str(course.agency.pk), "role_title": "Analyst",
            "gender": "male", "name": "Otieno K."}
    url = reverse("delivery-nominate", args=[course.delivery.uuid])
    first = client.post(url, data, follow=True).content.decode()
    assert "Nominated as T2." in first
    # back, and the same form submitted again
    again = client.post(url, data, follow=True).content.decode()
    assert "This nomination was saved already, as T2: nothing was added." in again
    assert list(Trainee.objects.filter(delivery=course.delivery).values_list(
        "code", flat=True).order_by("code")) == ["T1", "T2"]


def test_the_same_person_in_a_new_form_is_refused_by_name_and_code(course):
    client = client_for(course.coordinator)
    url = reverse("delivery-nominate", args=[course.delivery.uuid])
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    # T1 is Amina W. of the ministry: a fresh form with her name again (spaces, case aside)
    answer = client.post(url, {**_form(page), "organisation": str(course.ministry.pk),
                               "name": " amina  w. "}, follow=True).content.decode()
    assert "Not nominated: Amina W. of this organisation is on the course already, as T1." \
        in answer.replace("&#x27;", "'")
    assert Trainee.objects.filter(delivery=course.delivery).count() == 1
    # the same name in another organisation is another person
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    answer = client.post(url, {**_form(page), "organisation": str(course.agency.pk),
                               "name": "Amina W."}, follow=True).content.decode()
    assert "Nominated as T2." in answer
