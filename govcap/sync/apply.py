"""Applying a batch (govcap/sync/feed.py) that arrived from a peer, in one transaction.

Records are matched by UUID (a rating also by session, section and rater, so two consensus
ratings created apart are the same record); each one follows `merge.decide`. A conflict is
kept in `SyncConflict` with both versions and the local one stands. With `check_scope`
(a push received by a server) the user may only create sessions of engagements they
facilitate or coordinate and change sessions they may capture; a pulled batch was scoped by
the server that sent it. Every write adds an audit event (`sync`) with the batch's
operation ID. A tombstone for a record the same batch carries alive is passed over: the
record was deleted and restored (a removal undone) before the batch was built.
"""

from __future__ import annotations

import uuid
from collections import Counter
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from govcap.accounts import audit, scoping
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.instruments.models import Instrument
from govcap.interchange import bundle as b
from govcap.interchange import bundleio
from govcap.orgs.models import Engagement, Organisation
from govcap.sync import merge
from govcap.sync.feed import FORMAT, VERSION, records_of
from govcap.sync.models import SyncConflict, SyncedRecord, SyncPeer

MODELS: dict[str, type[Participant] | type[Rating] | type[Quote]] = {
    "participant": Participant, "rating": Rating, "quote": Quote}


class SyncError(ValueError):
    """A batch that cannot be applied at all."""


