"""Masthead settings, read from the environment.

With nothing set, Masthead runs on SQLite in ``./data`` with in-process cache and live events.
``DATABASE_URL`` switches to PostgreSQL (psycopg 3, pooled) and ``REDIS_URL`` to Redis for the cache,
rate limits and live events. Every secret may also come from ``<NAME>_FILE``. See docs/operations.md.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from masthead.core.csp import parse_report_uri, parse_sources
from masthead.core.env import (
    env_bool,
    env_int,
    env_list,
    env_log_level,
    env_origins,
    env_str,
    env_time_zone,
    env_url,
    local_site_url,
)
from masthead.core.media_settings import public_origin, s3_storage

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("MASTHEAD_DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The key from the environment, else one generated once and kept in the data folder."""
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        # Created readable by its owner only from the first byte (a write then chmod leaves a moment at 644).
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process starting at the same moment made it
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Forwarded headers are trusted only from these proxy addresses (SECURITY.md: spoofed client IP).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
# The public address: canonical URLs, feeds, sitemaps, robots.txt and links in mail. Unset, it follows the port
# `masthead serve` listens on (PORT, or --port, which sets PORT), so `PORT=9000 make run` links to port 9000.
SITE_URL = (env_str("SITE_URL", "") or local_site_url(env_int("PORT", 8000))).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    # django-ninja's own copy of Swagger UI for /api/docs: without the app, ninja loads it from a CDN with an
    # inline script, which the Content-Security-Policy (core/csp.py) refuses.
    "ninja",
    "masthead.core",
    "masthead.accounts",
    "masthead.publishing",
    "masthead.discussion",
    "masthead.passages",
    "masthead.funding",
    "masthead.moderation",
    "masthead.notifications",
    "masthead.api",
    "masthead.importing",  # `masthead import`: may use every domain app; none uses it
    "masthead.exporting",  # `masthead export`: reads every domain app; none uses it
    "masthead.embed",
    "masthead.desk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "masthead.core.csp.ContentSecurityPolicyMiddleware",  # outside XFrameOptions: frame-ancestors follows it
    "masthead.core.cacheable.SharedPageMiddleware",  # Cache-Control of reader pages, after cookies are set
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "masthead.core.csrf.FetchMetadataCsrfMiddleware",  # Django's, plus Sec-Fetch-Site / Origin: core/csrf.py
    "masthead.accounts.middleware.AuthenticationMiddleware",  # Django's; the user read along with the session
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses of an imported site: looked at only when the answer is a 404 (and for "/?p=12"-style
    # query strings on the home page), so normal pages pay nothing. importing/middleware.py.
    "masthead.importing.middleware.OldAddressRedirectMiddleware",
    # Inside the embed frame on another site, the frame's signed token stands in for the reader's cookies, which
    # browsers blocking third-party cookies never send there (embed/frame_identity.py, docs/embed.md).
    "masthead.embed.frame_identity.FrameIdentityMiddleware",
]

# Django's W003 looks for its own CsrfViewMiddleware by path (and W016 runs only when it finds it);
# masthead.core.csrf replaces that middleware and runs both checks itself (masthead.W001/W002).
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "masthead.urls"
ASGI_APPLICATION = "masthead.asgi.application"
WSGI_APPLICATION = "masthead.wsgi.application"

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
                "masthead.core.context_processors.publication",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------------------

# Parallel test workers (and several test runs on one machine) each get their own test database.
_TEST_RUN = env_str("MASTHEAD_TEST_RUN_ID", str(os.getpid()))
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    import dj_database_url

    _db = dj_database_url.parse(DATABASE_URL)
    if _db["ENGINE"] == "django.db.backends.postgresql":
        # psycopg 3's pool replaces persistent connections (CONN_MAX_AGE must stay 0 with a pool).
        _db["CONN_MAX_AGE"] = 0
        _db.setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN", 2),
            "max_size": env_int("DATABASE_POOL_MAX", 20),
            # How long a request waits for a connection before it is answered 503 (core/unavailable.py). The
            # server's threads never outnumber the pool, so only a database that is down or restarting makes a
            # request wait: this bounds how long each one takes then.
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 5),
        }
    _db["TEST"] = {"NAME": f"test_masthead_{_TEST_RUN}"}
    DATABASES = {"default": _db}
