"""Test settings: the real settings with a fast password hasher and unhashed static names."""

import tempfile
from pathlib import Path

from govcap.settings import *  # noqa: F403
from govcap.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Never collected into during tests; WhiteNoise only needs it to exist.
STATIC_ROOT = Path(tempfile.gettempdir()) / "govcap-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
