"""The server side of sync: `POST /sync/push` and `GET /sync/pull?since=N`, authenticated
with a personal API token (`Authorization: Bearer gct_…`) and scoped like the rest."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import scoping
from govcap.accounts.tokens import verify_token
from govcap.sync.apply import SyncError, apply_batch
from govcap.sync.feed import changes_since
from govcap.sync.models import SyncBatch


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


@csrf_exempt
@require_POST
def push(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _unauthorised(request)
    try:
        body = json.loads(request.body.decode("utf-8"))
        op_id = uuid.UUID(str(body["op_id"]))
        batch, bases, peer = body["batch"], dict(body.get("bases") or {}), str(
            body.get("peer") or "")[:300]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return JsonResponse({"message": "A push is JSON: {op_id, peer, batch, bases}."},
                            status=422)
    stored = SyncBatch.objects.filter(op_id=op_id).first()
    if stored is not None:  # a retried push: answered as before, nothing applied twice
        return JsonResponse({**stored.response, "replayed": True})
    try:
        with transaction.atomic():
            answer = apply_batch(batch, user=user, peer=peer or user.get_username(),
                                 bases=bases, op_id=op_id, check_scope=True)
            SyncBatch.objects.create(op_id=op_id, response=answer)
    except SyncError as exc:
        return JsonResponse({"message": str(exc)}, status=422)
    except (KeyError, TypeError) as exc:
        return JsonResponse({"message": f"The batch is not valid: {exc!r}."}, status=422)
    except IntegrityError:  # the same op_id applied concurrently: answer as it did
        stored = SyncBatch.objects.get(op_id=op_id)
        return JsonResponse({**stored.response, "replayed": True})
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
    return JsonResponse(changes_since(since, scoping.sessions(user)))
