"""A stale tab cannot write over a completion recorded since it was opened (issue 17, fresh
eyes): the completion form carries the trainee's revision as the page showed it, and a
change made on an older one is refused by name, saying what is recorded now."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.delivery.models import Trainee
from tests.security.helpers import client_for


def completion_form(page: str, trainee: Trainee, completion: str, reason: str) -> dict:
    """What the page's completion form for ``trainee`` posts, with the choice made."""
    revision = re.search(
        rf'name="trainee" value="{trainee.uuid}"><input type="hidden" '
        r'name="shown_revision" value="(\d+)"',
        page,
    )
    assert revision, "the completion form carries the revision it showed"
    return {
        "trainee": str(trainee.uuid),
        "shown_revision": revision[1],
        "completion": completion,
        "reason": reason,
    }


def test_a_completion_changed_since_the_page_was_shown_is_not_written_over(course):
    page_url = reverse("delivery", args=[course.delivery.uuid])
    save_url = reverse("delivery-completion", args=[course.delivery.uuid])
    client = client_for(course.coordinator)
    page = client.get(page_url).content.decode()  # tabs A and B: the same page
    a = client.post(
        save_url,
        completion_form(page, course.trainee, "partial", "A: left after day 2"),
        follow=True,
    )
    assert "Saved." in a.content.decode()
    b = client.post(
        save_url,
        completion_form(page, course.trainee, "dropped", "B: never came back"),
        follow=True,
    )
    text = b.content.decode()
    assert "Saved." not in text
    assert (
        "T1&#x27;s completion was changed by someone else since you opened this page; "
        "it is now “Partial — A: left after day 2”. Your change to it was not saved."
    ) in text
    course.trainee.refresh_from_db()
    assert (course.trainee.completion, course.trainee.completion_reason) == (
        "partial",
        "A: left after day 2",
    )
    # the same choice again from the stale tab is no conflict: nothing is lost
    again = client.post(
        save_url,
        completion_form(page, course.trainee, "partial", "A: left after day 2"),
        follow=True,
    )
    assert "Saved." in again.content.decode()
    # a fresh page changes it
    fresh = client.get(page_url).content.decode()
    c = client.post(
        save_url,
        completion_form(fresh, course.trainee, "dropped", "B: never came back"),
        follow=True,
    )
    assert "Saved." in c.content.decode()
    course.trainee.refresh_from_db()
    assert (course.trainee.completion, course.trainee.completion_reason) == (
        "dropped",
        "B: never came back",
    )
