"""Invitations: a link for a new person to choose their own password and arrive with a role.

The link carries a random token; only its SHA-256 is stored. It works once, until it
expires (GOVCAP_INVITATION_DAYS) or is revoked. No password ever travels by email.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from govcap.accounts import audit, scoping
from govcap.accounts.models import GLOBAL_ROLES, Invitation, Role, RoleAssignment


class InvitationError(Exception):
    """A message for the person, naming what is wrong."""


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    raw_token: str  # put in the link shown once to the inviter


def create_invitation(actor, *, username: str, email: str, role: str, engagement=None,
                      organisation=None) -> NewInvitation:
    username = username.strip()
    if not scoping.can_invite(actor, role, engagement):
        raise InvitationError("You cannot invite someone with this role here.")
    if role in GLOBAL_ROLES and engagement is not None:
        raise InvitationError("This role is programme-wide: leave the engagement empty.")
    if role not in GLOBAL_ROLES and engagement is None:
        raise InvitationError("Choose the engagement this role is held in.")
    if organisation is not None and (role != Role.VIEWER or engagement is None
                                     or not engagement.organisations.filter(pk=organisation.pk).exists()):
        raise InvitationError("Only a viewer can be narrowed to one organisation of the engagement.")
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise InvitationError(
            "This username already has an account: add the person from the engagement's team.")
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            token_hash=digest(raw), username=username, email=email.strip(), role=role,
            engagement=engagement, organisation=organisation, created_by=actor,
            expires_at=timezone.now() + dt.timedelta(days=settings.GOVCAP_INVITATION_DAYS),
        )
        audit.record(actor, "invite", invitation, None, invitation_state(invitation))
    return NewInvitation(invitation=invitation, raw_token=raw)


def find_pending(raw: str) -> Invitation:
    invitation = Invitation.objects.select_related("engagement").filter(
        token_hash=digest(raw or "")).first()
    if invitation is None:
        raise InvitationError("This invitation link is not valid.")
    state = invitation.state
    if state != "pending":
        raise InvitationError({
            "accepted": "This invitation was already used.",
            "revoked": "This invitation was withdrawn.",
            "expired": "This invitation has expired: ask for a new one.",
        }[state])
    return invitation


def accept_invitation(raw: str, password: str, email: str = ""):
    """Create the account with the password the invitee chose, grant the role, and use up
    the invitation. Raises InvitationError, or ValidationError for a weak password."""
    User = get_user_model()
    with transaction.atomic():
        invitation = find_pending(raw)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != "pending":
            raise InvitationError("This invitation was already used.")
        if User.objects.filter(username__iexact=invitation.username).exists():
            raise InvitationError("This username was taken meanwhile: ask for a new invitation.")
        user = User(username=invitation.username, email=email.strip() or invitation.email)
        validate_password(password, user)
        user.set_password(password)
        user.save()
        RoleAssignment.objects.create(user=user, role=invitation.role,
                                      engagement=invitation.engagement,
                                      organisation=invitation.organisation)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit.record(user, "accept", invitation, None, invitation_state(invitation))
        audit.record(invitation.created_by, "grant", user, None, grant_state(
            user, invitation.role, invitation.engagement, invitation.organisation))
    return user


def revoke_invitation(actor, invitation: Invitation) -> None:
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != "pending":
            return
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(actor, "revoke", invitation, None, invitation_state(invitation))


def invitation_state(invitation: Invitation) -> dict:
    return {
        "username": invitation.username,
        "role": invitation.role,
        "engagement": invitation.engagement.slug if invitation.engagement else None,
        "organisation": invitation.organisation_id,
        "state": invitation.state,
    }


def grant_state(user, role: str, engagement=None, organisation=None) -> dict:
    return {"user": user.username, "role": role,
            "engagement": engagement.slug if engagement is not None else None,
            "organisation": organisation.pk if organisation is not None else None}
