"""Capturing one section: the page (works as a plain form with JavaScript off) and the
JSON endpoints the autosave script calls for each field and quote."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from govcap import jsonbody
from govcap.assessments import capture
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.assessments.models import Quote, Rating
from govcap.web import storage_full
from govcap.web.views.sessions import get_session, session_context

MAX_SAVE_BYTES = 256 * 1024
MAX_SAVE_DEPTH = 8  # a save is one flat object


def section_context(request, session, section_key: str) -> dict:
    context = session_context(request, session)
    instrument = context["instrument"]
    section = instrument.section(section_key)
    if section is None:
        raise Http404("No such section in this session's instrument.")
    keys = [s.key for s in instrument.sections]
    index = keys.index(section_key)
    rating = Rating.objects.filter(session=session, section_key=section_key, rater=None).first()
    context |= {
        "section": section,
        "rating": rating or Rating(session=session, section_key=section_key),
        "previous_key": keys[index - 1] if index > 0 else None,
        "next_key": keys[index + 1] if index + 1 < len(keys) else None,
        "quotes": Quote.objects.filter(session=session, section_key=section_key)
        .select_related("participant"),
        "participants": session.participants.all(),
        "level_choices": Rating.LevelChoice.choices,
        "confidence_choices": [("low", pgettext("confidence", "Low")),
                               ("medium", pgettext("confidence", "Medium")),
                               ("high", pgettext("confidence", "High"))],
        "text_fields": [
            ("notes", _("Notes"), _("What was said, and separately your interpretation.")),
            ("evidence", _("Evidence mentioned"),
             _("Documents, systems or examples participants cited.")),
            ("dissent", _("Dissent"), _("Who disagreed (participant codes) and why.")),
        ],
        "page_op": uuid.uuid4(),
        "conflicts": {},
    }
    return context


@require_http_methods(["GET", "POST"])
@login_required
def section_page(request, uuid, section_key):
    session = get_session(request, uuid)
    context = section_context(request, session, section_key)
    if request.method == "GET":
        return render(request, "govcap/section.html", context)

    # A plain form post (JavaScript off): save every field whose value changed.
    rating = context["rating"]
    conflicts: dict[str, StaleRevision] = {}
    try:
        page_op = capture.parse_op_id(request.POST.get("page_op"))
        for field in Rating.CAPTURE_FIELDS:
            if field not in request.POST:
                continue
            value = request.POST.get(field, "")
            if value == getattr(rating, field):
                continue
            try:
                capture.save_field(request.user, session, capture.FieldSave(
                    op_id=uuid_for(page_op, field), section_key=section_key, field=field,
                    value=value, base_revision=int(request.POST.get(f"rev_{field}", "0") or 0),
                    instrument_version=request.POST.get("instrument") or None,
                ))
            except StaleRevision as conflict:
                conflicts[field] = conflict
    except CaptureError as error:
        messages.error(request, error.message)
        return redirect("section", uuid=session.uuid, section_key=section_key)
    except DatabaseError as error:
        if not storage_full.is_storage_full(error):
            raise
        storage_full.log_refused(request, error)
        return form_kept_after_storage_full(request, session, section_key)
    if conflicts:
        context = section_context(request, session, section_key)
        context["conflicts"] = conflicts
        # Show the facilitator's own text in the field, based on the server's revision, so
        # saving again keeps theirs deliberately (the other version is shown beside it).
        rating = context["rating"]
        for field, conflict in conflicts.items():
            setattr(rating, field, conflict.yours)
            rating.field_revisions = {**rating.field_revisions, field: conflict.server_revision}
        messages.warning(request, _("Some fields changed elsewhere meanwhile: compare and save again."))
        return render(request, "govcap/section.html", context, status=409)
    messages.success(request, _("Saved."))
    target = context["next_key"] if "save_next" in request.POST and context["next_key"] else section_key
    return redirect("section", uuid=session.uuid, section_key=target)


def form_kept_after_storage_full(request, session, section_key):
    """The page again with what the facilitator posted, so nothing typed is lost."""
    context = section_context(request, session, section_key)
    rating = context["rating"]
    for field in Rating.CAPTURE_FIELDS:
        if field in request.POST:
            setattr(rating, field, request.POST[field])
    messages.error(request, storage_full.form_message())
    return render(request, "govcap/section.html", context, status=503)


def uuid_for(page_op: uuid.UUID, field: str) -> uuid.UUID:
    """One operation ID per field of a page post, so a re-sent form is applied once."""
    return uuid.uuid5(page_op, field)


def read_json(request) -> dict:
    """The save's JSON object; too large, too deeply nested or not JSON is a 400 that says
    which (never the parser's RecursionError as a 500)."""
    try:
        data = jsonbody.loads(request.body or b"{}", max_bytes=MAX_SAVE_BYTES,
                              max_depth=MAX_SAVE_DEPTH)
    except jsonbody.JSONBodyError as error:
        raise CaptureError(str(error), None) from None
    if not isinstance(data, dict):
        raise CaptureError(_("The save must be a JSON object."), None)
    return data


def as_int(data: dict, name: str) -> int:
    if isinstance(data.get(name), bool):  # int(True) would be 1
        raise CaptureError(_("“%(name)s” must be a whole number.") % {"name": name}, name)
    try:
        return int(data.get(name, 0))
    except (TypeError, ValueError):
        raise CaptureError(_("“%(name)s” must be a whole number.") % {"name": name}, name) from None


def as_text(data: dict, name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise CaptureError(_("“%(name)s” must be text.") % {"name": name}, name)
    return value


def as_bool(data: dict, name: str) -> bool:
    """A JSON true or false only: the string "false" is truthy, and must not delete."""
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise CaptureError(_("“%(name)s” must be true or false.") % {"name": name}, name)
    return value


@require_POST
@login_required
@storage_full.answers_storage_full
def save_field_json(request, uuid):
    # The session is found, checked and locked by the save itself (one statement, not two).
    try:
        data = read_json(request)
        result = capture.save_field(request.user, uuid, capture.FieldSave(
            op_id=capture.parse_op_id(data.get("op_id")),
            section_key=as_text(data, "section"),
            field=as_text(data, "field"),
            value=as_text(data, "value"),
            base_revision=as_int(data, "base_revision"),
            instrument_version=as_text(data, "instrument") or None,
        ))
    except CaptureError as error:
        return JsonResponse(error.as_dict(), status=error.status)
    return JsonResponse(result)


@require_POST
@login_required
@storage_full.answers_storage_full
def save_quote_json(request, uuid):
    try:
        data = read_json(request)
        result = capture.save_quote(request.user, uuid, capture.QuoteSave(
            op_id=capture.parse_op_id(data.get("op_id")),
            section_key=as_text(data, "section"),
            quote_uuid=capture.parse_op_id(data.get("quote"), field="quote"),
            text=as_text(data, "text"),
            participant_code=as_text(data, "participant"),
            base_revision=as_int(data, "base_revision"),
            delete=as_bool(data, "delete"),
            instrument_version=as_text(data, "instrument") or None,
        ))
    except CaptureError as error:
        return JsonResponse(error.as_dict(), status=error.status)
    return JsonResponse(result)


@require_POST
@login_required
def quote_form(request, uuid, section_key):
    """Add or delete a quote with a plain form post (JavaScript off)."""
    session = get_session(request, uuid)
    try:
        page_op = capture.parse_op_id(request.POST.get("op_id"))
        quote_uuid = request.POST.get("quote") or str(uuid_for(page_op, "quote"))
        capture.save_quote(request.user, session, capture.QuoteSave(
            op_id=page_op, section_key=section_key,
            quote_uuid=capture.parse_op_id(quote_uuid),
            text=request.POST.get("text", ""),
            participant_code=request.POST.get("participant", ""),
            base_revision=0, delete="delete" in request.POST,
        ))
        messages.success(request, _("Quote deleted.") if "delete" in request.POST else _("Quote added."))
    except CaptureError as error:
        messages.error(request, error.message)
    return redirect("section", uuid=session.uuid, section_key=section_key)
