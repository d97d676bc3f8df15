from __future__ import annotations

import pytest

from tests.crash.full_storage import full_storage_for_a_test


@pytest.fixture
def full_storage(transactional_db, settings):
    yield from full_storage_for_a_test(settings)
