"""Fixtures of the site search tests (`test_site_search`, `test_search_api`): a site in
English, French, Arabic and Chinese with its partner directory, opportunities that are public,
draft, private or in one language only (the API tests' fixtures), content pages, funding
partners and a partner that is not public.

The site is built once per test module, inside a transaction rolled back when the module
ends; each test runs in a savepoint of it (pytest-django's `db`) and gets its pages and
partners read afresh from the database, so what a test publishes, unpublishes or adds is gone
for the next one.
"""

import pytest
from wagtail.models import Page

from cms.snippets.models import Partner
from tests.pages.directory.fixtures import _clear_cache
from tests.rollback import rolled_back

from .data import (
    PRIVATE_WORDS,
    SAFETY_INPUTS,
    build_search_site,
    make_opportunities,
    make_opportunity,
)

__all__ = ["_clear_cache"]


def _fresh(value):
    """`value` read again from the database: pages (as their specific type) and snippets,
    also inside dictionaries."""
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, Page):
        return Page.objects.get(pk=value.pk).specific
    if isinstance(value, Partner):
        return Partner.objects.get(pk=value.pk)
    return value


@pytest.fixture(scope="module")
def search_site(django_db_setup, django_db_blocker):
    """The site of the module's tests (see `build_search_site`), rolled back after it."""
    yield from rolled_back(django_db_blocker, build_search_site)


@pytest.fixture
def search_site_data(search_site, db):
    """The site's pages and partners by name, read afresh for each test."""
    return _fresh(search_site)


@pytest.fixture
def vocab(search_site_data):
    return search_site_data["vocab"]


@pytest.fixture
def safety_inputs():
    return SAFETY_INPUTS


@pytest.fixture
def private_words():
    return PRIVATE_WORDS


@pytest.fixture
def add_opportunities(search_site_data, vocab):
    """Publish opportunities under the English index: `add_opportunities(count, title)`
    adds `count` of them titled "<title> <n>"; `add_opportunities(1, title, exact=True)`
    one titled `title`."""
    index = search_site_data["indexes"]["en"]

    def _add(count, title, *, exact=False, **fields):
        if exact:
            return [make_opportunity(index, vocab, title, **fields)]
        return make_opportunities(index, vocab, count, title, **fields)

    return _add
