"""Data built once for a module of browser tests, committed, and removed at the module's end.

The live server answers from its own database connection (on PostgreSQL), so the data it
shows must be committed: the `rolled_back` transaction of `tests/rollback.py` cannot serve.
Django's transactional tests pay for that with a flush, a reload of the migrations' rows and
a rebuild of the test's data after every test, seconds each on PostgreSQL. A module whose tests
only read builds its data once with `committed_for_module` instead, and its tests ask for
`module_data_db` (tests/browser/conftest.py), which checks that each test left the rows as it
found them. At the module's end the database is left as the migrations made it, as after a
transactional test.
"""

from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.models import Locale


def committed_for_module(django_db_blocker, build):
    """For a module-scoped fixture (`yield from committed_for_module(...)`): yield what
    `build()` returns, built once and committed, so that the live server's own connection sees
    it; at the fixture's end (or if the build fails), every table emptied and the migrations'
    rows reloaded, as Django's transactional tests leave the database."""
    with django_db_blocker.unblock():
        _migration_rows_in_place()
        cache.clear()
        try:
            data = build()
        except BaseException:
            _back_to_migration_rows()
            raise
        cache.clear()
    try:
        yield data
    finally:
        with django_db_blocker.unblock():
            _back_to_migration_rows()


def _migration_rows_in_place():
    """The rows the migrations made are there (a transactional test's flush may have taken
    them), and their serialized copy is kept, as Django keeps it for `serialized_rollback`
    (a run of these modules alone has no test that asked for it)."""
    contents = getattr(connection, "_test_serialized_contents", None)
    if not Locale.objects.exists():
        connection.creation.deserialize_db_from_string(contents)
    elif contents is None:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def _back_to_migration_rows():
    """What Django's TransactionTestCase does after a test with `serialized_rollback`: the
    tables emptied, then the migrations' rows reloaded (here once, rather than before the next
    test). Only the tables that hold rows are emptied: the flush of all of them is most of a
    transactional test's teardown on PostgreSQL (seconds), and an empty table has nothing to
    remove."""
    counts = row_counts()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(
            no_style(),
            [table for table, rows in counts.items() if rows],
            reset_sequences=False,  # the reloaded rows keep their ids
            allow_cascade=True,
        ):
            cursor.execute(statement)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    cache.clear()


def row_counts():
    """{table: rows} of every table of the project's models, in one query (the table names
    are the models' own, quoted)."""
    quote = connection.ops.quote_name
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    counts = [f"SELECT %s, COUNT(*) FROM {quote(table)}" for table in tables]  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(counts), tables)
        return dict(cursor.fetchall())
