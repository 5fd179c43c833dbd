"""The demo's stored SQLite schema (cms/demo/schema.py) is the one the migrations of this
checkout build: `make demo` restores it instead of migrating a new database, so a migration
added without storing the schema again must fail here, not give visitors an old database."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from cms.demo import schema

WRITE_AGAIN = "run `python manage.py prepare_demo_database --write` and commit cms/demo/schema/"


def test_the_stored_schema_is_that_of_this_checkouts_migrations_and_packages():
    assert schema.stored_fingerprint() == schema.fingerprint(), WRITE_AGAIN


def _tables(cursor):
    cursor.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the demo's database is SQLite")
def test_the_restored_schema_is_the_migrated_one(db, tmp_path):
    """The test database was built by the migrations: the restored one has the same tables,
    indexes and applied migrations."""
    restored = tmp_path / "demo.sqlite3"
    schema.restore(restored)
    with sqlite3.connect(restored) as stored:
        stored_tables = _tables(stored.cursor())
        stored_migrations = set(stored.execute("SELECT app, name FROM django_migrations"))
    with connection.cursor() as cursor:
        migrated_tables = _tables(cursor)
        cursor.execute("SELECT app, name FROM django_migrations")
        migrated_migrations = set(cursor.fetchall())
    assert stored_tables == migrated_tables, WRITE_AGAIN
    assert stored_migrations == migrated_migrations, WRITE_AGAIN


def test_make_demo_on_a_new_sqlite_file_restores_the_schema_and_needs_no_migration(tmp_path):
    """What `make demo` does on a fresh clone, on a SQLite file of its own (whatever the
    database of the test run)."""
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}
    environment.pop("REDIS_URL", None)
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"

    def manage(*arguments):
        return subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    prepared = manage("prepare_demo_database")
    assert prepared.returncode == 0, prepared.stderr
    assert "restored" in prepared.stdout, prepared.stdout
    # Nothing left to apply: the migrations see the database as theirs.
    checked = manage("migrate", "--check", "--skip-checks")
    assert checked.returncode == 0, checked.stdout + checked.stderr
