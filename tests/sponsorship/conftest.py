"""An upcoming event with its packages, the membership categories and their discounts."""

import pytest
from django.core.cache import cache

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
    }
    data.update(extra)
    return data
