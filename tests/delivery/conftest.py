from __future__ import annotations

import pytest

from tests.delivery.helpers import delivered


@pytest.fixture
def course(world):
    """The world, with its approved plan's first course delivered (2 days, one nominee T1)."""
    world.__dict__.update(delivered(world))
    return world
