"""Settings, all from the environment (GOVCAP_*), with laptop-friendly defaults.

A checkout runs with no set-up on an embedded SQLite database; GOVCAP_DATABASE_URL
switches to PostgreSQL. Production (GOVCAP_PRODUCTION=1) refuses a missing secret key.

Every GOVCAP_* variable is read through `env` (or its typed forms) or, when another module
reads it, named with `declare`: both record the name, the default and a line of help, from
which docs/settings.md is generated (`make docs`; tests/test_docs_cli.py checks it).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from govcap import translations

BASE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class EnvVar:
    """One GOVCAP_* environment variable as docs/settings.md shows it."""

    name: str
    default: str  # Markdown: `value`, "unset", or words when it depends on another one
    help: str
    example: str
    section: str
    read_by: str = ""  # the module that reads it, when not this file


# name → EnvVar, in the order of this file (govcap.cli renders docs/settings.md from it).
environment_variables: dict[str, EnvVar] = {}
_section = ""


def env_section(title: str) -> None:
    """Start a section of docs/settings.md: the variables declared next belong to it."""
    global _section
    _section = title


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)


def _shown_default(value: Any) -> str:
    return f"`{_shown(value)}`" if _shown(value) else "unset"


def declare(name: str, default: Any, *, help: str, example: Any = None, shown: str | None = None,
            read_by: str = "") -> None:
    """Record NAME for the settings reference (reading it is the caller's business).
    SHOWN, in Markdown, replaces the default when that is computed."""
    if name in environment_variables:
        raise ImproperlyConfigured(f"{name} is declared twice in govcap/settings.py.")
    if example is None:
        if not isinstance(default, bool):
            raise ImproperlyConfigured(f"{name} needs an example.")
        example = not default
    environment_variables[name] = EnvVar(
        name=name, default=_shown_default(default) if shown is None else shown, help=help,
        example=_shown(example), section=_section, read_by=read_by)


def env(name: str, default: Any, *, help: str, example: Any = None,
        shown: str | None = None) -> Any:
    """The raw value of environment variable NAME, DEFAULT when it is unset; recorded."""
    declare(name, default, help=help, example=example, shown=shown)
    return os.environ.get(name, default)


def env_bool(name: str, default: bool, *, help: str, shown: str | None = None) -> bool:
    """1, true, yes or on (any case) is true; unset or empty gives DEFAULT."""
    declare(name, default, help=help, shown=shown)
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str, *, help: str, example: str) -> list[str]:
    """A comma-separated list."""
    declare(name, default, help=help, example=example)
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str, *, help: str, example: str) -> str | None:
    """A secret from NAME or from the file named by NAME_FILE (container secrets)."""
    declare(name, None, help=help, example=example)
    declare(f"{name}_FILE", None, help=f"a file holding {name} (container secrets); wins over "
            f"{name}", example=f"/run/secrets/{name.lower()}")
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    return os.environ.get(name) or None


env_section("Server")
DATA_DIR = Path(env("GOVCAP_DATA_DIR", Path.cwd() / "var", shown="`./var`",
                    help="where the SQLite database, uploads, job files and static files live",
                    example="/srv/govcap/var"))
DEBUG = env_bool("GOVCAP_DEBUG", False,
                 help="Django's debug pages; never on a server others can reach")
_PRODUCTION = env_bool(
    "GOVCAP_PRODUCTION", False,
    help="a production server: refuses to start without a secret key (or with the "
         "development one) and requires two-factor authentication of administrators")

_DEV_SECRET = "govcap-insecure-development-key-only-for-127.0.0.1"
SECRET_KEY = env_secret(
    "GOVCAP_SECRET_KEY", example="$(openssl rand -base64 48)",
    help="Django's secret key (signs login sessions and tokens); a development key when "
         "unset, refused in production") or ""
if not SECRET_KEY:
    if _PRODUCTION:
        raise ImproperlyConfigured("GOVCAP_SECRET_KEY must be set in production.")
    SECRET_KEY = _DEV_SECRET
elif SECRET_KEY == _DEV_SECRET and _PRODUCTION:
    raise ImproperlyConfigured("GOVCAP_SECRET_KEY is the development default.")

ALLOWED_HOSTS = env_list("GOVCAP_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver",
                         example="govcap.example.org",
                         help="the host names govcap answers to, comma-separated")
CSRF_TRUSTED_ORIGINS = env_list(
    "GOVCAP_CSRF_TRUSTED_ORIGINS", "", example="https://govcap.example.org",
    help="origins trusted for form posts, comma-separated (behind a proxy that changes "
         "the host or the scheme)")

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
    # before interchange: govcap.results' `govcap results` command (indicators, iati) mounts
    # interchange's `export` and is the one Django finds (the first app's command wins)
    "govcap.results",
    "govcap.interchange",
    "govcap.planning",
    "govcap.delivery",
    "govcap.reports",
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
    "govcap.delivery.middleware.ProviderAreaMiddleware",
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


env_section("Database")
# database_from_env reads these from the mapping it is given (tests pass their own).
declare("GOVCAP_DATABASE_URL", None, shown="unset: SQLite, `GOVCAP_SQLITE_PATH`",
        example="postgres://govcap@db/govcap",
        help="the database: PostgreSQL, or SQLite named by URL (sqlite:////path/file.sqlite3)")
declare("GOVCAP_SQLITE_PATH", None, shown="`GOVCAP_DATA_DIR/govcap.sqlite3`",
        example="/srv/govcap/govcap.sqlite3",
        help="the SQLite file, when GOVCAP_DATABASE_URL is unset")
declare("GOVCAP_DB_CONN_MAX_AGE", "60", example="0",
        help="seconds a database connection is kept open between requests (0: closed "
             "after each)")


def database_from_env(environ: Mapping[str, str], data_dir: Path) -> dict:
    """The default database: GOVCAP_DATABASE_URL when set (PostgreSQL, or SQLite named by
    URL), else the SQLite file GOVCAP_SQLITE_PATH or DATA_DIR/govcap.sqlite3. Both SQLite
    forms go through `sqlite_options` (options in the URL's query string still win)."""
    # Kept open between requests: opening costs the PRAGMAs, and when the last connection
    # closes SQLite checkpoints and deletes the WAL, to recreate it at once.
    conn_max_age = int(environ.get("GOVCAP_DB_CONN_MAX_AGE", "60"))
    if environ.get("GOVCAP_DATABASE_URL"):
        database: dict[str, Any] = dict(dj_database_url.parse(environ["GOVCAP_DATABASE_URL"],
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
env_section("Server")
SESSION_COOKIE_AGE = int(env("GOVCAP_SESSION_AGE", str(12 * 3600), example="28800",
                             help="seconds a login lasts (12 hours by default)"))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the autosave script reads the token from the form, not the cookie
SESSION_ENGINE = "govcap.accounts.session_store"  # database sessions, read as plain SQL

LANGUAGE_CODE = "en"
# Every language govcap has a catalogue for, each named in itself. The interface offers the
# ones at least GOVCAP_LANGUAGE_MIN_TRANSLATED percent translated (`govcap translations
# status` shows the shares; docs/translations.md).
CATALOGUE_LANGUAGES = [("en", "English"), ("fr", "Français"), ("ar", "العربية"),
                       ("sw", "Kiswahili"), ("so", "Soomaali"), ("am", "አማርኛ")]
GOVCAP_LANGUAGE_MIN_TRANSLATED = float(env(
    "GOVCAP_LANGUAGE_MIN_TRANSLATED", "90", example="100",
    help="the share (percent) of a catalogue's messages that must be translated for the "
         "interface to offer its language; below it, it is not offered"))
LANG_INFO.update({k: v for k, v in translations.EXTRA_LANG_INFO.items() if k not in LANG_INFO})
# One name per language, as it writes its own in a menu: every list of languages (the
# switcher, the documents' language choice through get_language_info) says "Français",
# "العربية", not Django's "français", "العربيّة" in one place and ours in another.
for _code, _local in CATALOGUE_LANGUAGES:
    LANG_INFO[_code] = {**LANG_INFO.get(_code, {}), "name_local": _local}
LANGUAGES = translations.offered(BASE_DIR / "locale", CATALOGUE_LANGUAGES,
                                 GOVCAP_LANGUAGE_MIN_TRANSLATED, default="en")
GOVCAP_PSEUDO_LOCALES = env_bool(
    "GOVCAP_PSEUDO_LOCALES", False,
    help="accept the pseudo-locales en-xa (accented, in brackets) and ar-xb (right to "
         "left), for translators and tests; never listed in the language menu")
if GOVCAP_PSEUDO_LOCALES:
    LANGUAGES += [(code, name) for code, (name, _) in translations.PSEUDO_LOCALES.items()]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language chosen in the switcher outlasts the browser session (Django's default cookie
# ends with it); a logged-in person's choice is also kept with the account and set again at
# login, in any browser (govcap.accounts.languages).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = env("GOVCAP_TIME_ZONE", "UTC", example="Africa/Nairobi",
                help="the time zone dates and times are shown in")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("GOVCAP_STATIC_ROOT", DATA_DIR / "static", shown="`GOVCAP_DATA_DIR/static`",
                       example="/srv/govcap/static",
                       help="where `govcap serve` collects the static files"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("GOVCAP_MANIFEST_STATIC", not DEBUG, shown="`1` unless `GOVCAP_DEBUG`",
                        help="static files under content-hashed names, cached for a year")
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
env_section("HTTPS")
# All read whatever GOVCAP_HTTPS says, so that docs/settings.md lists them all.
_HTTPS = env_bool("GOVCAP_HTTPS", False,
                  help="served over HTTPS (behind a proxy setting X-Forwarded-Proto): secure "
                       "cookies, redirects to HTTPS, HSTS")
_SSL_REDIRECT = env_bool("GOVCAP_SSL_REDIRECT", True,
                         help="with GOVCAP_HTTPS, redirect plain HTTP requests to HTTPS")
_HSTS_SECONDS = env("GOVCAP_HSTS_SECONDS", "31536000", example="3600",
                    help="with GOVCAP_HTTPS, how long browsers remember to use HTTPS only "
                         "(Strict-Transport-Security max-age, seconds)")
_HSTS_PRELOAD = env_bool("GOVCAP_HSTS_PRELOAD", True,
                         help="with GOVCAP_HTTPS, ask to be on the browsers' HSTS preload list")
if _HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _SSL_REDIRECT
    SECURE_HSTS_SECONDS = int(_HSTS_SECONDS)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _HSTS_PRELOAD
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# GOVCAP_LOG_FORMAT=json: one JSON object per line (`govcap serve --production` sets it);
# "govcap.requests" writes one line per request (govcap/web/request_log.py).
env_section("Logs")
_LOG_FORMAT = env("GOVCAP_LOG_FORMAT", None, example="json",
                  help="`json`: one JSON object per line (`govcap serve --production` sets it); "
                       "else plain lines")
_LOG_LEVEL = env("GOVCAP_LOG_LEVEL", "WARNING", example="INFO",
                 help="the level of the root logger")
_REQUEST_LOG_LEVEL = env("GOVCAP_REQUEST_LOG_LEVEL", "INFO", example="WARNING",
                         help="the level of govcap.requests' line per request (ERROR: only "
                              "server errors; DEBUG: load balancers' health checks too)")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "govcap.web.log_format.JsonFormatter"},
        "plain": {"()": "govcap.web.log_format.PlainFormatter"},
    },
    "handlers": {"console": {
        "class": "logging.StreamHandler",
        "formatter": "json" if _LOG_FORMAT == "json" else "plain"}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL},
    "loggers": {
        "govcap.requests": {"level": _REQUEST_LOG_LEVEL},
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
env_section("Background jobs")
GOVCAP_JOB_HEARTBEAT_SECONDS = float(env(
    "GOVCAP_JOB_HEARTBEAT_SECONDS", "10", example="5",
    help="how often a running job writes its heartbeat (seconds)"))
GOVCAP_JOB_STALE_SECONDS = int(env(
    "GOVCAP_JOB_STALE_SECONDS", "120", example="300",
    help="a running job silent this long (seconds) is shown as interrupted and can be run "
         "again"))
# Finished jobs older than this go, with their files: the worker prunes shortly after it
# starts, then once a day (`govcap jobs prune` does it when asked). 0 keeps every job.
GOVCAP_JOB_KEEP_DAYS = int(env(
    "GOVCAP_JOB_KEEP_DAYS", "30", example="7",
    help="finished jobs older than this many days are removed with their files (0: kept)"))
# A submissions upload larger than this is imported by a job, without the preview.
GOVCAP_IMPORT_JOB_BYTES = int(env(
    "GOVCAP_IMPORT_JOB_BYTES", str(2 * 1024 * 1024), example="10485760",
    help="a submissions upload larger than this (bytes) is imported by a background job, "
         "without the preview"))
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
env_section("Accounts and security")
AXES_ENABLED = env_bool("GOVCAP_LOGIN_LOCKOUT", True,
                        help="lock a username out, from one address, after repeated failed "
                             "logins")
AXES_FAILURE_LIMIT = int(env("GOVCAP_LOGIN_FAILURE_LIMIT", "5", example="10",
                             help="failed logins before the lockout"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(env(
    "GOVCAP_LOGIN_COOLOFF_MINUTES", "15", example="60",
    help="minutes a lockout lasts (`govcap unlock USER` lifts one at once)")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "govcap.accounts.lockout.client_ip"
AXES_VERBOSE = False
# Behind a reverse proxy, how many proxies append to X-Forwarded-For (0: use REMOTE_ADDR).
GOVCAP_PROXY_COUNT = int(env(
    "GOVCAP_PROXY_COUNT", "0", example="1",
    help="how many reverse proxies append to X-Forwarded-For (0: the client is REMOTE_ADDR)"))

# Two-factor authentication (django-otp: TOTP + single-use recovery codes): optional for
# everyone, required for administrators on a production server (GOVCAP_PRODUCTION=1) unless
# GOVCAP_ADMIN_2FA=0 (a deploy check warns). A laptop serving 127.0.0.1 asks for it only
# when GOVCAP_ADMIN_2FA=1.
GOVCAP_ADMIN_2FA = env_bool("GOVCAP_ADMIN_2FA", _PRODUCTION, shown="as `GOVCAP_PRODUCTION`",
                            help="administrators must use two-factor authentication")
OTP_TOTP_ISSUER = env("GOVCAP_OTP_ISSUER", "govcap", example="govcap-ke",
                      help="the name authenticator apps show for govcap's codes")

# Sessions: expire after GOVCAP_SESSION_AGE seconds (above); optionally when the browser closes.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("GOVCAP_SESSION_EXPIRE_AT_BROWSER_CLOSE", False,
                                           help="a login also ends when the browser closes")
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Invitations and API tokens.
GOVCAP_INVITATION_DAYS = int(env("GOVCAP_INVITATION_DAYS", "7", example="14",
                                 help="days an invitation link stays valid"))
GOVCAP_API_TOKEN_DAYS = int(env("GOVCAP_API_TOKEN_DAYS", "365", example="90",
                                help="days a new API token stays valid"))

# Uploads: request bodies kept in memory up to these sizes; every importer checks files
# with govcap.accounts.uploads (size up to GOVCAP_UPLOAD_MAX_BYTES, type by content).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env(
    "GOVCAP_REQUEST_MAX_BYTES", str(5 * 1024 * 1024), example="10485760",
    help="the largest request body other than a file upload (bytes)"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
GOVCAP_UPLOAD_MAX_BYTES = int(env("GOVCAP_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024),
                                  example="52428800",
                                  help="the largest file an import accepts (bytes)"))

# Participant privacy: identified data (names, contacts) of engagements closed more than
# this many months ago are purged by `govcap privacy purge --yes` (0: never).
GOVCAP_RETENTION_MONTHS = int(env(
    "GOVCAP_RETENTION_MONTHS", "24", example="36",
    help="months after an engagement closes before `govcap privacy purge` removes its "
         "participants' identified data (0: never)"))
# === end of accounts and security ====================================================


# === Programme results (govcap/results; see docs/programme-manager-guide.md) ==========
# An IATI activity file names the organisation that publishes it: its IATI identifier
# (iatistandard.org organisation identifiers: a registration agency prefix and a number).
# Without it `govcap results iati` refuses to write a file.
env_section("Programme results (IATI)")
GOVCAP_IATI_REPORTING_ORG = env(
    "GOVCAP_IATI_REPORTING_ORG", "", example="XM-DAC-41114",
    help="the IATI identifier of the organisation publishing the results "
         "(`govcap results iati` refuses to write a file without it)")
GOVCAP_IATI_REPORTING_ORG_NAME = env(
    "GOVCAP_IATI_REPORTING_ORG_NAME", "", example="United Nations Development Programme",
    shown="as `GOVCAP_IATI_REPORTING_ORG`",
    help="that organisation's name in the IATI file")
GOVCAP_IATI_REPORTING_ORG_TYPE = env(
    "GOVCAP_IATI_REPORTING_ORG_TYPE", "40", example="10",
    help="its IATI OrganisationType code (10 government, 21 international NGO, 40 "
         "multilateral…)")
# === end of programme results =========================================================


# === Read elsewhere ================================================================
# Variables other modules read from the environment themselves, named here so that
# docs/settings.md lists them too (tests/test_docs_cli.py finds any that is missing).
env_section("Read by commands and other modules")
declare("GOVCAP_ADMIN_PASSWORD", None, read_by="govcap/accounts/admins.py",
        example="correct-horse-battery-staple",
        help="the password `govcap up` and `govcap createadmin` give the admin account "
             "(else one is generated and printed)")
declare("GOVCAP_DEMO_PASSWORD", None, read_by="govcap/demo/management/commands/demo.py",
        example="demo-passphrase-2025",
        help="the password of the demo users `govcap demo` creates (without it or "
             "--password they cannot log in; `govcap up` gives them the admin's unless it "
             "is set)")
declare("GOVCAP_LAPTOP_WORKER", True, read_by="govcap/jobs/laptop.py",
        help="`govcap serve` without --production runs background jobs in a child process")
declare("GOVCAP_SYNC_TOKEN", None, read_by="govcap/sync/management/commands/sync.py",
        example="gct_…",
        help="the API token `govcap sync` uses on the central server when --token is not "
             "given")
declare("GOVCAP_SQLITE_MAX_PAGES", "0", read_by="govcap/web/storage_full.py", example="2000",
        help="cap the SQLite file at this many 4 KiB pages, to rehearse a full disk (0: no "
             "cap); a setting of that name wins")
declare("GOVCAP_BENCH_CEILINGS", False, read_by="govcap/web/bench_ceilings.py",
        help="adds the load benchmark's ceiling endpoints (bench/load.py); never on a real "
             "server")
