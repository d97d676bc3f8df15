"""Test settings: the real settings with a fast password hasher and unhashed static names."""

import os
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
# as in production. One file per process, so parallel runs never share one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"govcap-test-{os.getpid()}.sqlite3")}

# Login lockout and the administrators' two-factor requirement are off for the suite's
# speed and simplicity; tests/security turns them on with override_settings where tested.
AXES_ENABLED = False
GOVCAP_ADMIN_2FA = False

# Every test Client builds its own middleware chain, and WhiteNoise's middleware would list
# every static file through the finders each time (~10 ms a client, thousands of clients).
# Autorefresh finds a file when it is asked for instead, as in development: static files are
# still served, looked up per request.
WHITENOISE_AUTOREFRESH = True