class Applier:
    def __init__(self, user: Any, peer: str, op_id: uuid.UUID, check_scope: bool) -> None:
        self.user, self.peer, self.op_id, self.check_scope = user, peer, op_id, check_scope
        self.outcomes: dict[str, str] = {}
        self.digests: dict[str, str] = {}
        self.refused: list[str] = []
        self.counts: Counter = Counter()
        # the UUIDs of the sessions the answer reports on (those the user could change)
        self.sessions: set[str] = set()

    def answer(self) -> dict[str, Any]:
        return {"outcomes": self.outcomes, "digests": self.digests, "refused": self.refused,
                "counts": dict(self.counts)}

    # --- the batch ----------------------------------------------------------------------

    def run(self, batch: dict[str, Any], bases: dict[str, str]) -> dict[str, Any]:
        if not isinstance(batch, dict) or batch.get("format") != FORMAT or batch.get(
                "version") != VERSION:
            raise SyncError(_("This is not a govcap sync batch of a version this server "
                              "reads."))
        with transaction.atomic():
            for ctx in batch["engagements"]:
                self._context(ctx, batch["people"])
            for data in batch["sessions"]:
                try:
                    with transaction.atomic():
                        self._session(data, bases)
                except (KeyError, ValueError, IntegrityError) as exc:
                    self.refused.append(_("session %(uuid)s: %(reason)s") % {
                        "uuid": data.get("uuid"),
                        "reason": repr(exc) if isinstance(exc, KeyError) else exc})
            alive = {p["uuid"] for s in batch["sessions"] for _, p in records_of(s)}
            for tomb in batch["tombstones"]:
                if tomb["uuid"] not in alive:
                    self._tombstone(tomb, bases)
        return self.answer()

    def _context(self, ctx: dict[str, Any], people: list[str]) -> None:
        if ctx["engagement"]["is_demo"]:
            return
        existing = Engagement.objects.filter(uuid=ctx["engagement"]["uuid"]).first()
        if self.check_scope and not (
                scoping.can_manage_engagement(self.user, existing) if existing
                else scoping.can_create_engagement(self.user)):
            return  # everything a session names must then be here already
        report = bundleio.BundleReport()
        bundleio._people(people, report)
        instruments = {(i["key"], i["version"]): bundleio._instrument(i, report)
                       for i in ctx["instruments"]}
        country = bundleio._country(ctx["country"], report)
        orgs = bundleio._organisations(ctx["organisations"], country, report)
        bundleio._engagement(ctx["engagement"], country, instruments, orgs, report)

    # --- sessions -------------------------------------------------------------------------

    def _session(self, data: dict[str, Any], bases: dict[str, str]) -> None:
        if data["is_demo"]:
            return
        session = Session.objects.filter(uuid=data["uuid"]).select_related(
            "engagement", "instrument").first()
        if session is None:
            if data.get("partial"):
                self.refused.append(_("session %(uuid)s: not on this server; push it whole "
                                      "with `govcap sync push --full`") % {"uuid": data["uuid"]})
                return
            self._create_session(data)
            return
        if session.is_demo or (self.check_scope and not scoping.can_capture(self.user, session)):
            self.refused.append(_("session %(uuid)s: you cannot change it here") % {
                "uuid": data["uuid"]})
            return
        self.sessions.add(str(session.uuid))
        serialised = b._session(session, session.instrument, b.BundleOptions(), set())
        local = {p["uuid"]: p for _, p in records_of(serialised)}
        for kind, payload in records_of(data):
            self._record(session, kind, payload, local, serialised["ratings"], bases)

    def _create_session(self, data: dict[str, Any]) -> None:
        engagement = Engagement.objects.filter(uuid=data["engagement"]).first()
        if engagement is None or engagement.is_demo:
            raise ValueError(_("its engagement is not on this server"))
        if self.check_scope and not (
                scoping.can_manage_engagement(self.user, engagement)
                or (engagement.id in scoping.scope_of(self.user).facilitator_of
                    and self.user.get_username() in data["facilitators"])):
            self.refused.append(_("session %(uuid)s: you cannot add sessions to %(engagement)s")
                                % {"uuid": data["uuid"], "engagement": engagement.slug})
            return
        key = (data["instrument"]["key"], data["instrument"]["version"])
        instruments = {key: Instrument.objects.get(key=key[0], version=key[1])}
        org_uuids = {data["organisation"], *(p["organisation"] for p in data["participants"])}
        orgs = {str(o.uuid): o for o in Organisation.objects.filter(uuid__in=org_uuids)}
        names = set(data["facilitators"]) | {r["rater"] for r in data["ratings"]} | {
            data[k] for k in ("consent_recorded_by", "submitted_by", "validated_by")} | {
            r["updated_by"] for r in data["ratings"]}
        users = {u.get_username(): u for u in get_user_model().objects.filter(
            username__in=[n for n in names if n])}
        session = bundleio._session(data, engagement, instruments, orgs, users, False,
                                    bundleio.BundleReport())
        assert session is not None  # absent: this is the create path, under the transaction
        audit.record(self.user, "sync", session, None, {"peer": self.peer, "created": True},
                     session=session, op_id=self.op_id)
        self.sessions.add(str(session.uuid))
        for kind, payload in records_of(data):
            self._agree(payload["uuid"], "create", merge.digest(kind, payload))

    def _agree(self, key: str, outcome: merge.Outcome, incoming: str) -> None:
        self.outcomes[key] = outcome
        self.counts[outcome] += 1
        if merge.agreed(outcome):
            self.digests[key] = incoming

    def _record(self, session: Session, kind: str, payload: dict[str, Any],
                local: dict[str, dict], local_ratings: list[dict], bases: dict[str, str]
                ) -> None:
        mine = local.get(payload["uuid"])
        if mine is None and kind == "rating":  # the same section's rating, created apart
            mine = next((r for r in local_ratings if r["section_key"] == payload["section_key"]
                         and r["rater"] == payload["rater"]), None)
        incoming = merge.digest(kind, payload)
        here = merge.digest(kind, mine) if mine is not None else None
        outcome = merge.decide(here, incoming, bases.get(payload["uuid"]))
        if outcome == "conflict":
            SyncConflict.objects.get_or_create(
                object_uuid=payload["uuid"], local_digest=here or "", remote_digest=incoming,
                defaults={"object_type": kind, "session_uuid": session.uuid, "peer": self.peer,
                          "base_digest": bases.get(payload["uuid"], ""), "local": mine,
                          "remote": payload, "user": self._user()})
        elif outcome in ("create", "apply"):
            self._write(session, kind, payload, mine)
        self._agree(payload["uuid"], outcome, incoming)

    def _user(self) -> Any:
        return self.user if getattr(self.user, "is_authenticated", False) else None

    def _write(self, session: Session, kind: str, payload: dict[str, Any],
               mine: dict[str, Any] | None) -> None:
        after = merge.content(kind, payload)
        before = merge.content(kind, mine) if mine else None
        if kind == "session":
            for name in merge.CONTENT["session"]:
                value = payload[name]
                setattr(session, name, bundleio._date(value) if name == "scheduled_date"
                        else value)
            session.save()
            obj: Any = session
        elif kind == "participant":
            obj = Participant.objects.filter(uuid=payload["uuid"]).first() or Participant(
                uuid=payload["uuid"], session=session)
            for name in ("code", "role_title", "seniority", "gender"):
                setattr(obj, name, payload[name])
            obj.organisation = Organisation.objects.get(uuid=payload["organisation"])
            obj.save()
        elif kind == "rating":
            obj = (Rating.objects.filter(uuid=mine["uuid"]).first() if mine else None) or Rating(
                uuid=payload["uuid"], session=session, section_key=payload["section_key"],
                rater=self._person(payload["rater"]))
            for name in Rating.CAPTURE_FIELDS:
                setattr(obj, name, payload[name])
            revisions = dict(obj.field_revisions or {})
            for name, rev in (payload.get("field_revisions") or {}).items():
                revisions[name] = max(int(rev), int(revisions.get(name, 0)))
            obj.field_revisions = revisions
            obj.save()
        else:
            obj = Quote.objects.filter(uuid=payload["uuid"]).first() or Quote(
                uuid=payload["uuid"], session=session)
            obj.section_key, obj.text = payload["section_key"], payload["text"]
            obj.participant = (Participant.objects.filter(uuid=payload["participant"]).first()
                               if payload["participant"] else None)
            obj.revision = max(int(payload.get("revision") or 1), obj.revision or 1)
            obj.save()
        audit.record(self.user, "sync", obj, before, after, session=session, op_id=self.op_id)

    def _person(self, username: str | None) -> Any:
        return get_user_model().objects.get(username=username) if username else None

    # --- tombstones -----------------------------------------------------------------------

    def _tombstone(self, tomb: dict[str, Any], bases: dict[str, str]) -> None:
        model = MODELS.get(tomb["type"])
        if model is None or tomb["type"] == "rating":
            return
        obj = model.objects.filter(uuid=tomb["uuid"]).select_related("session").first()
        if obj is not None and (obj.session.is_demo or (
                self.check_scope and not scoping.can_capture(self.user, obj.session))):
            self.refused.append(_("%(kind)s %(uuid)s: you cannot delete it here") % {
                "kind": tomb["type"], "uuid": tomb["uuid"]})
            return
        mine = None
        if obj is not None:
            self.sessions.add(str(obj.session.uuid))
            serialised = b._session(obj.session, obj.session.instrument, b.BundleOptions(),
                                    set())
            local = {p["uuid"]: p for _, p in records_of(serialised)}
            mine = local.get(tomb["uuid"])
        here = merge.digest(tomb["type"], mine) if mine else None
        outcome = merge.decide_delete(here, bases.get(tomb["uuid"]))
        if outcome == "delete" and obj is not None:  # "delete" needs a local version: obj's
            audit.record(self.user, "delete", obj, mine, None, session=obj.session,
                         op_id=self.op_id)
            obj.delete()
        elif outcome == "conflict":
            SyncConflict.objects.get_or_create(
                object_uuid=tomb["uuid"], local_digest=here or "", remote_digest="deleted",
                defaults={"object_type": tomb["type"], "session_uuid": tomb["session"],
                          "peer": self.peer, "base_digest": bases.get(tomb["uuid"], ""),
                          "local": mine, "remote": None, "user": self._user()})
        self.outcomes[tomb["uuid"]] = outcome
        self.counts[outcome] += 1


