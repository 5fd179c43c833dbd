"""`versions_read_once` (every request, through PageCacheMiddleware): each cache tag's version
is read from the shared cache once per request, and the values it keeps stay exact: its own
changes are seen at once, another process's change at the next request, and nothing it
stores after another process's change is used once that change is known."""

import pytest
from django.core.cache import cache
from django.test import Client

from cms.core.page_cache import bump, cached_value, versions_read_once
from cms.core.page_cache.versions import VERSION_PREFIX

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(monkeypatch):
    """The keys of each get_many sent to the shared cache."""
    seen = []
    original = cache.get_many

    def get_many(keys, *args, **kwargs):
        seen.append(sorted(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    return seen


def _other_process_bumps(tag):
    cache.set(VERSION_PREFIX + tag, "99.other-process", None)


def test_each_tag_s_version_is_read_once_within_a_request(reads):
    cached_value("a", ["data:x"], lambda: "A")
    cached_value("b", ["data:x"], lambda: "B")
    outside = len(reads)
    reads.clear()
    with versions_read_once():
        for _ in range(5):
            assert cached_value("a", ["data:x"], lambda: "new A") == "A"
            assert cached_value("b", ["data:x"], lambda: "new B") == "B"
    assert outside >= 2
    assert len(reads) == 1  # one get_many of the tags, then nothing more


def test_a_change_made_within_the_request_is_seen_at_once():
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "before") == "before"
        bump("data:x")
        assert cached_value("a", ["data:x"], lambda: "after") == "after"


def test_another_process_s_change_is_seen_by_the_next_request():
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "before") == "before"
    _other_process_bumps("data:x")
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "after") == "after"


def test_a_value_stored_after_another_process_s_change_is_never_used_once_it_is_known():
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "before") == "before"
        _other_process_bumps("data:x")
        # Still the request's view of the versions: computed, and stored with the old one.
        assert cached_value("b", ["data:x"], lambda: "read mid-request") == "read mid-request"
    assert cached_value("b", ["data:x"], lambda: "fresh") == "fresh"
    assert cached_value("a", ["data:x"], lambda: "fresh too") == "fresh too"


def test_a_request_reads_the_versions_of_its_page_once(home_page, reads):
    """A real request: the search page reads the synonyms, terms, sections... of several
    values; each tag's version is fetched from the shared cache at most once."""
    response = Client().get("/en/search/", {"q": "connectivity"})
    assert response.status_code == 200
    tags = [key for keys in reads for key in keys]
    assert len(tags) == len(set(tags))