else:
    DATABASES = {
        "default": {
            "ENGINE": "masthead.core.sqlite_backend",  # Django's, with writers taking turns (turns.py)
            "NAME": str(DATA_DIR / "masthead.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue for their turn
                # (core/sqlite_backend/turns.py) instead of failing with "database is locked" half-way through a
                # transaction; after `timeout` seconds of waiting they do fail.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA temp_store=MEMORY;"
                    "PRAGMA mmap_size=0;"  # reads go through the OS page cache: no file pages counted in each process
                    # SQLite's own page cache, per connection (each server process keeps several: its read and write
                    # threads', the task worker's): 2 MB, SQLite's default. At 8 MB each it was the largest part of
                    # a process's growth under load (docs/benchmarks.md, "Memory"); pages it no longer holds are
                    # read again from the OS page cache, not from disk.
                    "PRAGMA cache_size=-2000;"
                    # Server processes checkpoint every second off the request path (core/sqlite_upkeep.py);
                    # this is the safety net for a burst of writes between two checkpoints.
                    "PRAGMA wal_autocheckpoint=4000;"
                ),
            },
            # Server threads keep their connection (core/threaded_django.py): a warm page cache, no reconnects.
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 600),
            # A file (not :memory:) so tests exercise WAL and concurrent connections like production.
            "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"test_masthead_{_TEST_RUN}.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, live events ---------------------------------------------------------------------------------

REDIS_URL = env_str("REDIS_URL", "")
# Keys in Redis start with it (cache, fragments, live-event channels): one Redis can serve several sites.
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "masthead")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    # Django's Redis cache, carrying on in each process's memory while Redis is unreachable (pages and posting
    # must not fail with it: core/resilient_cache.py). Short socket timeouts: a Redis that hangs costs a request
    # at most this long before the fallback takes over.
    _REDIS_OPTIONS = {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}
    CACHES = {
        "default": {
            "BACKEND": "masthead.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _REDIS_OPTIONS,
        },
        "fragments": {
            "BACKEND": "masthead.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX + "-fragments",
            "OPTIONS": _REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "masthead",
            "OPTIONS": {"MAX_ENTRIES": 20000},  # small values: settings, counters, term frequencies
        },
        # Rendered discussion pages (a few kB to hundreds of kB each), apart so they cannot crowd the small values
        # out, and bounded by the bytes they hold (FRAGMENT_CACHE_MB) as well as by their number: that bound is
        # each process's memory for them (core/byte_bounded_cache.py).
        "fragments": {
            "BACKEND": "masthead.core.byte_bounded_cache.ByteBoundedLocMemCache",
            "LOCATION": "masthead-fragments",
            "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ENTRIES", 300), "CULL_FREQUENCY": 4,
                        "MAX_BYTES": env_int("FRAGMENT_CACHE_MB", 4) * 2**20},
        },
    }

# Sessions: in the database; with Redis, read from it by every process (core/shared_sessions.py), each entry kept
# at most SHARED_ENTRY_SECONDS, as is the signed-in user's row (accounts/backends.py). Ending a session, changing a
# password or deactivating an account takes effect in every process at once (core/shared_entries.py).
SESSION_ENGINE = "masthead.core.shared_sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
SHARED_ENTRY_SECONDS = env_int("SHARED_ENTRY_SECONDS", 60)

# --- Background tasks -----------------------------------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Shared public pages (anonymous readers) are kept in each server process for their s-maxage (one second).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Article pages of readers with a personal cookie are rendered once per version and process, then filled with each
# reader's own parts (core/personal_parts.py, publishing/views.py); off renders the whole page for each of them.
PERSONAL_PAGE_SKELETONS = env_bool("PERSONAL_PAGE_SKELETONS", True)
# Threads running Django's views per server process: reads, and writes apart (core/threaded_django.py). Two read
# threads on SQLite (local reads: more threads only queue on the GIL), four on PostgreSQL (they overlap its round
# trips: random article pages 45 vs 31 per second on the benchmark's two cores, docs/benchmarks.md).
DJANGO_CONCURRENCY = env_int("DJANGO_CONCURRENCY", 4 if DATABASE_URL else 2)
DJANGO_WRITE_CONCURRENCY = env_int("DJANGO_WRITE_CONCURRENCY", 2)

