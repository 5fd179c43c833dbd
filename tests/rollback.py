"""Data built once for several tests and rolled back after them."""

import sys

from django.core.cache import cache
from django.db import connection, models, transaction


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
            # The foreign keys of what was built, checked now, once. PostgreSQL defers them
            # to the end of the transaction, and Django checks them after each test inside
            # its savepoint, whose rollback puts the checks back in the queue: every test
            # would check all of them again (a second or more per test after the demo load).
            connection.check_constraints()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    yield data
    with django_db_blocker.unblock():
        _check_still_open(atomic)
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        cache.clear()


def _check_still_open(atomic):
    """The fixture's transaction must be the innermost one left open when it ends: if a
    test or another fixture closed it (a commit, a transactional test's flush, a connection
    closed) or left a block of its own open, the data of this fixture, or of the tests that
    ran inside it, would outlive it and meet the modules that follow. Fail here, naming the
    cause, rather than there."""
    blocks = connection.atomic_blocks
    if not connection.in_atomic_block or atomic not in blocks:
        raise RuntimeError(
            "The transaction of a module- or package-scoped fixture (tests/rollback.py) was "
            "closed before the fixture ended: its data was committed or lost."
        )
    if blocks[-1] is not atomic:
        raise RuntimeError(
            f"{len(blocks) - blocks.index(atomic) - 1} transaction block(s) opened inside a "
            "module- or package-scoped fixture (tests/rollback.py) are still open at its end."
        )


def refetched(value):
    """`value` (a model instance, or a dict, list, tuple or plain object holding some) with
    every saved instance read again from the database. A test given the records of a module-
    scoped fixture may change them in memory (a field, a cached relation) and save nothing:
    each test starts from fresh copies, as it would from a fixture of its own."""
    if isinstance(value, models.Model):
        if value.pk is None:
            return value
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: refetched(item) for key, item in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(refetched(item) for item in value))
    if isinstance(value, list | tuple | set):
        return type(value)(refetched(item) for item in value)
    if type(value).__module__.startswith("tests.") and hasattr(value, "__dict__"):
        copy = object.__new__(type(value))
        copy.__dict__.update(refetched(vars(value)))
        return copy
    return value
