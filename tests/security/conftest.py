"""The security tests run with the production requirements switched on: administrators
must have two-factor authentication (tests/settings.py turns it off for the rest)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def admin_2fa_required(settings):
    settings.GOVCAP_ADMIN_2FA = True
