"""Issue 17: at most 15 queries for the first anonymous render of every kind of public page
after that page was published, in English, French and Arabic, on the demo.

`test_query_budget` counts a page rendered again once its frame and shared parts are in the
shared cache. A publication bumps the page's tags (cms.publishing.page_cache): its frame, its
shared fragments, the facets of an index, the search results are all built again by the next
visitor, who pays for them. That render is counted here, with the page cache off (the
rendering is measured, not the cache). The search page is counted after a content page is
published (every search result depends on the pages); a partner's profile after its
directory is.
"""

import pytest
from django.test import override_settings

from cms.pages.models import HomePage, PartnerDirectoryPage
from cms.reports.models import StatisticsPage

from .test_query_budget import LANGUAGES, PAGE_TYPES, _urls, counted_get, funded_opportunity

BUDGET = 15

#: The page published before each kind of page is rendered.
PUBLISHED = dict(
    PAGE_TYPES,
    **{
        "home": HomePage,
        "opportunity index, filtered": PAGE_TYPES["opportunity index"],
        "opportunity, funded": PAGE_TYPES["opportunity"],
        "partner profile": PartnerDirectoryPage,
        "partner profile, with recognitions": PartnerDirectoryPage,
        "search": PAGE_TYPES["standard"],
        # An agreement's page sits under the statistics page (its breadcrumbs, its tags).
        "agreement": StatisticsPage,
    },
)


def _first_page(model, language):
    return (
        model.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


def _queries_after_publication(client, url, page):
    client.get(url)  # the process warm (content types), the frame in the shared cache
    page.save_revision().publish()
    return counted_get(client, url)


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_first_render_after_a_publication_stays_within_15_queries(demo_data, client, language):
    counts = {}
    for kind, url in _urls(client, language).items():
        if kind == "opportunity, funded":
            page = funded_opportunity(language)  # itself, with its reports and funders
        else:
            page = _first_page(PUBLISHED[kind], language)
        statements = _queries_after_publication(client, url, page)
        counts[kind] = (len(statements), [sql[:100] for sql in statements])
    over = {kind: found for kind, found in counts.items() if found[0] > BUDGET}
    assert not over, f"over {BUDGET} queries in {language} after a publication: {over}"
    # The publication was seen: the page's frame was read again.
    assert all(count > 1 for count, _sql in counts.values()), counts
