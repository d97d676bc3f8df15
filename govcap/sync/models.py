"""Sync state: peers and their cursors, the digest each record was last synced at, the
conflicts kept with both versions, and the push batches already applied."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SyncPeer(models.Model):
    """Another govcap this one pushes to and pulls from. Cursors are audit-event ids: the
    last local event pushed, the last event of the peer pulled."""

    url = models.CharField(max_length=300, unique=True)
    pushed_cursor = models.BigIntegerField(default=0)
    pulled_cursor = models.BigIntegerField(default=0)
    last_push_at = models.DateTimeField(null=True, blank=True)
    last_pull_at = models.DateTimeField(null=True, blank=True)
    # The push sent to this peer whose answer has not arrived (its body, with a random
    # operation ID): sent again as it is until acknowledged, so the peer applies it once.
    pending_push = models.JSONField(null=True, blank=True)

    def __str__(self) -> str:
        return self.url


class SyncedRecord(models.Model):
    """The digest of a record's content when it was last the same on both sides."""

    peer = models.ForeignKey(SyncPeer, on_delete=models.CASCADE, related_name="records")
    object_uuid = models.UUIDField()
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["peer", "object_uuid"],
                                               name="synced_record_once")]

    def __str__(self) -> str:
        return f"{self.object_uuid} at {self.digest[:8]}"


class SyncConflict(models.Model):
    """A record changed on both sides since it was last synced: both versions are kept, the
    local one stands until someone chooses."""

    object_type = models.CharField(max_length=60)
    object_uuid = models.UUIDField(db_index=True)
    session_uuid = models.UUIDField(null=True)
    peer = models.CharField(max_length=300, blank=True)
    base_digest = models.CharField(max_length=64, blank=True)
    local_digest = models.CharField(max_length=64, blank=True)
    remote_digest = models.CharField(max_length=64, blank=True)
    local = models.JSONField(null=True)
    remote = models.JSONField(null=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(
            fields=["object_uuid", "local_digest", "remote_digest"],
            name="sync_conflict_once")]

    def __str__(self) -> str:
        return f"conflict on {self.object_type} {self.object_uuid}"


class SyncBatch(models.Model):
    """A push batch already applied here: a retry by the same user from the same peer gets
    the stored answer, if they may still change every session it concerned; anyone else
    sending that operation ID is refused, never answered with it (the answer names the
    outcome of every record)."""

    op_id = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    peer = models.CharField(max_length=300, blank=True)
    response = models.JSONField()
    # The UUIDs of the sessions the answer reports on: a retry is answered only while the
    # caller may still change each of them.
    sessions = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.op_id)
