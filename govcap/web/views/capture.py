"""The JSON endpoints the autosave script calls for each field and quote (the section page
itself, and its plain form post, are in section.py).

The bodies are read by hand (`read_json`, then `as_text`, `as_int`, `as_bool`,
`as_conflict`), not by pydantic schemas as the API's (django-ninja) are — on purpose, after
measuring (issue 16; `bench/autosave_parse.py`, in-process, best of 5 × 20,000 bodies):

    a typical field save   by hand 10.1 µs   pydantic 12.4 µs
    a refused save         by hand 18.8 µs   pydantic 29.4 µs

against 1.9 ms of server CPU per autosave (docs/performance.md): speed decides nothing
either way. Clarity does. The answers must stay exactly these — the first refusal in the
order the fields are read, a message naming the field (“value” must be text, a whole
number, true or false; a missing operation ID said as such), JSON's own limits and errors
from govcap.jsonbody before any of it (a body too large is a 400 that says so), the
statuses 400/403/404/409 — and the autosave script, its offline queue and the browser
tests depend on them. The pydantic version that gives the
same answers for every body of the benchmark needs each rule as a validator anyway (a
strict string, an int that refuses booleans but takes "7", a UUID checked by
capture.parse_op_id), a missing `op_id` forced through validation, and a table mapping
pydantic's errors back to these messages: as long as what it replaces, with one more layer.
These endpoints are Django views (login session, CSRF), not ninja operations, so ninja's
own request parsing does not apply either."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from govcap import jsonbody
from govcap.assessments import capture, workflow
from govcap.assessments.errors import CaptureError
from govcap.web import storage_full

MAX_SAVE_BYTES = 256 * 1024
MAX_SAVE_DEPTH = 8  # a save is one flat object


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


def as_conflict(data: dict, name: str = "resolves"):
    """The conflict a save decides: a UUID, or null/absent when it decides none."""
    raw = data.get(name)
    return None if raw is None else capture.parse_op_id(raw, field=name)


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
            resolves=as_conflict(data),
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
            resolves=as_conflict(data),
        ))
    except CaptureError as error:
        return JsonResponse(error.as_dict(), status=error.status)
    return JsonResponse(result)


@require_POST
@login_required
@storage_full.answers_storage_full
def save_consent_json(request, uuid):
    """{op_id, given, recording_allowed, note}: the consent a facilitator recorded on a page
    with no connection, sent once the connection returns (before the edits queued after it,
    which need it). Applied once per operation ID."""
    try:
        data = read_json(request)
        op_id = capture.parse_op_id(data.get("op_id"))
        given, allowed = as_bool(data, "given"), as_bool(data, "recording_allowed")
        note = as_text(data, "note")

        def apply(locked):
            workflow.record_consent(request.user, locked, given=given,
                                    recording_allowed=allowed, note=note)
            return capture.remember(locked, op_id, {"status": "saved", "consent_given": given})

        result = capture.once(request.user, uuid, op_id, apply)
    except CaptureError as error:
        return JsonResponse(error.as_dict(), status=error.status)
    return JsonResponse(result)
