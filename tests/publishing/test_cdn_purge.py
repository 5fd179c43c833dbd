"""With a CDN configured, a change purges every language's address of the pages that show
it, with the indexes' paged and filtered variants (cms/publishing/cdn.py)."""

from unittest import mock

import pytest
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from tests.pages.directory import data

pytestmark = pytest.mark.django_db

CDN = {
    "cdn": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://cdn.example",
    }
}


@pytest.fixture
def purged(settings):
    """The addresses purged while the test runs."""
    settings.WAGTAILFRONTENDCACHE = CDN
    urls = []

    def purge(batch, *args, **kwargs):
        urls.extend(batch.urls)

    with mock.patch.object(PurgeBatch, "purge", purge):
        yield urls


@pytest.fixture
def opportunities(homes, vocab):
    index = data.publish(homes["en"], OpportunityIndexPageFactory, title="Opportunities")
    opportunity = data.publish(index, OpportunityPageFactory, title="Smart villages")
    french_index = data.translate_page(index, "fr", title="Opportunités", slug="opportunites")
    french = data.translate_page(opportunity, "fr", title="Villages", slug="villages")
    return index, opportunity, french_index, french


def test_a_published_opportunity_purges_its_languages_and_the_index_variants(opportunities, purged):
    index, opportunity, french_index, french = opportunities
    purged.clear()

    opportunity.title = "Smart villages of the Sahel"
    opportunity.save_revision().publish()

    assert opportunity.get_full_url() in purged
    assert french.get_full_url() in purged
    for page in (index, french_index):
        assert page.get_full_url() in purged
        assert page.get_full_url() + "?area=cybersecurity" in purged
        assert page.get_full_url() + "?status=open" in purged


def test_a_partner_renamed_purges_the_directory_and_its_profiles_in_every_language(
    directories, australia, purged
):
    purged.clear()

    australia.name = "Commonwealth of Australia"
    australia.save()

    for directory in directories.values():
        assert directory.get_full_url() in purged
        assert f"{directory.get_full_url()}{australia.pk}/commonwealth-of-australia/" in purged


def test_nothing_is_purged_without_a_cdn(directories, australia, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    with mock.patch.object(PurgeBatch, "purge") as purge:
        australia.name = "Commonwealth of Australia"
        australia.save()

    purge.assert_not_called()
