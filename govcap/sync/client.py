"""The laptop side: push local changes to a peer and pull the peer's, over HTTP (urllib,
with a timeout). Cursors and the last agreed digest of every record are kept per peer; a
cursor moves only after the peer (or this database) committed the batch, so an interrupted
sync is simply run again."""

from __future__ import annotations

import json
import platform
import urllib.error
import urllib.request
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from govcap.sync.apply import apply_batch
from govcap.sync.feed import changes_since, records_of
from govcap.sync.merge import digest
from govcap.sync.models import SyncedRecord, SyncPeer

TIMEOUT = 30.0


class SyncClientError(RuntimeError):
    """The peer could not be reached or refused the request."""


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
        raise SyncClientError(f"{url} answered {exc.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SyncClientError(f"{url} could not be reached: {exc}") from None


def peer_of(url: str) -> SyncPeer:
    url = url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncClientError("The peer's address starts with http:// or https://.")
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
    """Send the local changes after the pushed cursor; answer the peer's report. A session
    the peer already agreed on travels as its changed records only; `full` sends every
    session whole, from the start."""
    peer = peer_of(url)
    known = None if full else {str(u) for u in peer.records.values_list("object_uuid",
                                                                       flat=True)}
    batch = changes_since(0 if full else peer.pushed_cursor, known=known)
    if not batch["sessions"] and not batch["tombstones"]:
        peer.pushed_cursor = batch["cursor"]
        peer.save(update_fields=["pushed_cursor"])
        return {"outcomes": {}, "counts": {}, "refused": [], "sent": 0}
    bases = _bases(peer)
    wanted = {p["uuid"] for s in batch["sessions"] for _, p in records_of(s)} | {
        t["uuid"] for t in batch["tombstones"]}
    # One operation ID per range of changes: a retry of the same push is answered once.
    op_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{peer.url}|{peer.pushed_cursor}|{batch['cursor']}"
                       f"|{uuid.uuid5(uuid.NAMESPACE_DNS, 'govcap-sync')}")
    answer = request(peer.url + "/sync/push", token, {
        "op_id": str(op_id), "peer": platform.node() or "laptop", "batch": batch,
        "bases": {k: v for k, v in bases.items() if k in wanted}}, timeout)
    sent = {p["uuid"]: digest(kind, p) for s in batch["sessions"] for kind, p in records_of(s)}
    with transaction.atomic():
        _remember(peer, {k: sent[k] for k, o in answer.get("outcomes", {}).items()
                         if o in ("create", "same", "apply") and k in sent},
                  answer.get("outcomes", {}))
        peer.pushed_cursor = batch["cursor"]
        peer.last_push_at = timezone.now()
        peer.save(update_fields=["pushed_cursor", "last_push_at"])
    records = sum(len(records_of(s)) for s in batch["sessions"])
    return {**answer, "sent": len(batch["sessions"]), "records": records}


def pull(url: str, token: str, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Fetch the peer's changes after the pulled cursor and merge them here."""
    peer = peer_of(url)
    batch = request(f"{peer.url}/sync/pull?since={peer.pulled_cursor}", token, None, timeout)
    op_id = uuid.uuid5(uuid.NAMESPACE_URL, f"pull|{peer.url}|{peer.pulled_cursor}|"
                       f"{batch.get('cursor')}")
    with transaction.atomic():
        answer = apply_batch(batch, user=None, peer=peer.url, bases=_bases(peer),
                             op_id=op_id, check_scope=False)
        _remember(peer, answer["digests"], answer["outcomes"])
        peer.pulled_cursor = int(batch["cursor"])
        peer.last_pull_at = timezone.now()
        peer.save(update_fields=["pulled_cursor", "last_pull_at"])
    return {**answer, "received": len(batch["sessions"])}
