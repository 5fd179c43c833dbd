"""The finder tests' vocabularies and ranking archive (tests/finder/conftest.py) built once
for a module that takes these fixtures: most tests only read them, and building them took
about a second per test on PostgreSQL. Each test runs in a savepoint of the module's
transaction with fresh copies; what it adds or changes is rolled back with its savepoint.
Every test of such a module sees the archive, whether it asks for it or not. The conftest's
per-test fixtures stay for the other modules (the pipeline's and the browser's import them)."""

import pytest

from tests.rollback import refetched, rolled_back

from .conftest import make_archive, make_vocab

__all__ = ["FIXTURES", "archive", "finder_records", "vocab"]


def build():
    vocab = make_vocab()
    return {"vocab": vocab, "archive": make_archive(vocab)}


@pytest.fixture(scope="module", autouse=True)
def finder_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def vocab(db, finder_records):
    return refetched(finder_records["vocab"])


@pytest.fixture
def archive(db, finder_records):
    return refetched(finder_records["archive"])


#: For a module to take them in one line (importing fixtures by name would shadow them in
#: every test's arguments): `finder_records, vocab, archive = built_once.FIXTURES`.
FIXTURES = (finder_records, vocab, archive)
