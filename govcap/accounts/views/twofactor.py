"""Two-factor authentication pages: set up, the code step after the password, recovery
codes, removal."""

from __future__ import annotations

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap.accounts import scoping, twofactor
from govcap.accounts.forms import CodeForm


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return "/"


@require_GET
@login_required
def overview(request):
    return render(request, "accounts/two_factor.html", {
        "has_2fa": twofactor.has_device(request.user),
        "requires_2fa": twofactor.is_required(request.user),
        "recovery_left": twofactor.recovery_codes_left(request.user),
    })


@require_http_methods(["GET", "POST"])
@login_required
def setup(request):
    user = request.user
    if twofactor.has_device(user) and not user.is_verified():
        return redirect("two-factor-verify")
    device = twofactor.pending_totp(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_totp(user, device, form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            return render(request, "accounts/recovery_codes.html",
                          {"codes": codes, "next": next_url(request)})
        form.add_error("code", _("This code is not right: check the time on your phone and "
                                 "type the code the app shows now."))
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr_svg": twofactor.qr_svg(device), "secret": twofactor.secret_text(device),
        "next": next_url(request), "required": twofactor.is_required(user),
        "replacing": twofactor.has_device(user),
    })


@require_http_methods(["GET", "POST"])
@login_required
def verify(request):
    if request.user.is_verified() or not twofactor.has_device(request.user):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.verify(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(next_url(request))
        form.add_error("code", _("This code is not right, or too many tries: wait a moment."))
    return render(request, "accounts/two_factor_verify.html",
                  {"form": form, "next": next_url(request)})


@require_POST
@login_required
def recovery(request):
    scoping.require(twofactor.has_device(request.user))
    codes = twofactor.new_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": "/"})


@require_POST
@login_required
def disable(request):
    if twofactor.is_required(request.user):
        messages.error(request, _("Administrators must keep two-factor authentication."))
        return redirect("two-factor")
    twofactor.remove_devices(request.user, request.user)
    messages.success(request, _("Two-factor authentication removed."))
    return redirect("two-factor")
