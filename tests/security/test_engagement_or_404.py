"""The one fetch of an engagement: in scope it is returned, out of scope a 404 (never a 403)."""

from __future__ import annotations

import pytest
from django.http import Http404

from govcap.accounts import scoping


def test_an_engagement_in_scope_is_returned_and_one_out_of_scope_is_a_404(world) -> None:
    slug = world.engagement.slug
    assert scoping.engagement_or_404(world.coordinator, slug) == world.engagement
    with pytest.raises(Http404):
        scoping.engagement_or_404(world.outsider, slug)
    with pytest.raises(Http404):
        scoping.engagement_or_404(world.coordinator, "no-such-engagement")