def apply_batch(batch: dict[str, Any], *, user: Any, peer: str, bases: dict[str, str],
                op_id: uuid.UUID, check_scope: bool) -> dict[str, Any]:
    return Applier(user, peer, op_id, check_scope).run(batch, bases)


def resolve(conflict: SyncConflict, take: str = "here", user: Any = None) -> None:
    """Settle a conflict. `here`: the local version stands; `there`: the other side's version
    is written here (a deletion deletes). Where this side keeps cursors for that peer (the
    laptop), its base moves to the other side's version, so the next sync carries the
    choice over instead of meeting the conflict again."""
    with transaction.atomic():
        conflict = SyncConflict.objects.select_for_update().get(pk=conflict.pk)
        if take == "there":
            applier = Applier(user, conflict.peer, uuid.uuid4(), check_scope=False)
            model = MODELS.get(conflict.object_type)
            if conflict.remote is None and model is not None:
                obj = model.objects.filter(uuid=conflict.object_uuid).first()
                if obj is not None:
                    audit.record(user, "delete", obj, conflict.local, None,
                                 session=obj.session, op_id=applier.op_id)
                    obj.delete()
            elif conflict.remote is not None:
                if conflict.session_uuid is None:
                    raise SyncError(_("this conflict names no session to write the version "
                                      "in"))
                session = Session.objects.get(uuid=conflict.session_uuid)
                applier._write(session, conflict.object_type, conflict.remote, conflict.local)
        peer = SyncPeer.objects.filter(url=conflict.peer).first()
        if peer is not None and conflict.remote_digest != "deleted":
            SyncedRecord.objects.update_or_create(
                peer=peer, object_uuid=conflict.object_uuid,
                defaults={"digest": conflict.remote_digest})
        conflict.resolved = True
        conflict.save(update_fields=["resolved"])
