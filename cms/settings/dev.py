"""Settings for a developer's machine and for `make demo`: SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is acceptable here only: production.py refuses to start without its own.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo users sign in with their password alone (ADMIN_REQUIRE_2FA=true asks a second factor).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
# `make demo` runs no worker: background work runs at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
