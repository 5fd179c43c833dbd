"""Searches are throttled per address (issue 16 sent 70 in a row, all answered): beyond the
budget the page answers 429 in the visitor's language with `Retry-After`, the suggestions and
the API answer 429 in JSON; another address is not held back."""

import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import translation

from cms.core import throttle
from search.site.limits import TOO_MANY_SEARCHES
from tests.pages.html import parse


@pytest.fixture(autouse=True)
def _small_budget(settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT = 3
    settings.SEARCH_SUGGEST_RATE_LIMIT = 5
    # Every request of a test in one window of the fixed-window counter, whatever the time
    # the test takes: a test crossing a window's end started counting again from zero.
    start = (time.time() // 60) * 60 + 1
    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: start))
    cache.clear()
    yield
    cache.clear()


def test_the_search_page_answers_429_in_the_visitors_language_beyond_the_budget(
    client, search_site_data
):
    for _number in range(3):
        assert client.get("/fr/search/", {"q": "numérique"}).status_code == 200

    response = client.get("/fr/search/", {"q": "numérique"})

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    soup = parse(response)
    with translation.override("fr"):
        message = str(TOO_MANY_SEARCHES)
    with translation.override("en"):
        assert message != str(TOO_MANY_SEARCHES)
    assert soup.select_one('[role="alert"]').get_text(" ", strip=True) == message
    # The search box is still there, with what was typed.
    assert soup.select_one("#search-page-input")["value"] == "numérique"
    # Another visitor searches on.
    assert client.get("/fr/search/", {"q": "x"}, REMOTE_ADDR="198.51.100.9").status_code == 200


def test_the_empty_search_page_is_never_counted(client, search_site_data):
    for _number in range(10):
        assert client.get("/en/search/").status_code == 200


def test_the_api_search_shares_the_budget_and_answers_json(client, search_site_data):
    for _number in range(3):
        assert client.get("/en/search/", {"q": "digital"}).status_code == 200

    response = client.get("/api/v1/search/", {"q": "digital", "lang": "ar"})

    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert int(response["Retry-After"]) >= 1
    with translation.override("ar"):
        assert response.json() == {"detail": str(TOO_MANY_SEARCHES)}


def test_suggestions_have_their_own_budget_and_answer_json(client, search_site_data):
    for _number in range(5):
        assert client.get("/en/search/suggest/", {"q": "dig"}).status_code == 200

    response = client.get("/en/search/suggest/", {"q": "digi"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    with translation.override("en"):
        assert response.json()["detail"] == str(TOO_MANY_SEARCHES)
    assert response.json()["results"] == []
    # The search page's budget is untouched.
    assert client.get("/en/search/", {"q": "digital"}).status_code == 200


def test_behind_a_trusted_proxy_each_visitor_is_counted_apart(client, settings, search_site_data):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _number in range(3):
        client.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)

    blocked = client.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    other = client.get("/en/search/", {"q": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)

    assert (blocked.status_code, other.status_code) == (429, 200)


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar", "zh-hans"])
def test_the_message_is_translated(language):
    with translation.override("en"):
        english = str(TOO_MANY_SEARCHES)
    with translation.override(language):
        assert str(TOO_MANY_SEARCHES) != english
