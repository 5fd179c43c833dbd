"""The demo data, loaded once for all the tests of this package.

The load runs inside a transaction that is rolled back when the package's tests are done,
so the demo data never leaks into other tests (nor into a database kept with --reuse-db).
Each test runs in a savepoint inside it, as usual with the `db` fixture.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.rollback import rolled_back


@pytest.fixture(scope="package")
def demo_load(django_db_setup, django_db_blocker):
    """Run `load_demo_data` once; yield what it printed."""

    def load():
        output = StringIO()
        call_command("load_demo_data", stdout=output)
        return output.getvalue()

    yield from rolled_back(django_db_blocker, load)


@pytest.fixture
def demo_data(demo_load, db):
    """The loaded demo data, for a test that reads the database."""
    return demo_load
