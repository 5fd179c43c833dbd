"""The reports tests' records (tests/reports/conftest.py: the vocabularies, the statistics page
in three languages and the small archive) built once for a module that imports these
fixtures: building them took a second or more per test on PostgreSQL, and most modules here
only read them. Each test runs in a savepoint of the module's transaction and gets fresh
copies; what a test changes is rolled back with its savepoint. The conftest's per-test
fixtures stay for the modules that do not import these (and for the browser test)."""

import pytest
from wagtail.models import Site

from tests.pages.directory import data
from tests.pages.directory.fixtures import fresh
from tests.rollback import rolled_back

from .conftest import make_addendum, make_archive, make_statistics_pages

__all__ = ["FIXTURES", "addendum", "archive", "reports_records", "statistics_pages", "vocab"]


def build():
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    vocab = data.make_vocabularies()
    addendum = make_addendum()
    return {
        "vocab": vocab,
        "addendum": addendum,
        "statistics_pages": make_statistics_pages(home_page),
        "archive": make_archive(vocab, addendum),
    }


# Autouse: every test of such a module sees the same records, whichever of them it asks for
# and whichever test runs first.
@pytest.fixture(scope="module", autouse=True)
def reports_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def vocab(db, reports_records):
    return fresh(reports_records["vocab"])


@pytest.fixture
def addendum(db, reports_records):
    return fresh(reports_records["addendum"])


@pytest.fixture
def statistics_pages(db, reports_records):
    return fresh(reports_records["statistics_pages"])


@pytest.fixture
def archive(db, reports_records):
    return fresh(reports_records["archive"])


#: For a module to take them in one line (importing fixtures by name would shadow them in
#: every test's arguments): `reports_records, vocab, ... = built_once.FIXTURES`.
FIXTURES = (reports_records, vocab, addendum, statistics_pages, archive)
