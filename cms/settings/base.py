"""Settings shared by every environment.

All configuration that comes from the environment is read in this module, in the
"Environment" section below, and documented in the README's variable table.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.core.csp import ADMIN_DIRECTIVES, PUBLIC_DIRECTIVES
from cms.localization.machine_translation import machine_translator_setting
from cms.snippets.country_names import country_overrides
from search.backends.config import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


# --- Environment -----------------------------------------------------------------------------


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")
# Seconds a PostgreSQL statement may run (a query stuck behind a lock included) before the
# server cancels it and the visitor gets the 503 page: below the WSGI server's worker timeout
# (30 s, gunicorn's default), so that the answer is a 503, not a killed worker. 0: no limit.
DATABASE_STATEMENT_TIMEOUT = int(env_str("DATABASE_STATEMENT_TIMEOUT", "20"))
# Seconds to wait for a PostgreSQL connection before the request answers 503.
DATABASE_CONNECT_TIMEOUT = int(env_str("DATABASE_CONNECT_TIMEOUT", "5"))
# The search cluster (search/backends/config.py): its nodes' addresses, comma-separated, and
# its engine, elasticsearch9 (the default), opensearch2 or opensearch3. Without an address,
# the database searches. The ELASTICSEARCH_* names are those of earlier versions.
SEARCH_URL = env_str("SEARCH_URL", env_str("ELASTICSEARCH_URL"))
SEARCH_ENGINE = env_str("SEARCH_ENGINE")
SEARCH_INDEX_PREFIX = env_str(
    "SEARCH_INDEX_PREFIX", env_str("ELASTICSEARCH_INDEX_PREFIX", "partnerhub_")
)
SEARCH_TIMEOUT = int(env_str("SEARCH_TIMEOUT", env_str("ELASTICSEARCH_TIMEOUT", "10")))
DEEPL_API_KEY = env_str("DEEPL_API_KEY")
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Registration and alerts (cms/alerts): days an unconfirmed registration is kept; minutes an
# alert waits after an opportunity's first publication, so that its translations are out
# and subscribers get it in their language.
ALERTS_UNCONFIRMED_DAYS = int(env_str("ALERTS_UNCONFIRMED_DAYS", "7"))
# Hours a registration's confirmation link may be used, once (cms/alerts/links.py).
ALERTS_CONFIRMATION_HOURS = int(env_str("ALERTS_CONFIRMATION_HOURS", "48"))
ALERTS_TRANSLATION_WAIT_MINUTES = int(env_str("ALERTS_TRANSLATION_WAIT_MINUTES", "60"))
# Attempts to send an e-mail of the outbox (cms.core.outbox); ALERTS_MAX_ATTEMPTS was its name
# when only the alerts had an outbox.
OUTBOX_MAX_ATTEMPTS = int(env_str("OUTBOX_MAX_ATTEMPTS", env_str("ALERTS_MAX_ATTEMPTS", "8")))
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "PartnerHub <partnerships@localhost>")
# Reverse proxies of the deployment's own in front of the application server: the client
# address counted by rate limits is read that many places from the right of X-Forwarded-For
# (cms.core.public_forms.guards.client_ip); 0 reads REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))
# Searches a minute per client address: the search page and the API's search together, and
# the suggestions while typing (search/site/limits.py); beyond them, 429 with Retry-After.
SEARCH_RATE_LIMIT = int(env_str("SEARCH_RATE_LIMIT", "30"))
SEARCH_SUGGEST_RATE_LIMIT = int(env_str("SEARCH_SUGGEST_RATE_LIMIT", "120"))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Set by .ci/run: browser tests must run instead of being skipped.
REQUIRE_BROWSER_TESTS = env_bool("REQUIRE_BROWSER_TESTS", False)
# Admin sign-in (cms/core/two_factor): administrators and partnership officers need a second
# factor (off in dev.py for `make demo`); failed sign-ins per account or per address before a
# lockout of ADMIN_LOCKOUT_MINUTES.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", True)
ADMIN_LOGIN_FAILURE_LIMIT = int(env_str("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
ADMIN_LOCKOUT_MINUTES = int(env_str("ADMIN_LOCKOUT_MINUTES", "15"))
# The anonymous page cache (cms/core/page_cache): on unless PAGE_CACHE_ENABLED=0; seconds a
# browser (max-age) and a shared cache or CDN (s-maxage) may keep a public page; seconds an
# entry lives in the site's cache (it is replaced at once when what it shows changes).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_MAX_AGE = int(env_str("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_S_MAXAGE = int(env_str("PAGE_CACHE_S_MAXAGE", "300"))
PAGE_CACHE_TIMEOUT = int(env_str("PAGE_CACHE_TIMEOUT", str(24 * 60 * 60)))
# Seconds the results of a search stay in the site's cache unused (search/site/cache.py; a
# change they could show replaces them at once); kept only when the page cache is on.
SEARCH_CACHE_TIMEOUT = int(env_str("SEARCH_CACHE_TIMEOUT", "3600"))
# A CDN in front of the site, purged when pages change (wagtail.contrib.frontend_cache):
# "cloudflare" (with CDN_CLOUDFLARE_TOKEN and CDN_CLOUDFLARE_ZONE), "cloudfront" (with
# CDN_CLOUDFRONT_DISTRIBUTION) or "http" (a Varnish or other proxy that accepts PURGE, at
# CDN_PURGE_URL); empty: no CDN, nothing purged.
CDN_BACKEND = env_str("CDN_BACKEND")
CDN_PURGE_URL = env_str("CDN_PURGE_URL")
CDN_CLOUDFLARE_TOKEN = env_str("CDN_CLOUDFLARE_TOKEN")
CDN_CLOUDFLARE_ZONE = env_str("CDN_CLOUDFLARE_ZONE")
CDN_CLOUDFRONT_DISTRIBUTION = env_str("CDN_CLOUDFRONT_DISTRIBUTION")


# --- Applications ----------------------------------------------------------------------------

INSTALLED_APPS = [
    "cms.core",
    "cms.core.two_factor",
    "cms.localization",
    "cms.pages",
    "cms.publishing",
    "cms.snippets",
    "cms.interest",
    "cms.sponsorship",
    "cms.alerts",
    "cms.reports",
    "cms.imports",
    "cms.api",
    "cms.opendata",
    "cms.demo",
    "search",
    "cms.finder",
    "cms.pipeline",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    # Editors pin results for a query (Settings → Promoted search results), per language:
    # see search/site/promotions.py.
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The sitemaps are Django's, not Wagtail's: its views render this app's templates.
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what every middleware below wrote, only for responses without a secret
    # (no session, no new CSRF cookie, not the admin): BREACH (cms/core/page_cache).
    "cms.core.page_cache.PublicGZipMiddleware",
    # Content-Security-Policy: strict for the public site, wider for the admin (cms/core/csp.py).
    # Above the page cache, which fills the nonce of this response into a cached page.
    "cms.core.csp.SitePolicyMiddleware",
    # A database outage or a statement timeout answers 503 (cms/core/unavailable.py).
    "cms.core.unavailable.DatabaseUnavailableMiddleware",
    # Anonymous visitors' public pages from the shared cache, before sessions, languages and
    # users are looked at: a cached page costs no query (cms/core/page_cache).
    "cms.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session passed its second factor; the admin waits until it has.
    "django_otp.middleware.OTPMiddleware",
    "cms.core.two_factor.middleware.AdminSecondFactorMiddleware",
    # Admin requests in the staff member's language, around Wagtail's views too.
    "cms.core.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: answers a locked-out sign-in with its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# --- Data ------------------------------------------------------------------------------------

# SQLite (the demo): concurrent writes (autosave while a page is submitted for moderation)
# wait for the write lock, up to 20 s, instead of failing with "database is locked"; each
# transaction takes the lock when it begins, so none is refused it halfway through.
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A UTF-8 test database, so that trigram and text search work on non-ASCII text.
    DATABASES["default"]["TEST"] = {"CHARSET": "UTF8", "TEMPLATE": "template0"}
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    # With Redis down, pages still render: the cache reads as empty (cms/core/fail_open_cache).
    CACHES = {
        "default": {
            "BACKEND": "cms.core.fail_open_cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # Room for the pages of the anonymous page cache (Django's default keeps 300 entries).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Background work (e-mails, indexing, imports) is queued in the database and run by
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# --- Security --------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
LOGIN_URL = "wagtailadmin_login"

# Failed admin sign-ins are counted per account and, separately, per client address (the one
# the rate limits count, behind TRUSTED_PROXY_COUNT proxies), logged by the "axes" logger and
# kept in the database; past the limit the sign-in is refused without checking the password.
# An administrator unlocks under Settings → Sign-in lockouts (cms/core/two_factor), or with
# `manage.py axes_reset_username <user>` or `axes_reset_ip`.
AUTHENTICATION_BACKENDS = [
    "cms.core.auth_backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The log names the account and address tried (axes masks them by default): the operator needs
# them to tell an attack from a forgotten password.
AXES_SENSITIVE_PARAMETERS = []
AXES_CLIENT_IP_CALLABLE = "cms.core.public_forms.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.core.two_factor.lockout.locked_out"
# The second factor is asked of superusers and of whoever holds one of these permissions
# (partnership officers read partners' internal notes), whatever their groups are called.
ADMIN_2FA_REQUIRED_PERMISSIONS = ["snippets.view_partner_internal"]
OTP_TOTP_ISSUER = "PartnerHub"

# Content-Security-Policy (django-csp): the public site's policy here, the admin's beside it;
# cms/core/csp.py says which applies to a request.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_DIRECTIVES}
CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": ADMIN_DIRECTIVES}
# No staff member's address hash goes to gravatar.com, and the dashboard asks releases.wagtail.org
# for nothing (Wagtail is upgraded through the lock): the admin's policy allows no other origin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Seconds a client is told to wait (Retry-After) when the database cannot answer (503).
SERVICE_UNAVAILABLE_RETRY_AFTER = 30


# --- Languages -------------------------------------------------------------------------------

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True

# Each language is named in its own language, so that a visitor finds theirs in the switcher.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("zh-hans", "中文"),
]
# Labels for the admin, which show each language in the editor's interface language.
LANGUAGE_LABELS = {
    "en": _("English"),
    "fr": _("French"),
    "es": _("Spanish"),
    "ru": _("Russian"),
    "ar": _("Arabic"),
    "zh-hans": _("Chinese"),
}
LANGUAGES_BIDI = ["ar", "he", "fa", "ur"]
# The project's own messages (`make messages`), then its translations of Wagtail's and
# wagtail-localize's messages that their catalogues leave untranslated (dev/upstream_catalogue.py;
# `makemessages` never writes there). Both take precedence over every app's catalogue.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "upstream_locale"]
# Country names as the UN writes them in its six languages (UNTERM short names), everywhere
# django-countries names a country: see cms/snippets/country_names.py.
COUNTRIES_OVERRIDE = country_overrides()
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# DeepL when a key is configured, otherwise the offline translator (development and tests).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(DEEPL_API_KEY)
# Starting a translation never publishes it (wagtail-localize's default publishes the new page
# at once when its source is live): a translated page goes live only when someone who may
# publish it in that language publishes it (cms/localization/guards.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


# --- Static and media files ------------------------------------------------------------------

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640


# --- Wagtail ---------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "PartnerHub"
WAGTAILADMIN_BASE_URL = BASE_URL
# One search backend per language ("en", "fr", ... on the database, or on Elasticsearch or
# OpenSearch when SEARCH_URL is set) and a "default" that routes to them (search/backends/).
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_URL, engine=SEARCH_ENGINE, prefix=SEARCH_INDEX_PREFIX, timeout=SEARCH_TIMEOUT
)
# Documents are always served through Django, so that private collections (signed
# agreements) are checked on every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Communication material's videos (MP4, WebM) and their WebVTT captions are documents too: kept
# in collections, private where their collection is, served by the same view (cms/snippets/
# models/materials.py); the browser's player reads them in place rather than downloading them.
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"],
    *["mp4", "webm", "vtt"],
]
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "text/vtt",
    "video/mp4",
    "video/webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# A document's content must match its extension (PDF, Office, images, video): cms/core/uploads.py.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The CDN purged when pages change (cms/publishing/page_cache.py), from CDN_BACKEND.
if CDN_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": CDN_CLOUDFLARE_TOKEN,
            "ZONEID": CDN_CLOUDFLARE_ZONE,
        }
    }
elif CDN_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": CDN_CLOUDFRONT_DISTRIBUTION,
        }
    }
elif CDN_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": CDN_PURGE_URL,
        }
    }
else:
    WAGTAILFRONTENDCACHE = {}

# The collection that holds signed agreements; only officers and administrators may read it.
SIGNED_AGREEMENTS_COLLECTION = "Signed agreements"


# --- E-mail ----------------------------------------------------------------------------------

# Every e-mail goes through the outbox (cms.core.outbox), Wagtail's and Django's own too
# (moderation notifications, password resets); the outbox hands them to the SMTP server, or
# prints them without one.
EMAIL_BACKEND = "cms.core.outbox.OutboxBackend"
if EMAIL_HOST:
    OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


# --- Logging ---------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "cms": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "search": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Failed and locked-out admin sign-ins.
        "axes": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
