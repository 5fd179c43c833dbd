"""Records built once for all the tests of a module that start from the same data, and read
afresh by each test (building them again for each test cost a second or more a test on
PostgreSQL). A module provides the builder and takes the records by name:

    @pytest.fixture(scope="module")
    def built_once():
        return make_site  # returns {"vocab": ..., "homes": ..., ...}

    vocab = from_records("vocab")

with `built_records` and `records` imported into the module (or its conftest). The records
are built in a transaction rolled back at the module's end (tests/rollback.py); each test runs
in a savepoint of it, so what a test changes goes with its savepoint, and gets fresh copies of
the records, so what it changes in memory only does too."""

from types import SimpleNamespace

import pytest

from tests.rollback import refetched, rolled_back

__all__ = ["built_records", "fresh", "from_records", "records"]


def fresh(value):
    """`refetched(value)`, namespaces of records (`types.SimpleNamespace`) included."""
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**fresh(vars(value)))
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    return refetched(value)


@pytest.fixture(scope="module")
def built_records(built_once, django_db_setup, django_db_blocker):
    """What the module's `built_once` builder returns, built once in a transaction rolled
    back at the module's end."""
    yield from rolled_back(django_db_blocker, built_once)


@pytest.fixture
def records(db, built_records):
    """Fresh copies of the module's records; the test runs in a savepoint of its own."""
    return fresh(built_records)


def from_records(key):
    """A fixture (named by the module's variable: `vocab = from_records("vocab")`) that gives
    the test `records[key]`, in place of a fixture that would build it for each test."""

    @pytest.fixture
    def fixture(records):
        return records[key]

    return fixture
