"""A training provider's staff reaches the pages that are theirs only: the menu hides the
assessment side from them (``base.html``), and this refuses it when reached by a typed or
bookmarked address."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from govcap.delivery import access

# What a training provider's staff (``delivery.access.only_a_provider``: no engagement role)
# may open: their home, their deliveries and evaluations, their account, the API (scoped
# there), signing in and out, the language and the offline shell. The assessment side
# (analysis, plans, jobs, results, sessions…) has nothing of theirs: a 403 saying so,
# rather than an empty page reached by a typed or bookmarked address.
PROVIDER_VIEW_MODULES = (
    "govcap.delivery.", "govcap.accounts.views.", "govcap.web.views.offline",
    "govcap.web.health",
    "django.views.i18n", "django.contrib.auth.views",
)
PROVIDER_PAGE_NAMES = frozenset({"home"})


class ProviderAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @staticmethod
    def process_view(request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        module = getattr(view_func, "__module__", "") or ""
        if (request.path.startswith(("/api/", settings.STATIC_URL))
                or (match is not None and match.url_name in PROVIDER_PAGE_NAMES)
                or (match is not None and match.url_name is None)  # favicon and the like
                or module.startswith(PROVIDER_VIEW_MODULES)):
            return None
        if access.only_a_provider(user):
            raise PermissionDenied(_("This part of govcap is for the engagements' teams; as "
                                     "a training provider you see your deliveries."))
        return None
