"""Invitations: created by administrators and coordinators, accepted by the new person."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from govcap.accounts import backends, invitations, scoping
from govcap.accounts.forms import AcceptForm, InvitationForm


@require_http_methods(["GET", "POST"])
@login_required
def invitation_list(request):
    user = request.user
    scoping.require(scoping.is_admin(user) or scoping.managed_engagements(user).exists())
    form = InvitationForm(request.POST or None, user=user)
    link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = invitations.create_invitation(
                user, username=data["username"], email=data["email"], role=data["role"],
                engagement=data["engagement"])
        except invitations.InvitationError as error:
            form.add_error(None, _(str(error)))
        else:
            link = request.build_absolute_uri(
                reverse("invitation-accept", args=[created.raw_token]))
            form = InvitationForm(user=user)
    return render(request, "accounts/invitations.html", {
        "form": form, "link": link,
        "invitations": scoping.invitations(user)[:200],
    })


@require_POST
@login_required
def invitation_revoke(request, uuid):
    invitation = get_object_or_404(scoping.invitations(request.user), uuid=uuid)
    invitations.revoke_invitation(request.user, invitation)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("invitations")


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    context: dict = {"logged_in_as": request.user if request.user.is_authenticated else None}
    try:
        invitation = invitations.find_pending(token)
    except invitations.InvitationError as error:
        return render(request, "accounts/invitation_accept.html",
                      {**context, "problem": _(str(error))}, status=410)
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and not request.user.is_authenticated and form.is_valid():
        try:
            user = invitations.accept_invitation(token, form.cleaned_data["password1"],
                                                 form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error("password1", error)
        except invitations.InvitationError as error:
            return render(request, "accounts/invitation_accept.html",
                          {**context, "problem": _(str(error))}, status=410)
        else:
            login(request, user, backend=backends.PATH)
            messages.success(request, _("Welcome to govcap."))
            return redirect("home")
    return render(request, "accounts/invitation_accept.html",
                  {**context, "invitation": invitation, "form": form})
