"""Participants: removal through a confirmation page, the undo offered after it, and the
JSON endpoint a script (the browser's offline queue) calls to add, edit, remove and undo.

Adding and editing through the page are in sessions.session_consent; every change goes
through workflow.participant_operation (once per operation ID, audited, codes only).
"""

from __future__ import annotations

import re
import uuid as uuid_module

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from govcap import localise
from govcap.assessments import workflow
from govcap.assessments.capture import check_can_capture, parse_op_id
from govcap.assessments.errors import CaptureError, NotAllowed, SessionNotFound
from govcap.assessments.models import Rating
from govcap.web import storage_full, undo
from govcap.web.views.capture import as_int, as_text, read_json
from govcap.web.views.sessions import get_session, participants_url, session_context


def refused(request, session):
    """None when the user may change the session now. Those who may only read it get a 403;
    its capturers, when it is read-only (submitted, validated), the participants' page with
    the reason."""
    try:
        check_can_capture(request.user, session)
    except NotAllowed:
        raise PermissionDenied(_("You cannot change this session.")) from None
    except CaptureError as error:
        messages.error(request, error.message)
        return redirect(participants_url(session))
    return None


@require_http_methods(["GET", "POST"])
@login_required
def participant_remove(request, uuid, participant):
    """GET: what removing the participant does, and a button that confirms; POST: remove,
    then offer the undo on the participants' page."""
    session = get_session(request, uuid)
    if (refusal := refused(request, session)) is not None:
        return refusal
    if request.method == "POST":
        try:
            outcome = workflow.participant_operation(request.user, session, workflow.ParticipantOp(
                op_id=parse_op_id(request.POST.get("op_id")), action="remove",
                participant=participant,
                base_revision=int(request.POST.get("base_revision") or 0)))
        except workflow.ParticipantConflict as stale:
            messages.warning(request, stale.message)
            return redirect("participant-remove", uuid=session.uuid, participant=participant)
        except (CaptureError, ValueError) as error:
            messages.error(request, getattr(error, "message", _("This removal was refused.")))
            return redirect(participants_url(session))
        undo.keep(request, session, outcome.response, outcome.removed_identity)
        return redirect(participants_url(session))
    context = session_context(request, session)
    target = get_object_or_404(session.participants.select_related("organisation"),
                               uuid=participant)
    quotes = target.quotes.count()
    code = target.code
    facts = [localise.labelled(code, f"{target.role_title} · {target.organisation.name}")]
    consequences = [
        ngettext("%(code)s is attributed %(n)d quote; it will become unattributed.",
                 "%(code)s is attributed %(n)d quotes; they will become unattributed.", quotes)
        % {"code": code, "n": quotes} if quotes else
        _("%(code)s is attributed no quotes.") % {"code": code},
    ]
    mentioned = sections_naming(session, code, context["instrument"])
    if mentioned:
        consequences.append(
            _("%(code)s is named in the notes, evidence or dissent of: %(sections)s. That "
              "text is not changed.") % {"code": code, "sections": localise.join(mentioned, strong=True)})
    consequences.append(_("You can undo the removal right after, on the participants' page: "
                          "%(code)s comes back with the same code and quotes.") % {"code": code})
    context |= {
        "question": _("Remove %(code)s?") % {"code": code}, "facts": facts, "blockers": [],
        "consequences": consequences,
        "confirm_label": _("Remove %(code)s") % {"code": code}, "danger": True,
        "action_url": reverse("participant-remove", args=[session.uuid, target.uuid]),
        "hidden": [("op_id", uuid_module.uuid4()), ("base_revision", target.revision)],
        "cancel_url": participants_url(session),
    }
    return render(request, "govcap/confirm.html", context)


def sections_naming(session, code: str, instrument) -> list[str]:
    """The sections whose consensus notes, evidence or dissent name this code."""
    pattern = re.compile(rf"\b{re.escape(code)}\b", re.IGNORECASE)
    keys = {
        r.section_key for r in Rating.objects.filter(session=session, rater=None)
        if any(pattern.search(getattr(r, f) or "") for f in ("notes", "evidence", "dissent"))
    }
    return [f"{s.number}. {s.title}" for s in instrument.sections if s.key in keys]


