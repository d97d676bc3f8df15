"""The server side of sync: `POST /sync/push` and `GET /sync/pull?since=N`, authenticated
with a personal API token (`Authorization: Bearer gct_…`) and scoped like the rest.

A push carries a random operation ID chosen by the laptop. Its answer is stored with the
user and peer that sent it and the sessions it reports on: a retry by them is answered as
before (nothing applied twice) while they may still change each of those sessions, else
refused with 403 `out_of_scope`; the same ID from anyone else is refused with 409
`op_id_taken`. Either way the refused caller learns nothing, so no token holder can
pre-empt a laptop's push or read the outcome of another's, and no one who lost their role
reads the outcomes of what they pushed before."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from govcap import jsonbody
from govcap.accounts import scoping
from govcap.accounts.tokens import verify_token
from govcap.assessments import access
from govcap.assessments.models import Session
from govcap.sync.apply import Applier, SyncError
from govcap.sync.feed import changes_since
from govcap.sync.models import SyncBatch

MAX_PUSH_BYTES = 200 * 1024 * 1024  # when the request size is not limited otherwise
MAX_DEPTH = 64  # a batch nests about 10 levels (an instrument's document the deepest)
OP_ID_TAKEN = "op_id_taken"  # the client then sends its push again under a new ID
OUT_OF_SCOPE = "out_of_scope"  # a retry by someone who may no longer change its sessions


def _user(request: HttpRequest) -> Any:
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    return verify_token(raw.strip()) if scheme.lower() == "bearer" else None


def _unauthorised(request: HttpRequest) -> JsonResponse:
    """401 without credentials; 403 for a browser session (sync takes a token only, so a
    page cannot push on a logged-in user's behalf)."""
    signed_in = getattr(getattr(request, "user", None), "is_authenticated", False)
    return JsonResponse({"message": "Sync takes a personal API token: send `Authorization: "
                                    "Bearer <token>`."}, status=403 if signed_in else 401)


def _taken(op_id: uuid.UUID) -> JsonResponse:
    return JsonResponse({"code": OP_ID_TAKEN, "message": _(
        "The operation ID %(op_id)s was already used by another user or peer; nothing was "
        "applied. Send the push again with a new operation ID.") % {"op_id": op_id}},
        status=409)


def _out_of_scope() -> JsonResponse:
    return JsonResponse({"code": OUT_OF_SCOPE, "message": _(
        "This push was applied before, but you can no longer change every session it "
        "concerned, so its answer is not given again. Nothing was applied now. Ask a "
        "coordinator to give you access to the session again.")}, status=403)


def _may_still_push(user: Any, session_uuids: list[str]) -> bool:
    """The caller may still change each session: the role part of the rule a push is
    applied under (scoping.can_capture) — the session's status aside, as for an autosave
    retry, so a push that submitted a session is still answered to its sender. A session
    gone since cannot be changed by anyone."""
    sessions = list(Session.objects.filter(uuid__in=session_uuids).select_related(
        "engagement"))
    return len(sessions) == len(set(session_uuids)) and all(
        scoping.has_capture_role(user, s) for s in sessions)


def _replay(stored: SyncBatch, user: Any, peer: str) -> JsonResponse:
    """The stored answer, for the caller and peer that sent the push only, and only while
    they may still change every session it reports on."""
    if stored.user_id != user.pk or stored.peer != peer:
        return _taken(stored.op_id)
    if not _may_still_push(user, stored.sessions):
        return _out_of_scope()
    return JsonResponse({**stored.response, "replayed": True})


@csrf_exempt
@require_POST
def push(request: HttpRequest) -> JsonResponse:
    user = _user(request)  # the caller first: nothing is read or answered for nobody
    if user is None:
        return _unauthorised(request)
    try:
        body = jsonbody.loads(request.body, max_depth=MAX_DEPTH, max_bytes=(
            settings.DATA_UPLOAD_MAX_MEMORY_SIZE or MAX_PUSH_BYTES))
    except jsonbody.JSONBodyError as exc:
        return JsonResponse({"message": str(exc)}, status=422)
    try:
        op_id = uuid.UUID(str(body["op_id"]))
        batch, bases, peer = body["batch"], dict(body.get("bases") or {}), str(
            body.get("peer") or "")[:300]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"message": _("A push is JSON: {op_id, peer, batch, bases}.")},
                            status=422)
    stored = SyncBatch.objects.filter(op_id=op_id).first()
    if stored is not None:  # a retried push: answered as before, nothing applied twice
        return _replay(stored, user, peer)
    try:
        with transaction.atomic():
            applier = Applier(user, peer or user.get_username(), op_id, check_scope=True)
            answer = applier.run(batch, bases)
            SyncBatch.objects.create(op_id=op_id, user=user, peer=peer, response=answer,
                                     sessions=sorted(applier.sessions))
    except SyncError as exc:
        return JsonResponse({"message": str(exc)}, status=422)
    except (KeyError, TypeError) as exc:
        return JsonResponse({"message": f"The batch is not valid: {exc!r}."}, status=422)
    except IntegrityError:  # the same op_id applied concurrently: answered as it was
        return _replay(SyncBatch.objects.get(op_id=op_id), user, peer)
    return JsonResponse(answer)


@require_GET
def pull(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _unauthorised(request)
    try:
        since = max(0, int(request.GET.get("since", "0")))
    except ValueError:
        return JsonResponse({"message": "`since` is a whole number."}, status=422)
    return JsonResponse(changes_since(since, access.sessions(user)))
