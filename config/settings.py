"""Minsheng settings: everything that differs between machines comes from the environment.

Embedded default: SQLite in ./var, Celery tasks run eagerly in-process.
Production: DATABASE_URL=postgres://…, CELERY_BROKER_URL=redis://…, MINSHENG_ENV=production.
"""

import os
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
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
    DATABASES["default"]["CONN_MAX_AGE"] = 0
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

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
}

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
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
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
