"""A viewer reads no total of fewer than 5 answers on a course's evaluation page: the
course's page lists its participants by code with role, seniority and gender, so a total
of one or two answers is someone's answer. The coordinators read them all."""

from __future__ import annotations

from django.urls import reverse

from tests.delivery import test_eval_narrowed
from tests.security.helpers import client_for

two_orgs = test_eval_narrowed.two_orgs  # the fixture

WHY = ("The course's page lists its participants by code with their role, seniority and "
       "gender: so that no one's answers can be read from a total, a total is shown from 5 "
       "answers.")


def test_a_viewer_reads_no_total_of_two_answers_and_is_told_why(two_orgs):
    url = reverse("delivery-evaluation", args=[two_orgs.delivery.uuid])
    for who in (two_orgs.viewer, two_orgs.agency_viewer):
        html = client_for(who).get(url).content.decode()
        assert WHY in html
        assert "shown from 5 answers" in html and "shown from 5 participants" in html
        assert "70%" not in html and "50%" not in html  # the course's mean after, before
    coordinator = client_for(two_orgs.coordinator).get(url).content.decode()
    assert WHY not in coordinator and "shown from 5" not in coordinator
