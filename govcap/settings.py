"""Settings, all from the environment (GOVCAP_*), with laptop-friendly defaults.

A checkout runs with no set-up on an embedded SQLite database; GOVCAP_DATABASE_URL
switches to PostgreSQL. Production (GOVCAP_DEBUG off) refuses a missing secret key.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """A secret from NAME or from the file named by NAME_FILE (container secrets)."""
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    return os.environ.get(name) or None


DATA_DIR = Path(os.environ.get("GOVCAP_DATA_DIR", Path.cwd() / "var"))
DEBUG = env_bool("GOVCAP_DEBUG", False)

_DEV_SECRET = "govcap-insecure-development-key-only-for-127.0.0.1"
SECRET_KEY = env_secret("GOVCAP_SECRET_KEY") or ""
if not SECRET_KEY:
    if env_bool("GOVCAP_PRODUCTION", False):
        raise ImproperlyConfigured("GOVCAP_SECRET_KEY must be set in production.")
    SECRET_KEY = _DEV_SECRET
elif SECRET_KEY == _DEV_SECRET and env_bool("GOVCAP_PRODUCTION", False):
    raise ImproperlyConfigured("GOVCAP_SECRET_KEY is the development default.")

ALLOWED_HOSTS = env_list("GOVCAP_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("GOVCAP_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "govcap.instruments",
    "govcap.orgs",
    "govcap.accounts",
    "govcap.assessments",
    "govcap.interchange",
    "govcap.planning",
    "govcap.analysis",
    "govcap.sync",
    "django_tasks",
    "django_tasks_db",
    "govcap.jobs",
    "govcap.demo",
    "govcap.web",
]

MIDDLEWARE = [
    "govcap.web.request_log.RequestLogMiddleware",
    "govcap.web.health.HealthCheckMiddleware",
    "govcap.web.storage_full.StorageFullMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "govcap.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "govcap.urls"
WSGI_APPLICATION = "govcap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    }
]


def sqlite_options() -> dict[str, object]:
    """The connection options every SQLite database gets, however it was named. WAL lets
    readers work while a facilitator's autosave writes; IMMEDIATE takes the write lock at
    BEGIN so concurrent saves queue (up to `timeout` seconds) instead of failing with
    "database is locked" when two read-then-write transactions meet."""
    return {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }


def database_from_env(environ: Mapping[str, str], data_dir: Path) -> dict:
    """The default database: GOVCAP_DATABASE_URL when set (PostgreSQL, or SQLite named by
    URL), else the SQLite file GOVCAP_SQLITE_PATH or DATA_DIR/govcap.sqlite3. Both SQLite
    forms go through `sqlite_options` (options in the URL's query string still win)."""
    # Kept open between requests: opening costs the PRAGMAs, and when the last connection
    # closes SQLite checkpoints and deletes the WAL, to recreate it at once.
    conn_max_age = int(environ.get("GOVCAP_DB_CONN_MAX_AGE", "60"))
    if environ.get("GOVCAP_DATABASE_URL"):
        database = dict(dj_database_url.parse(environ["GOVCAP_DATABASE_URL"],
                                              conn_max_age=conn_max_age,
                                              conn_health_checks=True))
    else:
        database = {"ENGINE": "django.db.backends.sqlite3",
                    "NAME": Path(environ.get("GOVCAP_SQLITE_PATH",
                                             data_dir / "govcap.sqlite3")),
                    "CONN_MAX_AGE": conn_max_age}
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**sqlite_options(), **(database.get("OPTIONS") or {})}
    return database


