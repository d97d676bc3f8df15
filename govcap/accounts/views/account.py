"""The person's own account: roles, password, browser sessions, and links to the rest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import i18n
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import audit, languages, logins, scoping, tokens, twofactor
from govcap.accounts.models import LoginSession


@require_GET
@login_required
def overview(request):
    user = request.user
    chosen = languages.chosen(user)
    return render(request, "accounts/account.html", {
        "roles": user.roles.select_related("engagement", "organisation").order_by("role"),
        "has_2fa": twofactor.has_device(user),
        "requires_2fa": twofactor.is_required(user),
        "recovery_left": twofactor.recovery_codes_left(user),
        "n_tokens": tokens.tokens_of(user).filter(revoked_at__isnull=True).count(),
        "browser_sessions": LoginSession.objects.filter(user=user),
        "current_key": request.session.session_key,
        "can_invite": scoping.is_admin(user) or scoping.managed_engagements(user).exists(),
        "can_manage_users": scoping.can_manage_users(user),
        "languages": languages.offered(),
        "preferred_language": chosen if languages.is_offered(chosen) else "",
        # chosen once, its catalogue since fell below the threshold: said, not hidden
        "withdrawn_language": "" if languages.is_offered(chosen) else languages.name_of(chosen),
    })


class Login(LoginView):
    """Django's login, which then opens govcap in the person's own language on this browser
    too (their account's, kept by the switcher), whatever it showed before."""

    def form_valid(self, form):
        response = super().form_valid(form)
        code = languages.preferred(form.get_user())
        if code:
            translation.activate(code)
            self.request.LANGUAGE_CODE = code
            languages.set_cookie(response, code)
        return response


def set_language(request):
    """Django's language switcher (a cookie that lasts LANGUAGE_COOKIE_AGE); while logged in,
    the choice is also kept with the account, so the next login, in any browser, opens in it."""
    response = i18n.set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        languages.remember(request.user, request.POST.get("language", ""))
    return response


@require_POST
@login_required
def logout_everywhere(request):
    """End every other browser session of this user; this one stays, with a new key."""
    current = request.session.session_key
    ended = logins.end_sessions(request.user, keep=current)
    request.session.cycle_key()
    LoginSession.objects.filter(session_key=current or "").delete()
    LoginSession.objects.update_or_create(
        session_key=request.session.session_key, defaults={
            "user": request.user, "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]})
    audit.record(request.user, "logout_everywhere", request.user, None, {"ended": ended})
    messages.success(request, ngettext("Logged out of %(n)d other browser session.",
                                       "Logged out of %(n)d other browser sessions.",
                                       ended) % {"n": ended})
    return redirect("account")


class PasswordChange(PasswordChangeView):
    template_name = "accounts/password.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        update_session_auth_hash(self.request, form.user)
        audit.record(form.user, "change_password", form.user, None, {"user": form.user.username})
        messages.success(self.request, _("Password changed. Your other sessions are logged out."))
        return response
