"""The edits of a session that need their author's decision: every conflict kept for the
user (see assessments.conflicts), both versions side by side with the differing words
marked, and a choice per conflict — keep mine, take theirs, or save a merge. Works with
JavaScript off; the autosave script reads the same list as JSON to stay in step."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from govcap.assessments import capture, conflicts
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.assessments.models import CaptureConflict, Quote
from govcap.web.views.section import confidence_choices, conflict_view, level_choices
from govcap.web.views.sessions import get_session, session_context

DECISIONS = ("mine", "theirs", "merged")


def labels_for(conflict: CaptureConflict) -> dict[str, str]:
    return dict({"level": level_choices(), "confidence": confidence_choices()}
                .get(conflict.field, []))


def field_title(conflict: CaptureConflict) -> str:
    return {
        "level": _("Agreed level"), "confidence": _("Confidence in this level"),
        "not_assessed_reason": _("Reason, if not assessed"), "notes": _("Notes"),
        "evidence": _("Evidence mentioned"), "dissent": _("Dissent"), "quote": _("Quote"),
    }.get(conflict.field, conflict.field)


@require_http_methods(["GET", "POST"])
@login_required
def session_conflicts(request, uuid):
    session = get_session(request, uuid)
    if request.method == "POST":
        return decide(request, session)
    context = session_context(request, session)
    sections = {s.key: s for s in context["instrument"].sections}
    context["conflicts"] = [
        {"record": c, "section": sections.get(c.section_key), "title": field_title(c),
         "choices": labels_for(c), "view": conflict_view(c, labels_for(c))}
        for c in conflicts.open_for(request.user, session)
    ]
    return render(request, "govcap/conflicts.html", context)


@require_GET
@login_required
def session_conflicts_json(request, uuid):
    """The user's open conflicts in the session, for the autosave script's local copy, and
    the CSRF token of the current login (a login in another tab replaces it)."""
    session = get_session(request, uuid)
    return JsonResponse({"conflicts": [conflicts.as_json(c)
                                       for c in conflicts.open_for(request.user, session)],
                         "csrf": get_token(request)})  # new after a login in another tab


def decide(request, session):
    record = conflicts.open_for(request.user, session).filter(
        uuid=parse(request.POST.get("conflict"))).first()
    if record is None:
        messages.info(request, _("This edit was already decided."))
        return redirect("session-conflicts", uuid=session.uuid)
    decision = request.POST.get("decide", "")
    if decision not in DECISIONS:
        messages.error(request, _("Choose: keep mine, take theirs, or save the merged text."))
        return redirect("session-conflicts", uuid=session.uuid)
    value = {"mine": record.yours, "theirs": record.theirs}.get(
        decision, request.POST.get("merged", ""))
    op_id = uuid.uuid5(record.uuid, f"{decision}:{record.server_revision}")
    try:
        save(request.user, session, record, value, op_id)
        messages.success(request, _("Decided and saved."))
    except StaleRevision:
        messages.warning(request, _("It changed again meanwhile: here is the newest version."))
    except CaptureError as error:
        messages.error(request, error.message)
    return redirect("session-conflicts", uuid=session.uuid)


def save(user, session, record: CaptureConflict, value: str, op_id: uuid.UUID) -> None:
    if record.field != "quote":
        capture.save_field(user, session, capture.FieldSave(
            op_id=op_id, section_key=record.section_key, field=record.field, value=value,
            base_revision=record.server_revision, resolves=record.uuid))
        return
    quote_uuid = uuid.UUID(record.target.split(":", 1)[1])
    quote = Quote.objects.filter(uuid=quote_uuid, session=session).select_related(
        "participant").first()
    if quote is None and not value.strip():  # deleted meanwhile, and theirs is taken
        record.resolved_at, record.resolution = timezone.now(), "theirs"
        record.save(update_fields=["resolved_at", "resolution"])
        return
    # Kept (or merged) against a deletion, the quote comes back: base 0 creates it again.
    capture.save_quote(user, session, capture.QuoteSave(
        op_id=op_id, section_key=record.section_key, quote_uuid=quote_uuid, text=value,
        participant_code=quote.participant.code if quote and quote.participant else "",
        base_revision=record.server_revision if quote else 0, resolves=record.uuid))


def parse(raw: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        return None