# Importing the settings creates nothing: `govcap migrate` (and so `govcap up`) makes the
# SQLite database's folder; jobs and uploads make theirs when they first write.
DATABASES = {"default": database_from_env(os.environ, DATA_DIR)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = int(os.environ.get("GOVCAP_SESSION_AGE", str(12 * 3600)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the autosave script reads the token from the form, not the cookie
SESSION_ENGINE = "govcap.accounts.session_store"  # database sessions, read as plain SQL

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("GOVCAP_TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("GOVCAP_STATIC_ROOT", DATA_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("GOVCAP_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 365 * 24 * 3600

# Strict Content-Security-Policy: no inline script or style anywhere (charts are SVG with
# presentation attributes; htmx is told not to inject its indicator styles).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
if env_bool("GOVCAP_HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("GOVCAP_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("GOVCAP_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("GOVCAP_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# GOVCAP_LOG_FORMAT=json: one JSON object per line (`govcap serve --production` sets it);
# "govcap.requests" writes one line per request (govcap/web/request_log.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "govcap.web.log_format.JsonFormatter"},
        "plain": {"()": "govcap.web.log_format.PlainFormatter"},
    },
    "handlers": {"console": {
        "class": "logging.StreamHandler",
        "formatter": "json" if os.environ.get("GOVCAP_LOG_FORMAT") == "json" else "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("GOVCAP_LOG_LEVEL", "WARNING")},
    "loggers": {
        "govcap.requests": {"level": os.environ.get("GOVCAP_REQUEST_LOG_LEVEL", "INFO")},
        # The laptop server's own access lines: govcap.requests already logs every request.
        "django.server": {"handlers": [], "propagate": False},
    },
}


# === Background jobs (govcap/jobs; see docs/operator-guide.md) =======================
# django-tasks with its database backend: the queue is a table of this database, so a
# laptop needs no other service. `govcap worker` runs the jobs on a server; `govcap serve`
# without --production starts one as its child process (GOVCAP_LAPTOP_WORKER=0 turns it
# off). A running job writes a heartbeat; one silent for GOVCAP_JOB_STALE_SECONDS
# is shown as interrupted (its worker died) and can be run again.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
GOVCAP_JOB_HEARTBEAT_SECONDS = float(os.environ.get("GOVCAP_JOB_HEARTBEAT_SECONDS", "10"))
GOVCAP_JOB_STALE_SECONDS = int(os.environ.get("GOVCAP_JOB_STALE_SECONDS", "120"))
# Finished jobs older than this go, with their files: the worker prunes shortly after it
# starts, then once a day (`govcap jobs prune` does it when asked). 0 keeps every job.
GOVCAP_JOB_KEEP_DAYS = int(os.environ.get("GOVCAP_JOB_KEEP_DAYS", "30"))
# A submissions upload larger than this is imported by a job, without the preview.
GOVCAP_IMPORT_JOB_BYTES = int(os.environ.get("GOVCAP_IMPORT_JOB_BYTES", str(2 * 1024 * 1024)))
# === end of background jobs ==========================================================


# === Accounts and security (govcap/accounts; see docs/security.md) ===================
# Lockout (django-axes): after GOVCAP_LOGIN_FAILURE_LIMIT failed logins, one username from
# one address is refused for GOVCAP_LOGIN_COOLOFF_MINUTES. Locking per username *and*
# address, with a cool-off, means nobody can lock an administrator out for good from
# elsewhere; `govcap unlock USER` lifts a lock at once.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "govcap.accounts.backends.ModelBackend",
    # Login sessions started before govcap's backend existed name Django's: still accepted.
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("GOVCAP_LOGIN_LOCKOUT", True)
AXES_FAILURE_LIMIT = int(os.environ.get("GOVCAP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("GOVCAP_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "govcap.accounts.lockout.client_ip"
AXES_VERBOSE = False
# Behind a reverse proxy, how many proxies append to X-Forwarded-For (0: use REMOTE_ADDR).
GOVCAP_PROXY_COUNT = int(os.environ.get("GOVCAP_PROXY_COUNT", "0"))

# Two-factor authentication (django-otp: TOTP + single-use recovery codes): optional for
# everyone, required for administrators on a production server (GOVCAP_PRODUCTION=1) unless
# GOVCAP_ADMIN_2FA=0 (a deploy check warns). A laptop serving 127.0.0.1 asks for it only
# when GOVCAP_ADMIN_2FA=1.
GOVCAP_ADMIN_2FA = env_bool("GOVCAP_ADMIN_2FA", env_bool("GOVCAP_PRODUCTION", False))
OTP_TOTP_ISSUER = os.environ.get("GOVCAP_OTP_ISSUER", "govcap")

# Sessions: expire after GOVCAP_SESSION_AGE seconds (above); optionally when the browser closes.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("GOVCAP_SESSION_EXPIRE_AT_BROWSER_CLOSE", False)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Invitations and API tokens.
GOVCAP_INVITATION_DAYS = int(os.environ.get("GOVCAP_INVITATION_DAYS", "7"))
GOVCAP_API_TOKEN_DAYS = int(os.environ.get("GOVCAP_API_TOKEN_DAYS", "365"))

# Uploads: request bodies kept in memory up to these sizes; every importer checks files
# with govcap.accounts.uploads (size up to GOVCAP_UPLOAD_MAX_BYTES, type by content).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("GOVCAP_REQUEST_MAX_BYTES", str(5 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
GOVCAP_UPLOAD_MAX_BYTES = int(os.environ.get("GOVCAP_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))

# Participant privacy: identified data (names, contacts) of engagements closed more than
# this many months ago are purged by `govcap privacy purge --yes` (0: never).
GOVCAP_RETENTION_MONTHS = int(os.environ.get("GOVCAP_RETENTION_MONTHS", "24"))
# === end of accounts and security ====================================================
