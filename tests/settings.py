"""Test settings: the real settings with a fast password hasher and unhashed static names."""

from govcap.settings import *  # noqa: F403
from govcap.settings import BASE_DIR, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = BASE_DIR / "static"  # never collected into during tests; it only has to exist
