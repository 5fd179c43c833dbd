"""Values kept in the process too (`cached_value(..., in_process=True)`: synonyms, terms,
restricted sections, promoted queries) are as exact as the shared cache: a change made here,
a change made by another process (its version bump seen only in the shared cache) and an
emptied cache are each seen at the next read."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.page_cache.versions import VERSION_PREFIX, cached_value
from search.models import SearchSynonym
from search.synonyms import SYNONYMS_TAG, groups

pytestmark = pytest.mark.django_db


def _synonym(terms):
    return SearchSynonym.objects.create(language="en", terms=terms)


def test_a_kept_value_is_read_again_without_the_database():
    _synonym("FIGI, Financial Inclusion Global Initiative")
    first = groups("en")
    with CaptureQueriesContext(connection) as queries:
        assert groups("en") == first
    assert len(queries) == 0


def test_a_change_made_here_is_seen_at_the_next_read():
    _synonym("FIGI, Financial Inclusion Global Initiative")
    assert len(groups("en")) == 1
    _synonym("ICT, information and communication technologies")
    assert len(groups("en")) == 2


def test_a_change_announced_by_another_process_is_seen():
    _synonym("FIGI, Financial Inclusion Global Initiative")
    assert len(groups("en")) == 1
    # Another process writes a synonym and bumps the tag in the shared cache; nothing in
    # this process hears of it (no signal here).
    SearchSynonym.objects.bulk_create(
        [SearchSynonym(language="en", terms="ICT, information and communication technologies")]
    )
    assert len(groups("en")) == 1  # both caches still hold the old groups: right so far
    cache.set(VERSION_PREFIX + SYNONYMS_TAG, "99.other-process", None)
    assert len(groups("en")) == 2


def test_an_emptied_cache_is_not_outlived_by_the_process():
    _synonym("FIGI, Financial Inclusion Global Initiative")
    assert len(groups("en")) == 1
    SearchSynonym.objects.bulk_create(
        [SearchSynonym(language="en", terms="ICT, information and communication technologies")]
    )
    cache.clear()
    assert len(groups("en")) == 2


def test_a_value_kept_in_the_process_has_no_time_limit():
    with pytest.raises(ValueError):
        cached_value("k", ["t"], lambda: 1, timeout=5, in_process=True)


def test_the_site_and_its_homes_are_kept_in_the_process_and_handed_out_as_copies(home_page, rf):
    """Every request reads its site and the live home pages: kept in the process, each
    request gets its own copies, so what one request sets on them never reaches another."""

    from cms.core.visibility import find_site, live_homes

    site = find_site(rf.get("/"))
    homes = live_homes(site)
    site.site_name = "Changed by one request"
    homes["en"].title = "Changed by one request"
    with CaptureQueriesContext(connection) as queries:
        again = find_site(rf.get("/"))
        assert again.site_name != "Changed by one request"
        assert live_homes(again)["en"].title == home_page.title
    assert len(queries) == 0


def test_a_change_of_the_site_or_of_a_home_page_is_seen_at_the_next_read(home_page, rf):
    from wagtail.models import Site

    from cms.core.visibility import find_site, live_homes

    site = find_site(rf.get("/"))
    assert "en" in live_homes(site)
    Site.objects.filter(pk=site.pk).update(site_name="Before")
    stored = Site.objects.get(pk=site.pk)
    stored.site_name = "PartnerHub renamed"
    stored.save()  # through the signals that bump the `site` tag
    assert find_site(rf.get("/")).site_name == "PartnerHub renamed"
    home_page.unpublish()
    assert "en" not in live_homes(find_site(rf.get("/")))
