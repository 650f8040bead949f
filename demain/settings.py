"""Django settings. Every value that may change comes from ``demain.conf``."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from demain import conf

try:
    ENV = conf.load()
except conf.SettingError as error:
    raise ImproperlyConfigured(str(error)) from None

BASE_DIR = conf.BASE_DIR
VAR_DIR = Path(ENV["VAR_DIR"])
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if ENV["SECRET_KEY"]:
        return ENV["SECRET_KEY"]
    path = VAR_DIR / "secret.key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = ENV["DEBUG"]
ALLOWED_HOSTS = ENV["ALLOWED_HOSTS"]
SITE_URL = ENV["SITE_URL"]
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "demain.issues",
    "demain.audience",
    "demain.delivery",
    "demain.site",
    "demain.sources",
    "demain.stories",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "demain.urls"
WSGI_APPLICATION = "demain.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "demain.audience.context_processors.menu",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(ENV["DATABASE_URL"], conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "demain" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = {
    "outbox": "demain.delivery.outbox.OutboxBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}[ENV["EMAIL_BACKEND"]]
EMAIL_HOST = ENV["EMAIL_HOST"]
EMAIL_PORT = ENV["EMAIL_PORT"]
EMAIL_HOST_USER = ENV["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = ENV["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = ENV["EMAIL_USE_TLS"]
EMAIL_TIMEOUT = ENV["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = ENV["DEFAULT_FROM_EMAIL"]
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EDITOR_EMAIL = ENV["EDITOR_EMAIL"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Audience: consent, anti-abuse and download links (demain/audience).
POSTAL_ADDRESS = ENV["POSTAL_ADDRESS"]
CONSENT_TEXT_VERSION = ENV["CONSENT_TEXT_VERSION"]
FORM_RATE_PER_IP = ENV["FORM_RATE_PER_IP"]
FORM_RATE_PER_ADDRESS = ENV["FORM_RATE_PER_ADDRESS"]
FORM_MIN_SECONDS = ENV["FORM_MIN_SECONDS"]
CONFIRMATION_HOURS = ENV["CONFIRMATION_HOURS"]
DOWNLOAD_LINK_DAYS = ENV["DOWNLOAD_LINK_DAYS"]
DOWNLOAD_LINK_USES = ENV["DOWNLOAD_LINK_USES"]
# Rate limits must hold across worker processes: a cache in the database.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "demain_cache"}}
# Delivery: campaigns and workers (demain/delivery).
LIST_ID = ENV["LIST_ID"]
DKIM_SELECTOR = ENV["DKIM_SELECTOR"]
DKIM_DOMAIN = ENV["DKIM_DOMAIN"]
DKIM_PRIVATE_KEY_PATH = ENV["DKIM_PRIVATE_KEY_PATH"]
DELIVERY_BATCH_SIZE = ENV["DELIVERY_BATCH_SIZE"]
DELIVERY_RATE_PER_SECOND = ENV["DELIVERY_RATE_PER_SECOND"]
DELIVERY_RATE_PER_HOUR = ENV["DELIVERY_RATE_PER_HOUR"]
DELIVERY_LEASE_SECONDS = ENV["DELIVERY_LEASE_SECONDS"]
DELIVERY_MAX_ATTEMPTS = ENV["DELIVERY_MAX_ATTEMPTS"]
DELIVERY_RETRY_SECONDS = ENV["DELIVERY_RETRY_SECONDS"]
DELIVERY_POLL_SECONDS = ENV["DELIVERY_POLL_SECONDS"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: delivery tests run worker processes against the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-demain.sqlite3")}
BOUNCE_WEBHOOK_SECRET = ENV["BOUNCE_WEBHOOK_SECRET"]
BOUNCE_MAILBOX_URL = ENV["BOUNCE_MAILBOX_URL"]
BOUNCE_SOFT_LIMIT = ENV["BOUNCE_SOFT_LIMIT"]
BOUNCE_SOFT_WINDOW_DAYS = ENV["BOUNCE_SOFT_WINDOW_DAYS"]
# Sources: the polite fetcher (demain/lib/fetch, demain/sources).
FETCH_CONTACT_URL = ENV["FETCH_CONTACT_URL"]
FETCH_CONNECT_TIMEOUT = ENV["FETCH_CONNECT_TIMEOUT"]
FETCH_READ_TIMEOUT = ENV["FETCH_READ_TIMEOUT"]
FETCH_TOTAL_TIMEOUT = ENV["FETCH_TOTAL_TIMEOUT"]
FETCH_MAX_BYTES = ENV["FETCH_MAX_BYTES"]
FETCH_MAX_REDIRECTS = ENV["FETCH_MAX_REDIRECTS"]
FETCH_POLL_FLOOR_MINUTES = ENV["FETCH_POLL_FLOOR_MINUTES"]
FETCH_HOST_DELAY = ENV["FETCH_HOST_DELAY"]
FETCH_HOST_REFUSALS = ENV["FETCH_HOST_REFUSALS"]
FETCH_ROBOTS_HOURS = ENV["FETCH_ROBOTS_HOURS"]
FETCH_ALLOWED_HOSTS = ENV["FETCH_ALLOWED_HOSTS"]
# Stories: clustering and ranking.
STORIES_WINDOW_DAYS = ENV["STORIES_WINDOW_DAYS"]
STORIES_HALF_LIFE_HOURS = ENV["STORIES_HALF_LIFE_HOURS"]
