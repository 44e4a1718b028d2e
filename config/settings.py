"""Settings, all read from the environment: production differs from development only there.

See README.md for the list of variables.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=true for development).")
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "phonenumber_field",
    "axes",
    "simple_history",
    "django_tasks_db",
    "concurrency",
    "netwerken",
    "dossiers",
    "analyses",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: both depend on whether the visitor is logged in.
    "netwerken.middleware.RequestSizeLimitMiddleware",
    "netwerken.middleware.LoggedInResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Inside CommonMiddleware, so that the length it sets is that of the finished page.
    "dossiers.fragments.LateFragmentsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees the outcome of authentication on the login view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.csp",
                "netwerken.context_processors.overall",
                "dossiers.views_notifications.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The default setup runs the web server and the PDF worker side by side on one SQLite file.
    # WAL lets readers go on while one process writes; IMMEDIATE takes the write lock when a
    # transaction begins, so a transaction that read first never fails when it then writes
    # (SQLite cannot wait for that upgrade); the timeout is how long a writer waits for the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "netwerken.User"
AUTHENTICATION_BACKENDS = [
    # Throttles failed logins; must come first.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Failed logins: five wrong passwords for one account from one address lock it for 15 minutes.
# Attempts are kept in the database, so every web process sees the same count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# Counted per address in one spelling: "An@Example.org" and "an@example.org" share the count.
AXES_USERNAME_CALLABLE = "netwerken.accounts.axes_username"
# The client's address, also behind the reverse proxy (BEHIND_PROXY): the one it added last to
# X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "netwerken.accounts.client_ip"

# Password reset links: at most this many per address and per client address in an hour, counted
# in the database.
PASSWORD_RESET_MAX_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_MAX_PER_ADDRESS", "3"))
PASSWORD_RESET_MAX_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_MAX_PER_CLIENT", "10"))

INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
BEHIND_PROXY = env_bool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS only, once the site is served over HTTPS (see README, "Running in production").
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")

# Request bodies. Someone who is not logged in only sends small forms (logging in, a password
# reset, an invitation, a form kept through an expired session); anything larger is refused with
# 413 before it is read (netwerken/middleware.py). Logged-in users may upload files up to
# REQUEST_MAX_MB (the indicator and JSON imports).
ANONYMOUS_REQUEST_MAX_BYTES = int(os.environ.get("ANONYMOUS_REQUEST_MAX_KB", "256")) * 1024
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_MB", "20")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A form kept through an expired session (netwerken/keep.py): at most this much per session.
KEPT_POST_MAX_BYTES = 64 * 1024

# Only our own files: no CDN, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    # Trix, the rich text editor, adds its own style element with the page's nonce.
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as Flemish readers write them: "1 dec. 2026", "12.345,67".
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": os.environ.get("FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: printed to the console unless an SMTP server is given.
if os.environ.get("EMAIL_HOST"):
    _mailer = {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ["EMAIL_HOST"],
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
            "timeout": 20,
        },
    }
else:
    _mailer = {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    }
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Afsprakennota <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The cache is a table in the database, so that every web process sees the same entries
# (dossiers/checks.py keeps each dossier's checklist there). Migrations create the table.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "afsprakennota_cache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}

# Background tasks (PDF export) are queued in the database; `manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Limits on making an export (netwerken/limits.py); past them the export fails with a message that
# names the longest texts to shorten. The large reference dossier (`seed_demo --large`, 137 pages)
# takes about 12 s and 500 MB. The Word file is made during the request, so its deadline stays
# under the web server's timeout (gunicorn: 30 s).
EXPORT_TIME_LIMIT_SECONDS = float(os.environ.get("EXPORT_TIME_LIMIT_SECONDS", "180"))
EXPORT_MEMORY_LIMIT_MB = int(os.environ.get("EXPORT_MEMORY_LIMIT_MB", "2048"))
WORD_EXPORT_TIME_LIMIT_SECONDS = float(os.environ.get("WORD_EXPORT_TIME_LIMIT_SECONDS", "20"))
# A PDF whose worker gave no sign of life for this long (the worker was killed, the machine
# restarted) is taken up again by another worker.
EXPORT_STALE_AFTER_SECONDS = float(os.environ.get("EXPORT_STALE_AFTER_SECONDS", "60"))

# Reading an uploaded indicator file happens in the background worker within these limits
# (analyses/reading/); a 5 MB workbook takes about 5 s and 150 MB. The uploaded file and the rows
# read from it are kept while the import is prepared, and removed IMPORT_KEEP_DAYS after the
# upload by `manage.py clean_imports` (run it daily from cron).
IMPORT_READ_TIME_LIMIT_SECONDS = float(os.environ.get("IMPORT_READ_TIME_LIMIT_SECONDS", "60"))
IMPORT_READ_MEMORY_LIMIT_MB = int(os.environ.get("IMPORT_READ_MEMORY_LIMIT_MB", "1024"))
IMPORT_KEEP_DAYS = int(os.environ.get("IMPORT_KEEP_DAYS", "14"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

PHONENUMBER_DEFAULT_REGION = "BE"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

MESSAGE_TAGS = {40: "danger"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every layout step; PDF exports read them as progress instead.
        "weasyprint.progress": {"level": "WARNING", "propagate": False},
    },
}
