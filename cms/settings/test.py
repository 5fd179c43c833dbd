"""Fast, isolated settings for the test suite (pytest-django).

With REDIS_URL set (CI, after `make services`), the cache is Redis, as in production, so that
the rate limits, import progress and cached figures are tested on the store they use there.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import REDIS_URL


def _worker_redis_url(url):
    """The Redis database of this pytest-xdist worker: `cache.clear()` empties a whole
    database, and the two workers must not empty each other's cache in the middle of a test.
    The databases follow REDIS_URL's own: with `redis://.../0` (CI, the README), gw0 and a
    run without workers take database 1, gw1 database 2... (never 0, the site's own cache);
    with `redis://.../4`, databases 5, 6... so that runs given different REDIS_URLs on one
    machine do not empty each other's cache either."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    number = base + (int(worker[2:]) if worker.startswith("gw") else 0) + 1
    return urlunsplit(parts._replace(path=f"/{number}"))


DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.core.fail_open_cache.FailOpenRedisCache",
            "LOCATION": _worker_redis_url(REDIS_URL),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# The anonymous page cache is on for the whole suite, so that every test that changes
# something and looks at a page again proves its invalidation. One process: no clock
# difference between servers to allow for (cms/core/page_cache/versions.py).
PAGE_CACHE_ENABLED = True
PAGE_CACHE_CLOCK_SKEW_MS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests sign staff in without a second factor; tests/core/test_admin_sign_in.py turns it on.
ADMIN_REQUIRE_2FA = False
# Alerts go out at once unless a test waits for translations (tests/alerts/test_alerts.py).
ALERTS_TRANSLATION_WAIT_MINUTES = 0
