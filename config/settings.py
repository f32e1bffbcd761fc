"""Minsheng settings: everything that differs between machines comes from the environment.

Embedded default: SQLite in ./var, Celery tasks run eagerly in-process.
Production: DATABASE_URL=postgres://…, CELERY_BROKER_URL=redis://…, MINSHENG_ENV=production.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config import secrets as _secrets

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MINSHENG_DATA_DIR", BASE_DIR / "var"))
PRODUCTION = os.environ.get("MINSHENG_ENV") == "production"
_secret = _secrets.load(DATA_DIR, PRODUCTION)

SECRET_KEY = _secret["DJANGO_SECRET_KEY"]
MINSHENG_PII_KEYS = [k.strip() for k in _secret["MINSHENG_PII_KEYS"].split(",") if k.strip()]
MINSHENG_BLIND_INDEX_KEY = _secret["MINSHENG_BLIND_INDEX_KEY"]

DEBUG = os.environ.get("DJANGO_DEBUG", "0" if PRODUCTION else "1") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "minsheng.core",
    "minsheng.audit",
    "minsheng.textmine",
    "minsheng.accounts",
    "minsheng.orgs",
    "minsheng.people",
    "minsheng.notices",
    "minsheng.petitions",
    "minsheng.suggestions",
    "minsheng.hotline",
    "minsheng.whistles",
    "minsheng.registry.associations",
    "minsheng.registry.twonew",
    "minsheng.registry.newemployment",
    "minsheng.volunteers",
    "minsheng.volunteers.service",
    "minsheng.talent",
    "minsheng.insight",
    "minsheng.ops",
    "minsheng.portal",
    "minsheng.api",
    "minsheng.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "minsheng.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads the body (CSRF reads it only in process_view, after every middleware):
    # a too-large request is refused unread, in the user's language; so is a NUL in the query string.
    "minsheng.core.request_limits.RequestLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Staff sessions: idle timeout, then the second factor (MINSHENG["STAFF_2FA"]).
    "minsheng.accounts.middleware.StaffIdleTimeoutMiddleware",
    "minsheng.accounts.middleware.StaffTwoFactorMiddleware",
    # Last, so that it sees every failed login the views report (django-axes).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out username/address pair before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff_home"

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
                "config.navigation.staff_navigation",
            ]
        },
    }
]

_sqlite_path = DATA_DIR / "minsheng.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{_sqlite_path}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE avoids lock-upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
    }
    # Connections are kept (conn_max_age above) on SQLite too: opening one runs the PRAGMAs, and
    # closing the last one checkpoints the WAL into the database file with an fsync. Per request,
    # that was 5 of a registration's 15 ms of CPU.
# Pages are short queries. JIT compiles every query estimated as large (a dashboard's aggregates over a
# year of rollups, a full-text count) and spends 30-40 ms doing so to save a few; parallel workers
# start, race ahead of a LIMIT and compete for the cores other requests need (a queue search at 10M
# cases: 50 ms with two workers, 5 ms without).
PG_SESSION = "-c jit=off -c max_parallel_workers_per_gather=0"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = PG_SESSION
# A PostgreSQL read replica, when given, serves the dashboards' reads (config/db_router.py); writes and
# everything else stay on default. In tests the replica alias mirrors default.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60)
    DATABASES["replica"]["OPTIONS"] = {"options": PG_SESSION}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
DASHBOARD_PATHS = [
    p
    for p in os.environ.get(
        "MINSHENG_REPLICA_PATHS", "/insight/,/hotline/rates/,/hotline/monthly/,/staff/hot/"
    ).split(",")
    if p
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("MINSHENG_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request bodies (minsheng.core.request_limits answers 413 beyond these): a form or
# JSON body without files at most 2.5 MB, a body with files MINSHENG["REQUEST_MAX_BYTES"].
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MINSHENG_DATA_UPLOAD_MAX_BYTES", 2_621_440))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20  # attachments are at most 10 a form

# --- Security: cookies, sessions, HTTPS, logins (docs/security.md) ---
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# No script reads the CSRF cookie: forms carry the token, the API docs page reads it from the page.
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    # "__Host-" cookies are accepted by browsers only when Secure, for this exact host, with path "/".
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# A session ends when the browser closes, and on the server 8 hours after its last save; a staff
# session also ends after MINSHENG["STAFF_IDLE_MINUTES"] without a request (accounts middleware).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only in production: every http:// request is redirected, and browsers remember it for a year
# (subdomains included).
SECURE_SSL_REDIRECT = PRODUCTION and os.environ.get("MINSHENG_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
# Joining the browsers' preload list is the operator's decision (leaving it takes months):
# MINSHENG_HSTS_PRELOAD=1 sends "preload"; without it the deploy check's reminder is silenced.
SECURE_HSTS_PRELOAD = PRODUCTION and os.environ.get("MINSHENG_HSTS_PRELOAD", "0") == "1"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Covering indexes (INCLUDE) are a PostgreSQL speed-up; SQLite builds them without the included columns.
SILENCED_SYSTEM_CHECKS.append("models.W040")
# Behind a TLS-terminating proxy: the header it sets to "https" (e.g. X-Forwarded-Proto). Set it only
# when the proxy always sets or overwrites that header, else a client could claim HTTPS.
if os.environ.get("MINSHENG_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["MINSHENG_PROXY_SSL_HEADER"].upper().replace("-", "_"),
        "https",
    )

# django-axes: 5 wrong passwords for one username from one address lock that pair out for 15 minutes
# (staff and portal logins alike); a right password resets the count. Attempts during a lockout do
# not prolong it, so the time on the lockout page holds. Unlock: admin (Axes › Access attempts) or
# `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = int(os.environ.get("MINSHENG_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MINSHENG_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "minsheng.accounts.views.lockout_response"
# The same client address as the portal's rate limits (MINSHENG["TRUSTED_PROXIES"]).
AXES_CLIENT_IP_CALLABLE = "minsheng.accounts.security.axes_client_ip"
AXES_VERBOSE = False
# Two-factor: TOTP (RFC 6238) in any authenticator app; secrets never shown in the admin.
OTP_TOTP_ISSUER = "Minsheng"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# After each wrong code the next try must wait 1, 2, 4, 8 … seconds (per device; a right code resets).
OTP_TOTP_THROTTLE_FACTOR = 1

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# Celery: a broker URL switches to real background work; without one, tasks run in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# Work survives a worker's death: a task is acknowledged after it ran, so a killed worker's task goes
# back to the queue, and a worker takes one message at a time. Tasks are idempotent (a second run
# changes nothing); periodic ones also skip a tick already done (minsheng/core/once.py).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis hands an unacknowledged message to another worker after this many seconds: longer than any
# task runs (a run still going on is also protected by once_per_tick's lock).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "petitions-scan-deadlines": {"task": "minsheng.petitions.tasks.scan_deadlines", "schedule": 300.0},
    "whistles-scan-overdue": {"task": "minsheng.whistles.tasks.scan_overdue", "schedule": 120.0},
    "hotline-scan-overdue": {"task": "minsheng.hotline.tasks.scan_overdue", "schedule": 300.0},
    "volunteers-shift-reminders": {
        "task": "minsheng.volunteers.tasks.send_shift_reminders",
        "schedule": 3600.0,
    },
    "volunteer-service-remind-organizers": {
        "task": "minsheng.volunteers.service.tasks.remind_organizers",
        "schedule": 86400.0,
    },
    "suggestions-scan-overdue": {"task": "minsheng.suggestions.tasks.scan_overdue", "schedule": 900.0},
    "talent-reminders": {"task": "minsheng.talent.tasks.send_reminders", "schedule": 86400.0},
    "associations-annual-reports": {
        "task": "minsheng.registry.associations.tasks.remind_annual_reports",
        "schedule": 86400.0,
    },
    "twonew-remind-registrars": {"task": "minsheng.twonew.tasks.remind_registrars", "schedule": 86400.0},
    "insight-refresh-rollups": {"task": "minsheng.insight.tasks.refresh_rollups", "schedule": 120.0},
    "insight-due-reports": {"task": "minsheng.insight.tasks.generate_due_reports", "schedule": 3600.0},
    "people-purge-personal-data": {"task": "minsheng.people.tasks.purge_personal_data", "schedule": 86400.0},
}
for _entry in CELERY_BEAT_SCHEDULE.values():
    # A tick not started within its period is dropped (after an outage): the next tick does its work.
    _entry.setdefault("options", {"expires": _entry["schedule"]})

# Links in e-mailed reminders point here.
MINSHENG_BASE_URL = os.environ.get("MINSHENG_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Reminders are e-mailed only where an SMTP server is configured; otherwise they stay in the inbox.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.dummy.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "minsheng@localhost")

MINSHENG = {
    # Public forms: submissions per client address per hour.
    "PORTAL_RATE_LIMIT_PER_HOUR": int(os.environ.get("MINSHENG_PORTAL_RATE_LIMIT", "20")),
    # Reverse proxies in front that append to X-Forwarded-For (0: use REMOTE_ADDR as the client).
    "TRUSTED_PROXIES": int(os.environ.get("MINSHENG_TRUSTED_PROXIES", "0")),
    # Staff must pass a second factor (TOTP) after the password: on in production, off in the demo
    # unless MINSHENG_STAFF_2FA=1. Staff who enrolled a device are asked for it either way.
    "STAFF_2FA": os.environ.get("MINSHENG_STAFF_2FA", "1" if PRODUCTION else "0") == "1",
    # A staff session ends after this many minutes without a request.
    "STAFF_IDLE_MINUTES": int(os.environ.get("MINSHENG_STAFF_IDLE_MINUTES", "30")),
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    # A whole request with files (all attachments of one form together); larger ones get 413.
    "REQUEST_MAX_BYTES": int(os.environ.get("MINSHENG_REQUEST_MAX_BYTES", 50 * 1024 * 1024)),
    "ATTACHMENT_TYPES": {
        ".pdf": "application/pdf",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".txt": "text/plain",
    },
    # Cases whose deadline falls within this many days are shown as due soon.
    "DUE_SOON_DAYS": 3,
    # The router's proposal pre-fills the clerk's forms from this confidence up; below it the case is
    # marked for manual routing (需人工分派).
    "ROUTING_CONFIDENCE": float(os.environ.get("MINSHENG_ROUTING_CONFIDENCE", "0.6")),
    # Open311 GeoReport v2: the jurisdiction_id clients may send (empty counts as absent) and the
    # discovery document's contact.
    "OPEN311_JURISDICTION": os.environ.get("MINSHENG_OPEN311_JURISDICTION", "minsheng.local"),
    "OPEN311_CONTACT": os.environ.get("MINSHENG_OPEN311_CONTACT", ""),
    # Open311 POST requests per client address per hour (an app's server posts for many users).
    "OPEN311_RATE_LIMIT_PER_HOUR": int(os.environ.get("MINSHENG_OPEN311_RATE_LIMIT", "600")),
    "OPEN311_KEY_SERVICE": os.environ.get(
        "MINSHENG_OPEN311_KEY_SERVICE", "python manage.py open311_key NAME"
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
