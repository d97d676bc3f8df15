"""API tokens: listed, created (shown once) and revoked by their owner."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from govcap.accounts import tokens
from govcap.accounts.forms import TokenForm


@require_http_methods(["GET", "POST"])
@login_required
def token_list(request):
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        created = tokens.create_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    return render(request, "accounts/tokens.html", {
        "form": form, "created": created, "tokens": tokens.tokens_of(request.user)})


@require_POST
@login_required
def token_revoke(request, uuid):
    token = get_object_or_404(tokens.tokens_of(request.user), uuid=uuid)
    tokens.revoke_token(request.user, token)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("api-tokens")