# `masthead serve` runs a task worker thread unless the deployment runs `masthead worker` processes.
EMBEDDED_WORKER = env_bool("EMBEDDED_WORKER", True)
# A task left running by a worker not seen (no heartbeat) for this many seconds was abandoned: it is queued again if
# its app declared it safe to run twice, else marked failed (core/task_recovery.py). Workers beat every 30 s.
TASK_WORKER_LOST_AFTER = env_int("TASK_WORKER_LOST_AFTER", 120)

# --- Mail -----------------------------------------------------------------------------------------------

EMAIL_HOST = env_str("EMAIL_HOST", "")
# With no SMTP server named (the demo, a first `make run`), mail is written to the server's log and kept in a
# staff-only outbox at /notifications/outbox/ with its links clickable, so every mail flow can be finished
# (notifications/outbox.py). `masthead check --deploy` warns about it.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                        else "masthead.notifications.outbox.OutboxBackend")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Masthead <news@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Auth -----------------------------------------------------------------------------------------------

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/admin/login/"
# Django's model backend behind the password throttle (per account and network, with backoff): docs/identity.md.
AUTHENTICATION_BACKENDS = ["masthead.accounts.backends.ThrottledModelBackend"]

# --- Static and media -----------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The site-wide look (masthead/static: site.css) lives outside any app, so the finders need telling.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Hashed, compressed static names once `collectstatic` has run (`masthead serve` runs it); plain names before
# that, found in the apps' folders, so a fresh checkout and the tests need no build step.
_STATIC_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if _STATIC_COLLECTED and not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded media on S3-compatible object storage (core/media_storage.py), shared by every app server; local disk
# (MEDIA_ROOT) when no bucket is named.
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = s3_storage(
        bucket=MEDIA_S3_BUCKET,
        endpoint_url=env_url("MEDIA_S3_ENDPOINT_URL"),
        region=env_str("MEDIA_S3_REGION", ""),
        access_key_id=env_str("MEDIA_S3_ACCESS_KEY_ID", ""),
        secret_access_key=env_str("MEDIA_S3_SECRET_ACCESS_KEY", ""),
        public_url=env_url("MEDIA_S3_PUBLIC_URL"),
    )
WHITENOISE_MAX_AGE = 3600
WHITENOISE_USE_FINDERS = DEBUG or not _STATIC_COLLECTED
WHITENOISE_AUTOREFRESH = DEBUG

# --- Security -------------------------------------------------------------------------------------------

SECURE_HTTPS = env_bool("SECURE_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS
# Load balancers probe /healthz over plain HTTP on the private network; a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
if SECURE_HTTPS and TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (core/csp.py): scripts and styles from this site only. These add hosts, never keywords.
CSP_IMG_SRC = parse_sources("CSP_IMG_SRC", env_list("CSP_IMG_SRC", []))
if public_origin(STORAGES["default"]):  # pages show images from the media bucket's public address
    CSP_IMG_SRC.append(public_origin(STORAGES["default"]))
CSP_FORM_ACTION = parse_sources("CSP_FORM_ACTION", env_list("CSP_FORM_ACTION", []))
CSP_REPORT_URI = parse_report_uri("CSP_REPORT_URI", env_str("CSP_REPORT_URI", ""))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

LANGUAGE_CODE = "en"
# The publication's time zone: dates and times on pages are shown in it (stored and in datetime="" attributes
# they stay UTC). PUBLICATION_TIME_ZONE, else the older TIME_ZONE, else UTC.
PUBLICATION_TIME_ZONE = env_time_zone("PUBLICATION_TIME_ZONE", fallbacks=("TIME_ZONE",), default="UTC")
TIME_ZONE = PUBLICATION_TIME_ZONE
USE_I18N = True
USE_TZ = True

# --- The publication ------------------------------------------------------------------------------------

PUBLICATION_NAME = env_str("PUBLICATION_NAME", "The Lantern")
PUBLICATION_TAGLINE = env_str("PUBLICATION_TAGLINE", "Independent, reader-funded local news")
PUBLICATION_LANGUAGE = env_str("PUBLICATION_LANGUAGE", "en")
ARTICLES_PER_PAGE = env_int("ARTICLES_PER_PAGE", 12)
# How long a private preview link from the desk works (docs/desk.md).
DESK_PREVIEW_LINK_HOURS = env_int("DESK_PREVIEW_LINK_HOURS", 72)

# Any case is accepted (`warning`); `masthead serve` gives uvicorn the same level.
LOG_LEVEL = env_log_level("LOG_LEVEL", "INFO")
TASK_LOG_LEVEL = env_log_level("TASK_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task run is noise in `masthead serve`'s output; failures still log at WARNING/ERROR.
        "django_tasks": {"level": TASK_LOG_LEVEL},
        "django_tasks_db": {"level": TASK_LOG_LEVEL},
    },
}


