"""The anonymous page cache's contract with browsers, proxies and editors
(cms/core/page_cache): what is kept, for whom, with which headers."""

import gzip
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.core.page_cache import HIT_HEADER
from cms.pages.models import StandardPage

# The module counts queries: the page cache stays on all the same (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def about(home_page):
    page = StandardPage(
        title="About the Bureau",
        slug="about",
        body=json.dumps([{"type": "paragraph", "value": "<p>Who we are.</p>" * 40}]),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_is_kept_for_the_next_visitor_with_cache_headers(about, settings):
    first = Client().get(about.url)
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(about.url)

    assert first[HIT_HEADER] == "miss"
    assert second[HIT_HEADER] == "hit"
    assert len(queries) == 0
    for response in (first, second):
        assert response["Cache-Control"] == (
            f"public, max-age={settings.PAGE_CACHE_MAX_AGE}, "
            f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}"
        )
        assert "Accept-Encoding" in response["Vary"]
        assert response["Content-Language"] == "en"
        assert "Content-Security-Policy" in response
    assert second["ETag"] == first["ETag"]


def test_a_conditional_request_with_the_page_s_etag_is_answered_not_modified(about):
    etag = Client().get(about.url)["ETag"]

    again = Client().get(about.url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_the_nonce_of_a_cached_page_is_new_and_matches_its_policy(about):
    Client().get(about.url)
    cached = Client().get(about.url)
    in_policy = re.findall(r"'nonce-([^']+)'", cached["Content-Security-Policy"])
    in_page = set(re.findall(r'nonce="([^"]+)"', cached.content.decode()))

    assert in_page, "the page's JSON-LD carries a nonce"
    assert in_page == set(in_policy)


def test_signed_in_editors_always_get_a_fresh_page_that_is_never_kept(about, editor):
    Client().get(about.url)  # kept for anonymous visitors
    signed_in = Client()
    signed_in.force_login(editor)

    response = signed_in.get(about.url)

    assert HIT_HEADER not in response
    assert "public" not in response.get("Cache-Control", "")

    about.title = "About us"
    about.save_revision().publish()
    signed_in.get(about.url)  # built for the editor, not kept
    assert Client().get(about.url)[HIT_HEADER] == "miss"


def test_html_is_compressed_for_anonymous_visitors_only(about, editor):
    anonymous = Client().get(about.url, HTTP_ACCEPT_ENCODING="gzip")
    assert anonymous["Content-Encoding"] == "gzip"
    assert b"About the Bureau" in gzip.decompress(anonymous.content)

    signed_in = Client()
    signed_in.force_login(editor)
    # A signed-in visitor's pages may carry a CSRF token: never compressed (BREACH).
    assert "Content-Encoding" not in signed_in.get(about.url, HTTP_ACCEPT_ENCODING="gzip")


def test_a_page_is_not_kept_when_the_cache_is_off(about, settings):
    settings.PAGE_CACHE_ENABLED = False

    Client().get(about.url)

    assert HIT_HEADER not in Client().get(about.url)


def test_the_admin_and_posts_are_never_kept(about, editor):
    signed_in = Client()
    signed_in.force_login(editor)
    assert HIT_HEADER not in signed_in.get("/admin/")
    assert HIT_HEADER not in Client().post(about.url, {}, HTTP_ORIGIN="http://testserver")
