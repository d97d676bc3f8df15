"""The laptop side: push local changes to a peer and pull the peer's, over HTTP (urllib,
with a timeout). Cursors and the last agreed digest of every record are kept per peer; a
cursor moves only after the peer (or this database) committed the batch, so an interrupted
sync is simply run again. A push's operation ID is random (two laptops set up alike never
share one) and kept with the push until the peer acknowledges it, so a push whose answer
was lost is resent under the same ID and applied once."""

from __future__ import annotations

import json
import platform
import urllib.error
import urllib.request
import uuid
from collections import Counter
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcap.sync.apply import apply_batch
from govcap.sync.feed import changes_since, records_of
from govcap.sync.merge import digest
from govcap.sync.models import SyncedRecord, SyncPeer

TIMEOUT = 30.0


OP_ID_TAKEN = "op_id_taken"  # the peer's code for an operation ID someone else used


class SyncClientError(RuntimeError):
    """The peer could not be reached or refused the request (`status` and the peer's `code`
    when it answered)."""

    def __init__(self, message: str, status: int | None = None, code: str = "") -> None:
        super().__init__(message)
        self.status, self.code = status, code


def request(url: str, token: str, body: dict[str, Any] | None = None,
            timeout: float = TIMEOUT) -> dict[str, Any]:
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json",
        "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http/https)
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:500]
        message = _("%(url)s answered %(code)s: %(detail)s") % {
            "url": url, "code": exc.code, "detail": detail}
        raise SyncClientError(message, exc.code, _code_of(detail)) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SyncClientError(_("%(url)s could not be reached: %(error)s") % {
            "url": url, "error": exc}) from None


def _code_of(detail: str) -> str:
    try:
        answer = json.loads(detail)
    except ValueError:
        return ""
    return str(answer.get("code") or "") if isinstance(answer, dict) else ""


def peer_of(url: str) -> SyncPeer:
    url = url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncClientError(_("The peer's address starts with http:// or https://."))
    return SyncPeer.objects.get_or_create(url=url)[0]


def _bases(peer: SyncPeer) -> dict[str, str]:
    return {str(u): d for u, d in peer.records.values_list("object_uuid", "digest")}


def _remember(peer: SyncPeer, digests: dict[str, str], outcomes: dict[str, str]) -> None:
    for key, value in digests.items():
        SyncedRecord.objects.update_or_create(peer=peer, object_uuid=key,
                                              defaults={"digest": value})
    gone = [k for k, o in outcomes.items() if o in ("delete", "gone")]
    peer.records.filter(object_uuid__in=gone).delete()


def push(url: str, token: str, timeout: float = TIMEOUT, full: bool = False
         ) -> dict[str, Any]:
    """Send the local changes after the pushed cursor; answer the peer's report. A push
    whose answer never came is sent again first, as it was (same operation ID, same
    records), then whatever changed since. A session the peer already agreed on travels as
    its changed records only; `full` sends every session whole, from the start (and drops a
    pending push: the merge rules find what it already applied the same)."""
    peer = peer_of(url)
    answers = []
    if full:  # everything travels again anyway, under a new ID
        peer.pending_push = None
    if peer.pending_push:
        answers.append(_send_pending(peer, token, timeout))
    if _prepare(peer, full):
        answers.append(_send_pending(peer, token, timeout))
    return _together(answers)


def _prepare(peer: SyncPeer, full: bool) -> bool:
    """Keep the next push on the peer row (`pending_push`) under a new random operation ID:
    it is what a retry sends after a lost answer. False when there is nothing to send."""
    known = None if full else {str(u) for u in peer.records.values_list("object_uuid",
                                                                       flat=True)}
    batch = changes_since(0 if full else peer.pushed_cursor, known=known)
    if not batch["sessions"] and not batch["tombstones"]:
        peer.pushed_cursor = batch["cursor"]
        peer.save(update_fields=["pushed_cursor"])
        return False
    bases = _bases(peer)
    wanted = {p["uuid"] for s in batch["sessions"] for _, p in records_of(s)} | {
        t["uuid"] for t in batch["tombstones"]}
    peer.pending_push = {"op_id": str(uuid.uuid4()), "peer": platform.node() or "laptop",
                         "batch": batch,
                         "bases": {k: v for k, v in bases.items() if k in wanted}}
    peer.save(update_fields=["pending_push"])
    return True


def _send_pending(peer: SyncPeer, token: str, timeout: float) -> dict[str, Any]:
    """Send the pending push and, once the peer answered, remember what it agreed to and
    move the cursor. Refused because another caller used its operation ID first (nothing
    of it was applied), it is sent once more under a fresh one."""
    body = peer.pending_push
    assert body is not None  # called only with a push pending
    try:
        answer = request(peer.url + "/sync/push", token, body, timeout)
    except SyncClientError as exc:
        if exc.code != OP_ID_TAKEN:
            raise
        body = {**body, "op_id": str(uuid.uuid4())}
        peer.pending_push = body
        peer.save(update_fields=["pending_push"])
        answer = request(peer.url + "/sync/push", token, body, timeout)
    batch = body["batch"]
    sent = {p["uuid"]: digest(kind, p) for s in batch["sessions"] for kind, p in records_of(s)}
    with transaction.atomic():
        _remember(peer, {k: sent[k] for k, o in answer.get("outcomes", {}).items()
                         if o in ("create", "same", "apply") and k in sent},
                  answer.get("outcomes", {}))
        peer.pushed_cursor = max(peer.pushed_cursor, int(batch["cursor"]))
        peer.pending_push = None
        peer.last_push_at = timezone.now()
        peer.save(update_fields=["pushed_cursor", "pending_push", "last_push_at"])
    records = sum(len(records_of(s)) for s in batch["sessions"])
    return {**answer, "sent": len(batch["sessions"]), "records": records}


def _together(answers: list[dict[str, Any]]) -> dict[str, Any]:
    """One report for the pushes of one `govcap sync push` (a resent one and a new one)."""
    if not answers:
        return {"outcomes": {}, "counts": {}, "refused": [], "sent": 0}
    if len(answers) == 1:
        return answers[0]
    counts: Counter = Counter()
    together: dict[str, Any] = {"outcomes": {}, "refused": [], "sent": 0, "records": 0}
    for answer in answers:
        counts.update(answer.get("counts", {}))
        together["outcomes"].update(answer.get("outcomes", {}))
        together["refused"] += answer.get("refused", [])
        together["sent"] += answer["sent"]
        together["records"] += answer["records"]
    return {**together, "counts": dict(counts)}


def pull(url: str, token: str, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Fetch the peer's changes after the pulled cursor and merge them here."""
    peer = peer_of(url)
    batch = request(f"{peer.url}/sync/pull?since={peer.pulled_cursor}", token, None, timeout)
    op_id = uuid.uuid4()  # names this pull's writes in the audit trail
    with transaction.atomic():
        answer = apply_batch(batch, user=None, peer=peer.url, bases=_bases(peer),
                             op_id=op_id, check_scope=False)
        _remember(peer, answer["digests"], answer["outcomes"])
        peer.pulled_cursor = int(batch["cursor"])
        peer.last_pull_at = timezone.now()
        peer.save(update_fields=["pulled_cursor", "last_pull_at"])
    return {**answer, "received": len(batch["sessions"])}