# --- Funding (Stripe) -------------------------------------------------------------------------------------
# See docs/funding.md. The API base is configurable so tests answer Stripe's endpoints from a local server.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "https://api.stripe.com")
STRIPE_WEBHOOK_TOLERANCE = env_int("STRIPE_WEBHOOK_TOLERANCE", 300)
STRIPE_MAX_NETWORK_RETRIES = env_int("STRIPE_MAX_NETWORK_RETRIES", 2)
# Card-testing defences: checkout attempts per reader network and overall, per window (seconds).
FUNDING_CHECKOUT_PER_NETWORK = env_int("FUNDING_CHECKOUT_PER_NETWORK", 10)
FUNDING_CHECKOUT_GLOBAL = env_int("FUNDING_CHECKOUT_GLOBAL", 300)
FUNDING_CHECKOUT_WINDOW = env_int("FUNDING_CHECKOUT_WINDOW", 3600)
# Policy caps in major units of the campaign's currency (below the hard ceilings in funding/money.py).
FUNDING_MAX_DONATION = env_int("FUNDING_MAX_DONATION", 1_000_000)
FUNDING_MAX_GOAL = env_int("FUNDING_MAX_GOAL", 100_000_000)

# --- Notifications ("Notify of") --------------------------------------------------------------------------
# See docs/notifications.md. Seconds unless named otherwise.
NOTIFICATIONS_BATCH_INTERVAL = env_int("NOTIFICATIONS_BATCH_INTERVAL", 600)  # at most one mail per reader per thread
NOTIFICATIONS_GATHER_DELAY = env_int("NOTIFICATIONS_GATHER_DELAY", 60)  # wait after a first new comment for more
NOTIFICATIONS_CONFIRM_MAX_AGE = env_int("NOTIFICATIONS_CONFIRM_MAX_AGE", 2 * 24 * 3600)
NOTIFICATIONS_REQUESTS_PER_NETWORK = env_int("NOTIFICATIONS_REQUESTS_PER_NETWORK", 10)  # per hour
NOTIFICATIONS_MAILS_PER_ADDRESS = env_int("NOTIFICATIONS_MAILS_PER_ADDRESS", 3)  # confirmation mails per day

# --- Reader identity (accounts) ---------------------------------------------------------------------------
# See docs/identity.md. Emailed sign-in and verification links: lifetime, and attempts per hour.
ACCOUNTS_LINK_MINUTES = env_int("ACCOUNTS_LINK_MINUTES", 15)
ACCOUNTS_LINKS_PER_ADDRESS = env_int("ACCOUNTS_LINKS_PER_ADDRESS", 5)
ACCOUNTS_LINKS_PER_NETWORK = env_int("ACCOUNTS_LINKS_PER_NETWORK", 30)

# --- Embed (discussion and funding bar on other sites) -----------------------------------------------------
# See docs/embed.md. Sites allowed to embed, as origins (https://news.example.org), comma-separated; staff add
# more in the admin (Embed > Allowed origins).
EMBED_ALLOWED_ORIGINS = env_origins("EMBED_ALLOWED_ORIGINS")
# How long a frame's reader token lasts (seconds): a reader who leaves a page open longer reloads it.
EMBED_FRAME_TOKEN_AGE = env_int("EMBED_FRAME_TOKEN_AGE", 24 * 3600)
# New external articles (first visit of a page) per network per hour.
EMBED_NEW_PAGES_PER_NETWORK = env_int("EMBED_NEW_PAGES_PER_NETWORK", 30)
