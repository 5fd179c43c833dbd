"""Data built once for several tests and rolled back after them."""

import sys

from django.core.cache import cache
from django.db import transaction


def rolled_back(django_db_blocker, build):
    """For a module- or package-scoped fixture (`yield from rolled_back(...)`): yield what
    `build()` returns, built in a transaction that is rolled back when the fixture ends.
    Each test runs in a savepoint of it (pytest-django's `db`), and the database stays
    blocked between tests as usual. The cache is cleared on the way in and out: Wagtail
    caches site root paths that must not outlive the data."""
    with django_db_blocker.unblock():
        cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    yield data
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        cache.clear()
