"""`versions_read_once` (every request, through PageCacheMiddleware): each cache tag's version
is read from the shared cache once per request, and the values it keeps stay exact: its own
changes are seen at once, another process's change at the next request, and nothing it
stores after another process's change is used once that change is known."""

import pytest
from django.core.cache import cache
from django.test import Client

from cms.core.page_cache import bump, cached_value, versions_read_once
from cms.core.page_cache.versions import VERSION_PREFIX, usual_tags

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


def test_the_usual_tags_are_read_at_once_by_the_next_request(reads):
    """Tags read by two of the last requests are read in one get_many when the next one
    starts; its values then cost no other round trip."""
    for _ in range(2):
        with versions_read_once():
            cached_value("a", ["data:x"], lambda: "A")
            cached_value("b", ["data:y"], lambda: "B")
    reads.clear()
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "new A") == "A"
        assert cached_value("b", ["data:y"], lambda: "new B") == "B"
    assert len(reads) == 1
    assert reads[0] == sorted(VERSION_PREFIX + tag for tag in ("data:x", "data:y", "everything"))


def test_a_tag_read_by_one_request_only_is_not_read_ahead():
    with versions_read_once():
        cached_value("once", ["data:rare"], lambda: "R")
    assert "data:rare" not in usual_tags()


def test_a_change_after_the_read_ahead_is_seen_by_the_next_request():
    """The versions read ahead are the request's view, as if read at its first value: a
    change made by another process meanwhile is seen by the next request."""
    for _ in range(2):
        with versions_read_once():
            cached_value("a", ["data:x"], lambda: "before")
    with versions_read_once():
        _other_process_bumps("data:x")
        assert cached_value("a", ["data:x"], lambda: "after") == "before"
    with versions_read_once():
        assert cached_value("a", ["data:x"], lambda: "after") == "after"


def test_a_change_within_the_request_after_the_read_ahead_is_seen_at_once():
    for _ in range(2):
        with versions_read_once():
            cached_value("a", ["data:x"], lambda: "before")
    with versions_read_once():
        bump("data:x")
        assert cached_value("a", ["data:x"], lambda: "after") == "after"


def test_a_search_request_reads_the_versions_in_one_round_trip_once_usual(home_page, reads):
    """The search page, asked twice before: its third request reads every version it needs
    in the one get_many it starts with."""
    client = Client()
    for _ in range(2):
        assert client.get("/en/search/", {"q": "connectivity"}).status_code == 200
    reads.clear()
    assert client.get("/en/search/", {"q": "broadband"}).status_code == 200
    version_reads = [keys for keys in reads if all(k.startswith(VERSION_PREFIX) for k in keys)]
    assert len(version_reads) == 1
