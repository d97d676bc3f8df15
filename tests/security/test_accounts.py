"""API tokens, invitations, logging out everywhere, and user management."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from govcap.accounts import invitations, tokens
from govcap.accounts.models import ApiToken, AuditEvent, Invitation, LoginSession, RoleAssignment
from tests.security.helpers import client_for

# --- API tokens -------------------------------------------------------------------------------

def test_a_token_is_shown_once_and_stored_hashed(world):
    client = client_for(world.facilitator)
    page = client.post(reverse("api-tokens"), {"name": "Kobo sync"}).content.decode()
    raw = re.search(r'id="new-token">([^<]+)<', page).group(1)
    token = ApiToken.objects.get(user=world.facilitator)
    assert raw.startswith("gct_") and raw not in token.token_hash
    assert token.token_hash == tokens.digest(raw) and token.prefix == raw[:12]
    assert raw not in client.get(reverse("api-tokens")).content.decode()
    assert tokens.verify_token(raw) == world.facilitator


def test_a_revoked_token_no_longer_works(world):
    new = tokens.create_token(world.facilitator, "script")
    client_for(world.facilitator).post(reverse("api-token-revoke", args=[new.token.uuid]))
    assert tokens.verify_token(new.raw) is None
    assert AuditEvent.objects.filter(action="revoke", object_uuid=new.token.uuid).exists()


def test_someone_elses_token_cannot_be_revoked(world):
    new = tokens.create_token(world.coordinator, "script")
    response = client_for(world.facilitator).post(reverse("api-token-revoke",
                                                          args=[new.token.uuid]))
    assert response.status_code == 404
    assert tokens.verify_token(new.raw) == world.coordinator


@pytest.mark.parametrize("raw", ["", None, "gct_nope", "x" * 500, "Bearer gct_x"])
def test_unknown_tokens_are_refused(world, raw):
    assert tokens.verify_token(raw) is None


def test_expired_tokens_and_inactive_users_are_refused(world):
    expired = tokens.create_token(world.viewer, "old", days=1)
    ApiToken.objects.filter(pk=expired.token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert tokens.verify_token(expired.raw) is None
    live = tokens.create_token(world.manager, "live")
    get_user_model().objects.filter(pk=world.manager.pk).update(is_active=False)
    assert tokens.verify_token(live.raw) is None


# --- invitations ------------------------------------------------------------------------------

def invite(world, **kw):
    data = {"username": "amina", "email": "amina@example.org", "role": "facilitator",
            "engagement": world.engagement.pk, **kw}
    page = client_for(world.coordinator).post(reverse("invitations"), data).content.decode()
    match = re.search(r'id="invitation-link">[^<]*/account/invitation/([^/<]+)/<', page)
    assert match, page[:2000]
    return match.group(1)


def test_an_invitation_lets_the_person_choose_a_password_once(world):
    raw = invite(world)
    invitation = Invitation.objects.get(username="amina")
    assert raw not in invitation.token_hash and invitation.token_hash == invitations.digest(raw)
    client = Client()
    url = reverse("invitation-accept", args=[raw])
    assert "amina" in client.get(url).content.decode()
    weak = client.post(url, {"password1": "123", "password2": "123"})
    assert weak.status_code == 200 and not get_user_model().objects.filter(username="amina").exists()
    response = client.post(url, {"password1": "mango-river-census-8",
                                 "password2": "mango-river-census-8"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="amina")
    assert user.check_password("mango-river-census-8")
    assert RoleAssignment.objects.filter(user=user, role="facilitator",
                                         engagement=world.engagement).exists()
    assert AuditEvent.objects.filter(action="grant", after__user="amina").exists()
    again = Client().post(url, {"password1": "mango-river-census-8",
                                "password2": "mango-river-census-8"})
    assert again.status_code == 410 and "already used" in again.content.decode()


def test_an_expired_or_withdrawn_invitation_does_not_work(world):
    raw = invite(world)
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert Client().get(reverse("invitation-accept", args=[raw])).status_code == 410
    raw2 = invite(world, username="badr")
    invitation = Invitation.objects.get(username="badr")
    client_for(world.coordinator).post(reverse("invitation-revoke", args=[invitation.uuid]))
    response = Client().get(reverse("invitation-accept", args=[raw2]))
    assert response.status_code == 410 and "withdrawn" in response.content.decode()


def test_a_coordinator_cannot_invite_administrators_or_into_other_engagements(world):
    with pytest.raises(invitations.InvitationError):
        invitations.create_invitation(world.coordinator, username="x", email="",
                                      role="administrator")
    with pytest.raises(invitations.InvitationError):
        invitations.create_invitation(world.coordinator, username="x", email="",
                                      role="viewer", engagement=world.other_engagement)
    with pytest.raises(invitations.InvitationError):
        invitations.create_invitation(world.coordinator, username="viewer", email="",
                                      role="viewer", engagement=world.engagement)
    made = invitations.create_invitation(world.admin, username="pm", email="",
                                         role="programme_manager")
    assert made.invitation.engagement is None


def test_an_invalid_link_is_refused(world):
    assert Client().get(reverse("invitation-accept", args=["not-a-token"])).status_code == 410


# --- logging out everywhere -------------------------------------------------------------------

def test_log_out_everywhere_ends_the_other_sessions(world):
    first, second = Client(), Client()
    for client in (first, second):
        assert client.post("/login/", {"username": "viewer",
                                        "password": "pw-for-tests-1"}).status_code == 302
    assert LoginSession.objects.filter(user=world.viewer).count() == 2
    response = first.post(reverse("logout-everywhere"))
    assert response.status_code == 302
    assert first.get(reverse("home")).status_code == 200
    assert second.get(reverse("home")).status_code == 302  # back to the login page
    assert LoginSession.objects.filter(user=world.viewer).count() == 1


def test_a_password_change_logs_the_other_sessions_out(world):
    first, second = Client(), Client()
    for client in (first, second):
        client.post("/login/", {"username": "viewer", "password": "pw-for-tests-1"})
    response = first.post(reverse("account-password"), {
        "old_password": "pw-for-tests-1", "new_password1": "plateau-lantern-52",
        "new_password2": "plateau-lantern-52"})
    assert response.status_code == 302
    assert first.get(reverse("home")).status_code == 200
    assert second.get(reverse("home")).status_code == 302


def test_a_deactivated_user_is_logged_out_and_cannot_log_in(world):
    other = Client()
    other.post("/login/", {"username": "viewer", "password": "pw-for-tests-1"})
    client_for(world.admin).post(reverse("user-action", args=[world.viewer.pk]),
                                 {"action": "deactivate"})
    assert other.get(reverse("home")).status_code == 302
    assert Client().post("/login/", {"username": "viewer",
                                     "password": "pw-for-tests-1"}).status_code == 200


def test_administrators_grant_and_remove_programme_wide_roles(world):
    admin = client_for(world.admin)
    admin.post(reverse("user-action", args=[world.viewer.pk]),
               {"action": "grant", "role": "programme_manager"})
    assignment = RoleAssignment.objects.get(user=world.viewer, role="programme_manager")
    admin.post(reverse("user-action", args=[world.viewer.pk]),
               {"action": "remove_role", "assignment": assignment.pk})
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    actions = list(AuditEvent.objects.filter(object_type="auth.user").values_list("action",
                                                                                  flat=True))
    assert "grant" in actions and "revoke_role" in actions
    page = admin.get(reverse("users")).content.decode()
    assert "viewer" in page and "outsider" in page
