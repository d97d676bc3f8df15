from __future__ import annotations

import pytest

from tests.browser.conftest import browser, page  # noqa: F401  (the real-browser fixtures)
from tests.crash.full_storage import FullStorage, stop_fresh_connections


@pytest.fixture
def full_storage(transactional_db, settings):
    """Fill the database's storage with .fill(), free it with .free(); freed afterwards in
    any case, so no later test of this worker meets a full database."""
    storage = FullStorage(settings)
    yield storage
    storage.free()
    stop_fresh_connections()
