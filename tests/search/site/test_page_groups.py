"""Opportunities and other pages are found by one query to the backend
(`search.site.engine._search_pages`): the same groups, in the same order, as each searched on
its own; and when that query fills its limit (one group could crowd the other out), each group
is searched on its own. The limit is made small here so that a few pages fill it."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from cms.pages.models import OpportunityPage
from search.site import engine
from search.site.query import clean_query
from search.site.scope import SearchScope, backend_alias


def apart(scope, query, alias, limit):
    """Each group searched on its own, as before the one query."""
    locale = scope.locale
    opportunities = engine._search_values(
        "opportunities",
        scope.public(OpportunityPage.objects.filter(locale=locale)),
        query,
        alias,
        ("pk", "title"),
        limit=limit,
    )
    pages = engine._search_values(
        "pages",
        scope.public(Page.objects.filter(locale=locale)).not_type(OpportunityPage),
        query,
        alias,
        ("pk", "content_type_id", "title"),
        limit=limit,
    )
    return opportunities, pages


@pytest.mark.parametrize("max_hits", [500, 2, 1])
def test_one_query_finds_the_groups_each_search_would(
    add_opportunities, search_site_data, monkeypatch, max_hits
):
    add_opportunities(3, "Pacific islands connectivity")
    monkeypatch.setattr(engine, "MAX_HITS", max_hits)
    scope = SearchScope("en", RequestFactory().get("/en/search/"))
    with translation.override("en"):
        query = clean_query("Pacific")
        opportunities, pages = engine._search_pages(scope, query, backend_alias("en"))
        expected = apart(scope, query, backend_alias("en"), max_hits)
    assert [tuple(row) for row in opportunities] == [tuple(row) for row in expected[0]]
    assert [tuple(row) for row in pages] == [tuple(row) for row in expected[1]]
    assert len(opportunities) == min(max_hits, 5)  # the two of the site and the three added
    assert pages  # the Pacific guide at least
    assert all(title for _pk, title in opportunities)
