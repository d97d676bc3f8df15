"""govcap.plainsql gives and takes exactly what the ORM does, on SQLite and PostgreSQL; and the
one-session scope check the autosave uses decides as the scoped queryset does."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.contrib.sessions.models import Session as LoginSession
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from govcap import plainsql
from govcap.accounts import audit, scoping
from govcap.accounts.models import AuditEvent, Role
from govcap.accounts.session_store import SessionStore
from govcap.assessments import access, capture
from govcap.assessments.models import Rating, Session


def fields_of(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def a_rating(w) -> Rating:
    capture.save_field(w.facilitator, w.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key="change-management", field="notes",
        value="Vendors decide; «we» follow — ٢٠٢٦", base_revision=0))
    return Rating.objects.get(session=w.session, rater=None)


def test_rows_read_plainly_equal_the_orms(consented):
    """UUIDs, dates and times, JSON, booleans and nullable keys, as the ORM gives them."""
    w = consented
    rating = a_rating(w)
    event = AuditEvent.objects.filter(object_uuid=rating.uuid).get()
    for model, orm in ((Rating, rating), (AuditEvent, event),
                       (Session, Session.objects.get(pk=w.session.pk)),
                       (type(w.facilitator), type(w.facilitator).objects.get(pk=w.facilitator.pk))):
        plain = plainsql.one(model, [("id", "=", orm.pk)])
        assert fields_of(plain) == fields_of(orm), model.__name__
        assert not plain._state.adding
    assert isinstance(fields_of(plainsql.one(Rating, [("uuid", "=", rating.uuid)]))["uuid"],
                      uuid.UUID)


def test_conditions_none_is_null_and_comparisons(consented):
    w = consented
    rating = a_rating(w)
    assert plainsql.one(Rating, [("session", "=", w.session.pk), ("rater", "=", None)]) == rating
    assert plainsql.one(Rating, [("session", "=", w.other_session.pk)]) is None
    later = rating.updated_at + dt.timedelta(seconds=1)
    assert plainsql.one(Rating, [("id", "=", rating.pk), ("updated_at", "<", later)]) == rating
    assert plainsql.one(Rating, [("id", "=", rating.pk), ("updated_at", ">", later)]) is None
    with pytest.raises(ValueError, match="LIKE"):
        plainsql.one(Rating, [("notes", "LIKE", "%")])


def test_fields_left_out_are_deferred_and_annotations_are_set(consented):
    w = consented
    with transaction.atomic():
        session = plainsql.one(Session, [("uuid", "=", w.session.uuid)], fields=("id", "status"),
                               annotate={"answer": ("40 + %s", [2])}, lock=True)
    assert (session.status, session.answer) == (w.session.status, 42)
    assert session.place == "Nairobi"  # loaded on access, as after the ORM's only()


def test_an_insert_is_what_create_would_store(consented):
    w = consented
    event = AuditEvent(user=w.facilitator, action="update", object_type="assessments.rating",
                       object_uuid=uuid.uuid4(), session=w.session, before={"notes": "é"},
                       after={"notes": "ü", "n": [1, 2]}, op_id=None)
    plainsql.insert(event)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert fields_of(stored) == fields_of(event)
    assert stored.at is not None and abs(timezone.now() - stored.at) < dt.timedelta(minutes=1)
    assert audit.record(w.facilitator, "update", w.session).pk > event.pk  # ids grow: sync's order


def test_an_update_writes_the_named_fields_only(consented):
    w = consented
    rating = a_rating(w)
    before = rating.updated_at
    rating.notes, rating.evidence = "new notes", "not to be written"
    plainsql.update(rating, ["notes", "updated_at"])
    stored = Rating.objects.get(pk=rating.pk)
    assert (stored.notes, stored.evidence) == ("new notes", "")
    assert stored.updated_at > before
    Rating.objects.filter(pk=rating.pk).delete()
    with pytest.raises(Rating.DoesNotExist):
        plainsql.update(rating, ["notes"])


def test_writes_refuse_a_model_a_save_signal_listens_to(consented):
    def listener(**kwargs):
        pass

    post_save.connect(listener, sender=AuditEvent)
    try:
        with pytest.raises(RuntimeError, match="save signals of AuditEvent"):
            audit.record(consented.facilitator, "update", consented.session)
    finally:
        post_save.disconnect(listener, sender=AuditEvent)


def test_login_sessions_are_found_until_they_expire(db):
    store = SessionStore()
    store["answer"] = 42
    store.create()
    assert SessionStore(store.session_key).load() == {"answer": 42}
    LoginSession.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None


def test_one_sessions_scope_is_what_the_scoped_queryset_says(world, make_user):
    """For every persona, each session (a viewer narrowed to one organisation included)."""
    w = world
    narrowed = make_user("narrowed-viewer", Role.VIEWER, w.engagement, w.agency)
    agency_session = Session.objects.create(engagement=w.engagement, organisation=w.agency,
                                            instrument=w.instrument)
    people = [w.admin, w.manager, w.coordinator, w.facilitator, w.colleague, w.viewer,
              w.outsider, narrowed]
    seen = 0
    for user in people:
        for session in (w.session, w.other_session, agency_session):
            assigned = session.facilitators.filter(pk=user.pk).exists()
            expected = access.sessions(user).filter(pk=session.pk).exists()
            assert scoping.can_see_session(user, session, assigned=assigned) == expected, (
                user.username, session.pk)
            seen += expected
    assert 0 < seen < len(people) * 3  # some seen, some not: the comparison means something


def test_the_backend_finds_active_users_only(world):
    from govcap.accounts.backends import ModelBackend

    backend = ModelBackend()
    assert backend.get_user(world.facilitator.pk) == world.facilitator
    assert backend.get_user(str(world.facilitator.pk)) == world.facilitator  # as sessions hold it
    assert backend.get_user("not-a-number") is None
    assert backend.get_user(10**9) is None
    type(world.facilitator).objects.filter(pk=world.facilitator.pk).update(is_active=False)
    assert backend.get_user(world.facilitator.pk) is None


# --- every model plainsql serves, against the ORM -----------------------------------------
#
# plainsql builds SQL from Django's model metadata and runs the ORM's converters and
# `pre_save`/`get_db_prep_save` itself (internals: docs/architecture.md, "plainsql"). These
# tests compare it with the ORM on each model the autosave and the request path hand it, so a
# Django upgrade that changes those internals fails here first.


def served_rows(w) -> dict:
    """One stored row of each model plainsql reads, as the ORM gives it."""
    from govcap.assessments.models import AppliedOperation
    from govcap.instruments.models import Instrument

    rating = a_rating(w)
    store = SessionStore()
    store["_auth_user_id"] = str(w.facilitator.pk)
    store.create()
    return {
        Rating: rating,
        Session: Session.objects.get(pk=w.session.pk),
        AuditEvent: AuditEvent.objects.filter(object_uuid=rating.uuid).get(),
        AppliedOperation: AppliedOperation.objects.filter(session=w.session).first(),
        Instrument: Instrument.objects.get(pk=w.session.instrument_id),
        type(w.facilitator): type(w.facilitator).objects.get(pk=w.facilitator.pk),
        LoginSession: LoginSession.objects.get(session_key=store.session_key),
    }


def test_every_model_served_reads_as_the_orm_whole_and_narrowed(consented):
    for model, orm in served_rows(consented).items():
        pk = model._meta.pk.name
        plain = plainsql.one(model, [(pk, "=", orm.pk)])
        assert fields_of(plain) == fields_of(orm), model.__name__
        assert type(plain) is model and not plain._state.adding and plain._state.db == "default"
        some = [f.name for f in model._meta.concrete_fields][:3]
        narrowed = plainsql.one(model, [(pk, "=", orm.pk)], fields=some)
        assert narrowed.get_deferred_fields() == (
            {f.attname for f in model._meta.concrete_fields} - {
                model._meta.get_field(name).attname for name in some}), model.__name__
        assert fields_of(narrowed) == fields_of(orm), model.__name__  # the rest loads on access


def test_the_roles_read_plainly_are_the_orms(world, make_user):
    from govcap.accounts.models import RoleAssignment

    make_user("narrowed", Role.VIEWER, world.engagement, world.agency)
    fields = ("role", "engagement", "organisation")
    for user in (world.facilitator, world.viewer, world.admin, world.outsider):
        plain = sorted(map(tuple, plainsql.select(RoleAssignment, [("user", "=", user.pk)],
                                                  fields=fields)), key=repr)
        orm = sorted(RoleAssignment.objects.filter(user=user).values_list(
            "role", "engagement_id", "organisation_id"), key=repr)
        assert plain == orm, user.username


def test_inserts_and_updates_store_what_the_orm_would(consented):
    """The writes the autosave makes: an applied operation (JSON), a session's status."""
    from govcap.assessments.models import AppliedOperation

    w = consented
    response = {"status": "saved", "revision": 3, "text": "«é» — ٢", "nested": [1, {"a": None}]}
    plain = AppliedOperation(op_id=uuid.uuid4(), session=w.session, response=response)
    plainsql.insert(plain)
    orm = AppliedOperation.objects.create(op_id=uuid.uuid4(), session=w.session,
                                          response=response)
    stored, reference = (AppliedOperation.objects.get(pk=x.pk) for x in (plain, orm))
    assert stored.response == reference.response == response
    assert {k: v for k, v in fields_of(stored).items() if k not in ("id", "op_id", "created_at")} \
        == {k: v for k, v in fields_of(reference).items()
            if k not in ("id", "op_id", "created_at")}
    session = Session.objects.get(pk=w.session.pk)
    before = session.updated_at
    session.status = Session.Status.IN_PROGRESS
    plainsql.update(session, ["status", "updated_at"])
    stored = Session.objects.get(pk=session.pk)
    assert stored.status == Session.Status.IN_PROGRESS and stored.updated_at > before
    assert stored.updated_at == session.updated_at  # pre_save set it on the instance, as save()


def test_the_tested_django_is_the_pinned_one():
    """plainsql is pinned to the Django it was measured and tested with: an upgrade changes
    this line, and the tests above are what to run (docs/architecture.md, "plainsql")."""
    import re
    from pathlib import Path

    import django

    pin = re.search(r'"Django==([\d.]+)"', (Path(__file__).parents[2] / "pyproject.toml")
                    .read_text(encoding="utf-8"))
    assert pin is not None and django.__version__ == pin[1]
    assert plainsql.TESTED_WITH == "5.2" and django.__version__.startswith(plainsql.TESTED_WITH)
