"""People and content for the translation workflow tests."""

import pytest
from django.core.cache import cache

from cms.core.roles import translator_group_name
from tests.snippets.admin.records import make_user


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site root paths (one per translated home page)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def french_translator(db):
    return make_user("traductrice", translator_group_name("fr"))


@pytest.fixture
def arabic_translator(db):
    return make_user("mutarjim", translator_group_name("ar"))
