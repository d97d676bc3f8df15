"""User management for administrators: roles, lockouts, sessions, two-factor, activity."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from govcap import localise
from govcap.accounts import audit, lockout, logins, scoping, twofactor
from govcap.accounts.forms import GrantForm
from govcap.accounts.invitations import grant_state
from govcap.accounts.models import RoleAssignment


@require_GET
@login_required
def user_list(request):
    scoping.require(scoping.can_manage_users(request.user))
    users = get_user_model().objects.order_by("username").prefetch_related(
        "roles__engagement", "roles__organisation")
    rows = [{"user": u, "locked": lockout.is_locked(u.username),
             "has_2fa": twofactor.has_device(u)} for u in users]
    return render(request, "accounts/users.html", {"rows": rows, "grant_form": GrantForm()})


def _grant(actor, user, data) -> str:
    form = GrantForm(data)
    if not form.is_valid():
        return _("Choose a role.")
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=form.cleaned_data["role"], engagement=None, organisation=None)
    if created:
        audit.record(actor, "grant", user, None, grant_state(user, assignment.role))
    return _("Role granted.")


def _remove_role(actor, user, data) -> str:
    assignment = get_object_or_404(RoleAssignment, user=user, pk=data.get("assignment"))
    audit.record(actor, "revoke_role", user, grant_state(
        user, assignment.role, assignment.engagement, assignment.organisation), None)
    assignment.delete()
    return _("Role removed.")


def _set_active(actor, user, active: bool) -> str:
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        logins.end_sessions(user)
    audit.record(actor, "activate" if active else "deactivate", user,
                 {"active": not active}, {"active": active})
    return _("Account activated.") if active else _("Account deactivated and logged out.")


def _unlock(actor, user, data) -> str:
    lockout.unlock(user.username)
    audit.record(actor, "unlock", user, None, {"user": user.username})
    return _("Login lock lifted.")


def _logout(actor, user, data) -> str:
    ended = logins.end_sessions(user)
    audit.record(actor, "logout_everywhere", user, None, {"ended": ended})
    return _("Logged out everywhere.")


def _reset_2fa(actor, user, data) -> str:
    twofactor.remove_devices(actor, user)
    return _("Two-factor authentication reset.")


ACTIONS = {
    "grant": _grant,
    "remove_role": _remove_role,
    "deactivate": lambda actor, user, data: _set_active(actor, user, False),
    "activate": lambda actor, user, data: _set_active(actor, user, True),
    "unlock": _unlock,
    "logout": _logout,
    "reset_2fa": _reset_2fa,
}


@require_POST
@login_required
def user_action(request, pk):
    scoping.require(scoping.can_manage_users(request.user))
    user = get_object_or_404(get_user_model(), pk=pk)
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
    elif user == request.user and request.POST.get("action") in ("deactivate", "remove_role"):
        messages.error(request, _("You cannot do this to your own account."))
    else:
        with transaction.atomic():
            messages.success(request, localise.labelled(
                user.username, action(request.user, user, request.POST)))
    return redirect("users")
