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

# A file, not SQLite's shared in-memory database: the browser tests' live server answers
# requests on other threads, and only a file gives them real locking with a busy timeout,
# as in production. (pytest-xdist adds the worker's name to the file name.)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / "govcap-test.sqlite3")}
