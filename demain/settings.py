"""Django settings. Every value that may change comes from ``demain.conf``."""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
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
_site = urlsplit(SITE_URL)
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]

# Production hardening (README, « Hardening »). Behind a reverse proxy, X-Forwarded-Proto is
# believed only from TRUSTED_PROXIES: demain.site.proxy.TrustedProxyMiddleware drops it otherwise.
TRUSTED_PROXIES = ENV["TRUSTED_PROXIES"]
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE = ENV["SECURE"]
if SECURE and _site.scheme != "https":
    raise ImproperlyConfigured(f"SECURE: SITE_URL must start with https:// (got {SITE_URL})")
SECURE_SSL_REDIRECT = SECURE
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]  # the local health check speaks plain HTTP
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = ENV["HSTS_SECONDS"] if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = ENV["HSTS_INCLUDE_SUBDOMAINS"]
SECURE_HSTS_PRELOAD = ENV["HSTS_PRELOAD"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp): scripts, styles and everything else from the site itself only,
# no inline script or style, no plug-in, never framed (the admin's email frames set their own, see
# demain/delivery/preview.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "img-src": [SELF, "data:"],
        "font-src": [SELF], "connect-src": [SELF], "frame-src": [SELF], "object-src": [NONE],
        "base-uri": [NONE], "form-action": [SELF], "frame-ancestors": [NONE],
    },
}
LOGIN_FAILURES_PER_ACCOUNT = ENV["LOGIN_FAILURES_PER_ACCOUNT"]
LOGIN_FAILURES_PER_IP = ENV["LOGIN_FAILURES_PER_IP"]
LOGIN_LOCKOUT_MINUTES = ENV["LOGIN_LOCKOUT_MINUTES"]

INSTALLED_APPS = [
    "demain.site.admin_apps.EditorAdminConfig",  # django.contrib.admin with the editor's dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "csp",
    "demain.site.admin_apps.TasksDatabaseConfig",  # django_tasks_db, named in French
    "demain.issues",
    "demain.audience",
    "demain.delivery",
    "demain.site",
    "demain.drafts",
    "demain.sources",
    "demain.ops",
    "demain.stories",
]

MIDDLEWARE = [
    "demain.site.request_log.RequestLogMiddleware",  # first: one JSON line per request, static files too
    "demain.site.proxy.TrustedProxyMiddleware",  # before the page cache: its key holds the scheme
    # Published pages: stored with the headers of everything below (security, CSP), replayed on a hit.
    "demain.site.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before whitenoise: static files get X-Frame-Options too, like every other response.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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

DATABASES = {"default": dj_database_url.parse(ENV["DATABASE_URL"], conn_max_age=ENV["DATABASE_CONN_MAX_AGE"],
                                              conn_health_checks=ENV["DATABASE_CONN_MAX_AGE"] > 0)}
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
    "formatters": {"json": {"()": "demain.lib.jsonlog.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # One JSON line per request and per background task (demain/site/request_log.py, task_log.py).
        "demain.request": {"handlers": ["json"], "level": "INFO", "propagate": False},
        "demain.task": {"handlers": ["json"], "level": "INFO", "propagate": False},
    },
}

# Audience: consent, anti-abuse and download links (demain/audience).
POSTAL_ADDRESS = ENV["POSTAL_ADDRESS"]
CONSENT_TEXT_VERSION = ENV["CONSENT_TEXT_VERSION"]
FORM_RATE_PER_IP = ENV["FORM_RATE_PER_IP"]
FORM_RATE_PER_ADDRESS = ENV["FORM_RATE_PER_ADDRESS"]
FORM_MIN_SECONDS = ENV["FORM_MIN_SECONDS"]
ASK_BACKEND = ENV["ASK_BACKEND"]
ASK_RATE_PER_IP = ENV["ASK_RATE_PER_IP"]
CONFIRMATION_HOURS = ENV["CONFIRMATION_HOURS"]
DOWNLOAD_LINK_DAYS = ENV["DOWNLOAD_LINK_DAYS"]
DOWNLOAD_LINK_USES = ENV["DOWNLOAD_LINK_USES"]
# Rate limits must hold across worker processes: a cache in the database.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "demain_cache"}}
# Published pages, rendered once (demain/site/page_cache.py): the database, or Redis / Memcached.
CACHES["pages"] = {**conf.page_cache_backend(ENV["CACHE_URL"]), "TIMEOUT": None,
                   "KEY_PREFIX": conf.fingerprint(ENV["SITE_URL"], STATIC_URL)}
PUBLISH_STATIC_DIR = ENV["PUBLISH_STATIC_DIR"]
HEALTHZ_TASK_MAX_AGE = ENV["HEALTHZ_TASK_MAX_AGE"]
SERVE_BIND = ENV["SERVE_BIND"]
SERVE_WORKERS = ENV["SERVE_WORKERS"]
SERVE_THREADS = ENV["SERVE_THREADS"]
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
# Drafting (demain.lib.drafting reads these names) and the footprint ledger's factors (demain.drafts.ledger).
DRAFT_BACKEND = ENV["DRAFT_BACKEND"]
LLM_BASE_URL = ENV["LLM_BASE_URL"]
LLM_API_KEY = ENV["LLM_API_KEY"]
LLM_MODEL = ENV["LLM_MODEL"]
LLM_PROVIDER = ENV["LLM_PROVIDER"]
LLM_CONNECT_TIMEOUT = ENV["LLM_CONNECT_TIMEOUT"]
LLM_READ_TIMEOUT = ENV["LLM_READ_TIMEOUT"]
LLM_MAX_RETRIES = ENV["LLM_MAX_RETRIES"]
LLM_RETRY_SECONDS = ENV["LLM_RETRY_SECONDS"]
LLM_RETRY_MAX_SECONDS = ENV["LLM_RETRY_MAX_SECONDS"]
LLM_RESPONSE_FORMAT = ENV["LLM_RESPONSE_FORMAT"]
LLM_CACHE = ENV["LLM_CACHE"]
LLM_TOKEN_BUDGET = ENV["LLM_TOKEN_BUDGET"]
LLM_MAX_OUTPUT_TOKENS = ENV["LLM_MAX_OUTPUT_TOKENS"]
LOCAL_LLM_MODEL_PATH = ENV["LOCAL_LLM_MODEL_PATH"]
LOCAL_LLM_THREADS = ENV["LOCAL_LLM_THREADS"]
FOOTPRINT_CPU_WATTS_PER_CORE = ENV["FOOTPRINT_CPU_WATTS_PER_CORE"]
FOOTPRINT_PUE = ENV["FOOTPRINT_PUE"]
FOOTPRINT_GRID_CARBON_G_PER_KWH = ENV["FOOTPRINT_GRID_CARBON_G_PER_KWH"]
FOOTPRINT_WATER_L_PER_KWH = ENV["FOOTPRINT_WATER_L_PER_KWH"]
FOOTPRINT_REMOTE_PARAMS_B = ENV["FOOTPRINT_REMOTE_PARAMS_B"]
