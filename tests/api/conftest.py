"""Fixtures of the API tests: personal tokens of the world's personas."""

from __future__ import annotations

import pytest
from django.test import Client

from govcap.accounts.tokens import create_token


@pytest.fixture
def bearer(world):
    """`bearer("coordinator")`: a test client sending that persona's token."""
    def make(who: str) -> Client:
        raw = create_token(getattr(world, who), "tests").raw
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return make
