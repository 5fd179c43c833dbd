"""Fixtures shared by the whole suite."""

import pytest
from wagtail.models import Locale, Site


@pytest.fixture
def locales(db):
    """The six content locales, keyed by language code (created by a data migration)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    """The English home page at the root of the default site."""
    return Site.objects.get(is_default_site=True).root_page.specific
