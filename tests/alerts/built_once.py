"""The alerts tests' terms and pages (tests/alerts/conftest.py: English and French home,
opportunity index and registration pages) built once for a module that takes these fixtures:
its tests register, confirm and manage subscriptions on them, and building them took a second
or more per test on PostgreSQL. Each test runs in a savepoint of the module's transaction with
fresh copies; its subscribers and e-mails are rolled back with it. The conftest's per-test
fixtures stay for the other modules (the outbox tests import them)."""

import functools

import pytest
from wagtail.models import Locale, Site

from tests.rollback import refetched, rolled_back

from .conftest import make_site_pages, make_terms, translate_page

__all__ = ["FIXTURES", "alerts_records", "site_pages", "terms"]


def build():
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    terms = make_terms()
    translate = functools.partial(translate_page, locales)
    return {"terms": terms, "site_pages": make_site_pages(home_page, translate)}


@pytest.fixture(scope="module", autouse=True)
def alerts_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def terms(db, alerts_records):
    return refetched(alerts_records["terms"])


@pytest.fixture
def site_pages(db, alerts_records):
    return refetched(alerts_records["site_pages"])


#: For a module to take them in one line (importing fixtures by name would shadow them in
#: every test's arguments): `alerts_records, terms, site_pages = built_once.FIXTURES`.
FIXTURES = (alerts_records, terms, site_pages)
