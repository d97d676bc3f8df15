"""The training provider, the party evaluated, neither steers nor answers level 3: it does
not record a supervisor's contact, open or close a follow-up link, or see anyone's own
answer address (which needs no account) — on the pages or through the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.models import Delivery, EvaluationLink, Trainee, TraineeIdentity
from tests.security.helpers import client_for


@pytest.fixture
def due(course):
    """The course ended a year ago and T1 completed: its follow-ups are overdue."""
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    TraineeIdentity.objects.filter(trainee=course.trainee).update(
        contact="+254 700 000 001", supervisor_contact="Grace N., +254 700 000 009")
    return course


def test_the_provider_cannot_record_a_supervisors_contact(due):
    url = reverse("evaluation-supervisor-contact", args=[due.delivery.uuid, "T1"])
    response = client_for(due.provider).post(url, {"contact": "My friend, +254 711"})
    assert response.status_code == 403
    assert TraineeIdentity.objects.get(trainee=due.trainee).supervisor_contact == \
        "Grace N., +254 700 000 009"
    with pytest.raises(PermissionDenied):
        services.set_supervisor_contact(due.provider, due.trainee, "My friend")


def test_the_follow_ups_list_shows_the_provider_no_contact_and_no_contact_box(due):
    page = client_for(due.provider).get(reverse("evaluation-follow-ups"))
    html = page.content.decode()
    assert page.status_code == 200 and "T1" in html and "Amina W." in html
    assert "Grace N." not in html and "+254 700 000 001" not in html
    assert "supervisors/T1/contact" not in html
    # the coordinator reads whom to call
    html = client_for(due.coordinator).get(reverse("evaluation-follow-ups")).content.decode()
    assert "Grace N., +254 700 000 009" in html


def test_the_provider_opens_no_follow_up_link_and_sees_none(due):
    provider = client_for(due.provider)
    evaluation_url = reverse("delivery-evaluation", args=[due.delivery.uuid])
    html = provider.get(evaluation_url).content.decode()
    assert 'value="supervisor"' not in html and 'value="participant"' not in html
    response = provider.post(reverse("evaluation-link-open", args=[due.delivery.uuid]),
                             {"form": "supervisor", "hours": "2"})
    assert response.status_code == 403
    assert not EvaluationLink.objects.filter(level=3).exists()
    with pytest.raises(PermissionDenied):
        ev.open_link(due.provider, due.delivery, 3, respondent="participant")
    # the coordinator's link: not listed to the provider, its addresses refused
    link = ev.open_link(due.coordinator, due.delivery, 3, respondent="supervisor")
    address = ev.personal_links(link)[0].token
    html = provider.get(evaluation_url).content.decode()
    assert str(link.uuid) not in html
    page = provider.get(reverse("evaluation-link", args=[due.delivery.uuid, link.uuid]))
    assert page.status_code == 403 and address not in page.content.decode()
    assert provider.post(reverse("evaluation-link-close", args=[due.delivery.uuid,
                                                                link.uuid])).status_code == 403
    link.refresh_from_db()
    assert link.closed_at is None
    # the coordinator reads each address
    page = client_for(due.coordinator).get(reverse("evaluation-link",
                                                   args=[due.delivery.uuid, link.uuid]))
    assert address in page.content.decode()
    # the API has no address, nor contact, for anyone
    raw = create_token(due.provider, "test").raw
    body = client_for(due.provider).get(
        f"/api/deliveries/{due.delivery.uuid}/evaluation",
        HTTP_AUTHORIZATION=f"Bearer {raw}").content.decode()
    assert address not in body and "Grace" not in body
