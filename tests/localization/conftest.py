"""People and content for the translation workflow tests."""

import pytest
from django.core.cache import cache

from cms.core.roles import LEADS, translator_group_name
from tests.admin.conftest import editor, officer, superuser  # noqa: F401 - shared role fixtures
from tests.admin.records import make_user


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site root paths (one per translated home page)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def lead(db):
    return make_user("lead", LEADS)


@pytest.fixture
def french_translator(db):
    return make_user("traductrice", translator_group_name("fr"))


@pytest.fixture
def arabic_translator(db):
    return make_user("mutarjim", translator_group_name("ar"))
