"""A user's roles are read once per user object (so once per request), kept beside the
object rather than written onto it, and forgotten with it."""

from __future__ import annotations

import gc
import weakref

from django.contrib.auth import get_user_model

from govcap.accounts import scoping


def test_the_roles_are_read_once_per_user_object(world, django_assert_num_queries):
    user = get_user_model().objects.get(pk=world.facilitator.pk)
    with django_assert_num_queries(1):
        first = scoping.scope_of(user)
        assert scoping.scope_of(user) is first
    assert world.engagement.id in first.facilitator_of
    assert not [name for name in vars(user) if "scope" in name]  # nothing patched onto it
    again = get_user_model().objects.get(pk=world.facilitator.pk)  # the next request's user
    with django_assert_num_queries(1):
        assert scoping.scope_of(again) == first


def test_a_scope_goes_with_its_user_object_or_when_forgotten(world, django_assert_num_queries):
    user = get_user_model().objects.get(pk=world.viewer.pk)
    scoping.scope_of(user)
    scoping._SCOPES.forget(user)
    with django_assert_num_queries(1):
        scoping.scope_of(user)
    key, alive = id(user), weakref.ref(user)
    assert scoping._SCOPES.get(user) is not None
    del user
    gc.collect()
    assert alive() is None  # the cache held no strong reference
    assert key not in scoping._SCOPES._by_id  # and its entry went with the object