@require_POST
@login_required
def participant_undo(request, uuid, participant):
    """Undo a removal: the participant comes back with its code, UUID, fields, quotes and,
    from the remover's login session, its name."""
    session = get_session(request, uuid)
    if (refusal := refused(request, session)) is not None:
        return refusal
    try:
        outcome = workflow.participant_operation(request.user, session, workflow.ParticipantOp(
            op_id=parse_op_id(request.POST.get("op_id")), action="undo",
            participant=participant, identity=undo.identity(request, participant)))
    except (workflow.UndoRefused, workflow.ParticipantMissing) as error:
        undo.drop(request, participant)
        messages.error(request, error.message)
    except CaptureError as error:
        messages.error(request, error.message)
    else:
        undo.drop(request, participant)
        messages.success(request, restored_message(outcome.response))
    return redirect(participants_url(session))


def restored_message(response: dict) -> str:
    code = response["participant"]["code"]
    if response.get("already"):
        return _("%(code)s is in the session already.") % {"code": code}
    message = ngettext("%(code)s is back, with %(n)d quote attributed again.",
                       "%(code)s is back, with %(n)d quotes attributed again.",
                       response.get("quotes", 0)) % {"code": code, "n": response.get("quotes", 0)}
    if response.get("quotes_not_restored"):
        message += " " + ngettext(
            "%(n)d quote was deleted or attributed to someone else since and stays so.",
            "%(n)d quotes were deleted or attributed to someone else since and stay so.",
            response["quotes_not_restored"]) % {"n": response["quotes_not_restored"]}
    return message


# --- the JSON endpoint ---------------------------------------------------------------------

def as_uuid(data: dict, name: str) -> uuid_module.UUID | None:
    raw = data.get(name)
    if raw is None or raw == "":
        return None
    try:
        if not isinstance(raw, str):
            raise TypeError(raw)
        return uuid_module.UUID(raw)
    except (TypeError, ValueError):
        raise CaptureError(_("“%(name)s” must be a UUID.") % {"name": name}, name) from None


def participant_data(data: dict) -> workflow.ParticipantInput:
    organisation = data.get("organisation")
    if isinstance(organisation, bool) or not isinstance(organisation, int):
        raise CaptureError(_("“organisation” must be the organisation's id (a whole number)."),
                           "organisation")
    return workflow.ParticipantInput(
        role_title=as_text(data, "role_title"), organisation_id=organisation,
        seniority=as_text(data, "seniority"), gender=as_text(data, "gender"),
        name=as_text(data, "name"))


@require_POST
@login_required
@storage_full.answers_storage_full
def save_participant_json(request, uuid):
    """{op_id, action: add|edit|remove|undo, participant, role_title, organisation, seniority,
    gender, name, base_revision} → 200 {status, participant: {uuid, code, revision, …}},
    409 {status: "conflict", theirs, yours, revision} (or a refused undo), 400/403/404
    {status: "error", message, field}. A retried operation ID gets the first answer."""
    try:
        try:
            session = get_session(request, uuid)
        except Http404:
            raise SessionNotFound() from None
        data = read_json(request)
        op_id = parse_op_id(data.get("op_id"))
        action = as_text(data, "action")
        participant = as_uuid(data, "participant")
        if action in ("edit", "remove", "undo") and participant is None:
            raise CaptureError(_("Name the participant (its UUID)."), "participant")
        op = workflow.ParticipantOp(
            op_id=op_id, action=action, participant=participant,
            data=participant_data(data) if action in ("add", "edit") else None,
            base_revision=as_int(data, "base_revision"),
            identity=undo.identity(request, participant) if action == "undo" else None)
        outcome = workflow.participant_operation(request.user, session, op)
    except CaptureError as error:
        return JsonResponse(error.as_dict(), status=error.status)
    if action == "remove":
        undo.keep(request, session, outcome.response, outcome.removed_identity)
    elif action == "undo":
        undo.drop(request, participant)
    return JsonResponse(outcome.response)
