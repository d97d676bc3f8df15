"""Submit, validate, reopen and plan approval: a confirmation page (GET) that states what
follows, whose button posts to the unchanged endpoint."""

from __future__ import annotations

import datetime as dt
import uuid

from django.urls import reverse

from govcap.assessments import capture, workflow
from govcap.assessments.models import Session
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import Plan
from govcap.planning.services import approve, generate
from govcap.scale import SECTION_KEYS
from tests.planning.test_plan_models import validated


def rate(world, skip=()):
    for key in SECTION_KEYS:
        if key not in skip:
            capture.save_field(world.facilitator, world.session, capture.FieldSave(
                op_id=uuid.uuid4(), section_key=key, field="level", value="moderate",
                base_revision=0))


def transition(world, action) -> str:
    return reverse("session-transition", args=[world.session.uuid, action])


def test_the_overview_links_to_the_confirmation_not_a_one_click_post(client, consented):
    client.force_login(consented.facilitator)
    page = client.get(reverse("session", args=[consented.session.uuid])).content.decode()
    assert f'href="{transition(consented, "submit")}"' in page
    assert f'action="{transition(consented, "submit")}"' not in page


def test_submitting_a_session_with_a_section_unrated_says_which_and_offers_no_button(
        client, consented):
    rate(consented, skip={"policy-influence"})
    client.force_login(consented.facilitator)
    page = client.get(transition(consented, "submit")).content.decode()
    assert "Submit this session?" in page
    assert "7 of 8 sections rated." in page
    assert "6. Ability to influence" in page and "has no level yet" in page
    assert f'action="{transition(consented, "submit")}"' not in page
    assert Session.objects.get(pk=consented.session.pk).status == "in_progress"


def test_the_submit_confirmation_posts_to_the_endpoint(client, consented):
    rate(consented)
    client.force_login(consented.facilitator)
    page = client.get(transition(consented, "submit")).content.decode()
    assert "8 of 8 sections rated." in page and "2 participants" in page
    assert "Facilitators can no longer edit it." in page
    assert f'action="{transition(consented, "submit")}"' in page
    assert f'href="{reverse("session", args=[consented.session.uuid])}"' in page  # Cancel
    assert Session.objects.get(pk=consented.session.pk).status == "in_progress"  # GET did nothing
    client.post(transition(consented, "submit"))
    assert Session.objects.get(pk=consented.session.pk).status == "submitted"


def test_validate_and_reopen_confirm_for_coordinators_only(client, consented):
    rate(consented)
    workflow.submit(consented.facilitator, consented.session)
    for who in (consented.facilitator, consented.viewer):
        client.force_login(who)
        assert client.get(transition(consented, "validate")).status_code == 403
        assert client.get(transition(consented, "reopen")).status_code == 403
    client.force_login(consented.outsider)
    assert client.get(transition(consented, "validate")).status_code == 404
    client.force_login(consented.coordinator)
    page = client.get(transition(consented, "validate")).content.decode()
    assert "Validate this session?" in page and "read-only to everyone" in page
    assert f'action="{transition(consented, "validate")}"' in page
    page = client.get(transition(consented, "reopen")).content.decode()
    assert "Reopen this session for capture?" in page
    assert client.get(transition(consented, "destroy")).status_code == 404
    assert Session.objects.get(pk=consented.session.pk).status == "submitted"


def test_a_transition_that_does_not_apply_says_so(client, consented):
    client.force_login(consented.coordinator)
    page = client.get(transition(consented, "validate")).content.decode()
    assert "only a submitted session can be validated" in page
    assert f'action="{transition(consented, "validate")}"' not in page


def test_a_viewer_gets_no_submit_confirmation(client, consented):
    client.force_login(consented.viewer)
    assert client.get(transition(consented, "submit")).status_code == 403


def test_plan_approval_confirms_with_what_follows(client, world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    plan = generate(world.engagement, world.coordinator)
    url = reverse("plan-approve", args=[world.engagement.slug, plan.version])
    client.force_login(world.viewer)
    assert client.get(url).status_code == 403
    client.force_login(world.coordinator)
    page = client.get(reverse("plan", args=[world.engagement.slug])).content.decode()
    assert f'href="{url}"' in page and f'action="{url}"' not in page
    page = client.get(url).content.decode()
    assert "Approve version 1 of the training plan?" in page
    assert "becomes read-only" in page and "1 organisation" in page
    assert f'action="{url}"' in page
    assert Plan.objects.get(pk=plan.pk).status == "draft"
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    assert "Regenerate first" in client.get(url).content.decode()
    client.post(url)
    assert Plan.objects.get(pk=plan.pk).status == "approved"
    page = client.get(url).content.decode()
    assert "approved already" in page and f'action="{url}"' not in page


def test_an_older_plan_version_cannot_be_approved(client, world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    first = generate(world.engagement, world.coordinator)
    approve(first, world.coordinator)
    second = generate(world.engagement, world.coordinator)  # a new draft from the approved one
    assert second.version == first.version + 1
    client.force_login(world.coordinator)
    page = client.get(reverse("plan-approve", args=[world.engagement.slug, first.version])
                      ).content.decode()
    assert "approved already" in page
    Plan.objects.filter(pk=first.pk).update(status="draft")
    page = client.get(reverse("plan-approve", args=[world.engagement.slug, first.version])
                      ).content.decode()
    assert "Only the latest version can be approved: version 2 is newer." in page
