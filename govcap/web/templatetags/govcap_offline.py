"""What a page tells the service worker: the login it was rendered for (base.html) and, on
a session's pages, the session's pages to save for offline use (_session_header.html)."""

from __future__ import annotations

import time

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from govcap.web.views import offline

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_meta(context) -> str:
    """<meta name="govcap-offline">: the login's key ("" for nobody), when the page was
    rendered, how long a login lasts, and the offline banner's words. The worker marks a
    copy it serves from its cache with data-source="cache"."""
    request = context.get("request")
    return format_html(
        '<meta name="govcap-offline" content="{}" data-source="network" data-rendered="{}" '
        'data-age="{}" data-worker="{}" data-scope="/s/" data-banner="{}">',
        offline.offline_key(request) if request is not None else "",
        int(time.time()), settings.SESSION_COOKIE_AGE, reverse("service-worker"),
        _("No connection, or a very slow one: this page was saved at %(time)s. Your edits "
          "are kept on this device and sent when the connection returns."),
    )


@register.simple_tag(takes_context=True)
def offline_pages(context) -> str:
    """The open session's pages, space-separated, for the worker to save."""
    session = context["session"]
    urls = [reverse(name, args=[session.uuid]) for name in
            ("session", "session-guide", "session-consent")]
    urls += [reverse("section", args=[session.uuid, step["section"].key])
             for step in context.get("steps", [])]
    urls.append(reverse("session-summary", args=[session.uuid]))
    return " ".join(urls)
