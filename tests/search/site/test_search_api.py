"""/api/v1/search/: the site search as JSON, with the same results as the search page."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

URL = "/api/v1/search/"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")


def search(client, **params):
    response = client.get(URL, params)
    assert response["Content-Type"].startswith("application/json")
    return response


def test_answer_has_exactly_count_and_results_with_title_url_and_type(client, search_site_data):
    response = search(client, q="Pacific", lang="en")
    assert response.status_code == 200
    body = response.json()
    # Issue 18 added `did_you_mean` and `recommended`; the other keys are unchanged.
    assert set(body) == {"count", "next", "previous", "results", "did_you_mean"}
    assert body["count"] == 4
    assert all(set(item) == {"title", "url", "type", "recommended"} for item in body["results"])
    australia = search_site_data["australia"]
    # One order of relevance (search/site/ranking.py): the titles holding "Pacific" first,
    # the partner that only mentions it in its mandate last.
    assert [item["type"] for item in body["results"]] == [
        "opportunity",
        "page",
        "opportunity",
        "partner",
    ]
    expected = [
        {
            "title": "Pacific cyber resilience",
            "url": "http://testserver/en/opportunities/pacific-cyber-resilience/",
            "type": "opportunity",
        },
        {
            "title": "Pacific broadband backbone",
            "url": "http://testserver/en/opportunities/pacific-broadband-backbone/",
            "type": "opportunity",
        },
        {
            "title": "Government of Australia (DFAT)",
            "url": f"http://testserver/en/partners/{australia.pk}/government-of-australia/",
            "type": "partner",
        },
        {
            "title": "Pacific partnership guide",
            "url": "http://testserver/en/pacific-guide/",
            "type": "page",
        },
    ]
    expected = [{**item, "recommended": False} for item in expected]
    assert sorted(body["results"], key=lambda item: item["url"]) == sorted(
        expected, key=lambda item: item["url"]
    )


def test_results_are_of_the_language_asked_for(client, search_site_data):
    french = search(client, q="cyber", lang="fr").json()
    titles = [item["title"] for item in french["results"]]
    assert "Exercices cyber pour l'Afrique" in titles
    assert "Cyber drills for Africa" not in titles
    assert all(item["url"].startswith("http://testserver/fr/") for item in french["results"])
    english = search(client, q="cyber", lang="en").json()
    assert "Exercices cyber pour l'Afrique" not in [item["title"] for item in english["results"]]
    # English by default, like the other endpoints.
    assert search(client, q="cyber").json() == english


def test_unknown_language_is_a_json_error(client, search_site_data):
    response = search(client, q="cyber", lang="xx")
    assert response.status_code == 400
    assert "Unknown language" in response.json()["detail"]


def test_pages_and_type_filter(client, add_opportunities):
    add_opportunities(5, "Satellite broadband")
    first = search(client, q="satellite", lang="en", page_size=2).json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/search/?")
    second = client.get(first["next"]).json()
    assert second["count"] == 5 and len(second["results"]) == 2
    assert {item["title"] for item in first["results"]}.isdisjoint(
        item["title"] for item in second["results"]
    )
    past = search(client, q="satellite", lang="en", page=9, page_size=2)
    assert past.status_code == 404
    assert "detail" in past.json()
    assert search(client, q="satellite", lang="en", page_size=1000).status_code == 400

    partners = search(client, q="Pacific", lang="en", type="partner").json()
    assert [item["type"] for item in partners["results"]] == ["partner"]
    assert search(client, q="Pacific", type="nonsense").status_code == 400


def test_query_count_does_not_grow_with_the_results(client, add_opportunities):
    add_opportunities(3, "Quantum few")
    add_opportunities(10, "Photonics many")
    search(client, q="quantum")

    def queries(q):
        with CaptureQueriesContext(connection) as context:
            response = search(client, q=q, page_size=50)
        assert response.status_code == 200
        return len(context.captured_queries), response.json()["count"]

    (few, three), (many, ten) = queries("quantum"), queries("photonics")
    assert (three, ten) == (3, 10)
    assert few == many, (few, many)
    # Inside the test's transaction, each of the three searches adds its savepoint (2).
    assert many <= 16, many


def test_any_input_is_answered_without_error(
    client, search_site_data, safety_inputs, caplog, settings
):
    # Many searches from one address: the budget per address is tested in test_throttle.py.
    settings.SEARCH_RATE_LIMIT = 10_000
    for language in ("en", "ru"):
        for query in safety_inputs:
            with caplog.at_level(logging.WARNING):
                response = search(client, q=query, lang=language)
            assert response.status_code == 200, query
            assert set(response.json()) == {"count", "next", "previous", "results", "did_you_mean"}
            assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert search(client, q="").json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
        "did_you_mean": [],
    }


def test_a_failing_search_backend_is_a_json_503(client, search_site_data, monkeypatch):
    monkeypatch.setattr("search.site.backend_for", lambda code: "no-such-backend")
    response = search(client, q="cyber", lang="fr")
    assert response.status_code == 503
    assert response.json()["detail"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_private_pages_and_hidden_partners_never_appear(
    client, search_site_data, private_words, language
):
    for query in [*private_words, "unpublished", "smart villages", "donor", "members", "hidden"]:
        body = search(client, q=query, lang=language).json()
        assert body["count"] == 0, (language, query, body)
    body = search(client, q="Pacific", lang=language, page_size=100).json()
    text = " ".join(item["title"] for item in body["results"])
    for word in ("Members-only", "Hidden Consulting", "Private donor"):
        assert word not in text
