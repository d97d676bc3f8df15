"""A session's history (the audit trail), for its coordinators: a page and a CSV file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from govcap.accounts import scoping
from govcap.accounts.exports import csv_text
from govcap.assessments import access, history


def get_session(request, uuid):
    session = get_object_or_404(access.sessions(request.user), uuid=uuid)
    scoping.require(scoping.can_view_history(request.user, session),
                    _("Only the engagement's coordinators see a session's history."))
    return session


@require_GET
@login_required
def session_history(request, uuid):
    session = get_session(request, uuid)
    return render(request, "accounts/history.html",
                  {"session": session, "events": list(history.lines_of(session, bookkeeping=False))})


@require_GET
@login_required
def session_history_csv(request, uuid):
    session = get_session(request, uuid)
    body = csv_text(history.csv_header(), history.csv_rows(session))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="history-{session.uuid}.csv"'
    return response
