"""An upcoming event with its packages, the membership categories and their discounts."""

import time

import pytest
from django.core.cache import cache

from cms.core.public_forms import FILL_TIME_FIELD, fill_token

from .records import make_archive_terms, make_categories, make_discounts, make_event


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def categories(db):
    return make_categories()


@pytest.fixture
def event(home_page, categories):
    return make_event_with_discounts(home_page, categories)


def make_event_with_discounts(home_page, categories):
    """The upcoming event with its packages and the categories' discounts, and the archive's
    terms that a confirmed sponsorship is recorded with."""
    make_archive_terms()
    page = make_event(home_page)
    make_discounts(categories, page)
    return page


@pytest.fixture
def gold(event):
    return event.packages.get(tier="gold")


def form_data(package, category, **extra):
    data = {
        "package": str(package.pk),
        "organisation": "Acme Networks",
        "category": str(category.pk),
        "contact_name": "Ada Lovelace",
        "email": "ada@acme.example",
        "message": "We would like a booth.",
        "consent": "on",
        # The form as shown a minute ago: a person takes that long to fill it in.
        FILL_TIME_FIELD: fill_token(time.time() - 60),
    }
    data.update(extra)
    return data
