"""Fixtures for the public pages: translations of pages, and parsing of rendered HTML."""

import json

import pytest
from django.core.cache import cache

from cms.pages.models import StandardPage


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site root paths (one per translated home page) in the cache, which
    outlives the rolled-back transaction of each test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def translate(locales):
    """Translate a page into a language the way an editor does: a copy for translation in
    that locale, optionally retitled and re-slugged, then published (or left in draft)."""

    def _translate(page, language_code, *, title=None, slug=None, live=True):
        translation = page.copy_for_translation(locales[language_code]).specific
        translation.title = title or f"{page.title} ({language_code})"
        if slug:
            translation.slug = slug
        revision = translation.save_revision()
        if live:
            revision.publish()
        translation.refresh_from_db()
        return translation

    return _translate


@pytest.fixture
def translated_home(home_page, translate):
    """The home page in all six languages, every translation live, keyed by language."""
    homes = {"en": home_page}
    for code in ("fr", "es", "ru", "ar", "zh-hans"):
        homes[code] = translate(home_page, code, title=f"Home page [{code}]")
    return homes


@pytest.fixture
def standard_page(home_page):
    """A published content page under the English home page."""
    page = StandardPage(
        title="How to partner",
        slug="how-to-partner",
        introduction="Ways to work with the Bureau.",
        body=json.dumps(
            [{"type": "paragraph", "value": "<p>Partnerships make our work possible.</p>"}]
        ),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def vocabularies(locales):
    """The opportunity tests' terms, translated (tests/pages/opportunity_data.py)."""
    from .opportunity_data import make_vocabularies

    return make_vocabularies(locales)


@pytest.fixture
def index(home_page):
    """An English opportunity index under the home page."""
    from cms.pages.factories_opportunities import OpportunityIndexPageFactory

    return OpportunityIndexPageFactory(parent=home_page)
