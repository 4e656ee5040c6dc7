"""Django settings for doimoi, read from the environment with safe defaults.

Nothing here needs a service beyond the machine: the default database is a SQLite file
under ``var/``; ``DATABASE_URL`` switches to PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("DOIMOI_VAR_DIR", Path.cwd() / "var")).resolve()
# the user guide shown under "Hướng dẫn": docs/guide of the source tree
DOIMOI_GUIDE_DIR = Path(
    os.environ.get("DOIMOI_GUIDE_DIR", Path(__file__).resolve().parents[2] / "docs" / "guide")
)


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable (1, true, yes, on)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """The secret key from DOIMOI_SECRET_KEY, else one generated once and kept under var/."""
    if key := os.environ.get("DOIMOI_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _database() -> dict[str, object]:
    """PostgreSQL from DATABASE_URL, else SQLite in WAL mode with immediate transactions."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "doimoi.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


SECRET_KEY = _secret_key()
DEBUG = env_bool("DOIMOI_DEBUG")
ALLOWED_HOSTS = env_list("DOIMOI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DOIMOI_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "treebeard",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "doimoi.core",
    "doimoi.background",
    "doimoi.ops",
    "doimoi.organizations",
    "doimoi.ledger",
    "doimoi.workdays",
    "doimoi.tokens",
    "doimoi.twofactor",
    "doimoi.documents",
    "doimoi.initiatives",
    "doimoi.directives",
    "doimoi.outreach",
    "doimoi.exchange",
    "doimoi.reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "doimoi.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doimoi.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "doimoi.organizations.middleware.PasswordChangeRequiredMiddleware",
    "doimoi.twofactor.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "doimoi.core.middleware.BadInputMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doimoi.urls"
WSGI_APPLICATION = "doimoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doimoi.context_processors.current_unit",
            ],
        },
    },
]

DATABASES = {"default": _database()}
# What is kept between requests (the viewers' scopes, the directive pages' rendered rollups, the
# document types offered) lives in each process; Django's default of 300 entries would be
# emptied by a third every few requests at 50 users, each of whom keeps several.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
}

# Background work: django-tasks (Django 6's task framework, backported) on the database queue;
# `doimoi serve` runs one worker, `doimoi worker` more (see docs/deploy.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DOIMOI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    }
}
DOIMOI_WORKER_BEAT = float(os.environ.get("DOIMOI_WORKER_BEAT", "5"))
DOIMOI_WORKER_DEAD_AFTER = float(os.environ.get("DOIMOI_WORKER_DEAD_AFTER", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out account or address
    "rules.permissions.ObjectPermissionBackend",
    "doimoi.organizations.backends.AccountBackend",  # permissions from the rules alone
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Numbers and dates in each language's own style (vi: 128.000 and 12,5; dates dd/mm/yyyy in both).
# Thousands are grouped by the ``number`` and ``percent`` filters (core's doimoi_format), where a
# figure is shown: USE_THOUSAND_SEPARATOR would also group ids and years in links and titles.
FORMAT_MODULE_PATH = ["doimoi.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("DOIMOI_MEDIA_ROOT", VAR_DIR / "media"))
if os.environ.get("DOIMOI_S3_BUCKET"):  # S3-compatible storage (pip install 'doimoi[s3]')
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DOIMOI_S3_BUCKET"],
            "endpoint_url": os.environ.get("DOIMOI_S3_ENDPOINT") or None,
            "access_key": os.environ.get("DOIMOI_S3_ACCESS_KEY"),
            "secret_key": os.environ.get("DOIMOI_S3_SECRET_KEY"),
            "region_name": os.environ.get("DOIMOI_S3_REGION") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
        },
    }
if env_bool("DOIMOI_BEHIND_PROXY"):  # the proxy ends TLS and says so
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# Behind TLS (DOIMOI_SECURE=1, see docs/security.md): HTTPS only, HSTS, secure cookies.
SECURE = env_bool("DOIMOI_SECURE")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = SECURE or env_bool("DOIMOI_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = int(os.environ.get("DOIMOI_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: expiry after inactivity
SESSION_ENGINE = "doimoi.core.sessions"  # that save in one statement, not a transaction of three
SECURE_SSL_REDIRECT = SECURE
# Two-step sign-in (TOTP) for heads, inspection and organization work, unit and site admins:
# on behind TLS unless turned off, off for the demo that `make run` seeds (DOIMOI_TWO_FACTOR=1 turns it on).
DOIMOI_TWO_FACTOR = env_bool("DOIMOI_TWO_FACTOR", SECURE)
OTP_TOTP_ISSUER = "doimoi"
if SECURE:  # the TLS proxy says the request came over HTTPS
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DOIMOI_HSTS_SECONDS", "31536000")) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Login throttling (django-axes): after DOIMOI_LOGIN_FAILURES wrong passwords for one account or
# from one address, logins are refused for DOIMOI_LOGIN_COOLOFF_MINUTES, on the site and the
# admin alike; the page says so without telling whether the account exists.
AXES_FAILURE_LIMIT = int(os.environ.get("DOIMOI_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DOIMOI_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "doimoi.core.middleware.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DOIMOI_LOG_LEVEL", "WARNING")},
}
