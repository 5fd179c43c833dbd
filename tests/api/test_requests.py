"""How the API answers any request: languages, pages of results, errors in JSON (never a
redirect to a language prefix, an HTML page or a stack trace), and its OpenAPI document."""

import json

import pytest

from cms.api.pagination import MAX_PAGE_SIZE
from tests.pages.directory import data

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/opportunities/", "/api/v1/partners/", "/api/v1/recognitions/"]


@pytest.fixture
def many_partners(db, vocab):
    for number in range(5):
        data.make_partner(vocab, f"Agency {number}")


def test_the_root_says_where_everything_is(client):
    body = client.get("/api/v1/").json()

    assert body == {
        "opportunities": "http://testserver/api/v1/opportunities/",
        "partners": "http://testserver/api/v1/partners/",
        "recognitions": "http://testserver/api/v1/recognitions/",
        "agreements": "http://testserver/api/v1/agreements/",
        "openapi": "http://testserver/api/v1/openapi.json",
        "languages": ["en", "fr", "es", "ru", "ar", "zh-hans"],
    }


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("language", ["xx", "fr-CA", "english", "'><script>"])
def test_an_unknown_language_is_a_clear_400(client, url, language):
    response = client.get(url, {"lang": language})

    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "Unknown language" in detail
    assert "en, fr, es, ru, ar, zh-hans" in detail


def test_languages_are_case_insensitive(client, many_partners):
    assert client.get("/api/v1/partners/", {"lang": "ZH-Hans"}).status_code == 200


def test_results_come_in_pages_with_links_to_the_next_and_previous(client, many_partners):
    first = client.get("/api/v1/partners/", {"page_size": 2, "lang": "fr"}).json()

    assert first["count"] == 5
    assert [p["name"] for p in first["results"]] == ["Agency 0", "Agency 1"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/partners/?page_size=2&lang=fr&page=2"

    second = client.get(first["next"]).json()
    assert [p["name"] for p in second["results"]] == ["Agency 2", "Agency 3"]
    assert second["previous"] == "http://testserver/api/v1/partners/?page_size=2&lang=fr&page=1"

    last = client.get(second["next"]).json()
    assert [p["name"] for p in last["results"]] == ["Agency 4"]
    assert last["next"] is None


def test_a_page_past_the_last_is_a_404(client, many_partners):
    response = client.get("/api/v1/partners/", {"page": 4, "page_size": 2})

    assert response.status_code == 404
    assert response.json() == {"detail": "Page 4 does not exist: there are 3 page(s)."}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page_size": MAX_PAGE_SIZE + 1}, "page_size"),
        ({"page_size": 0}, "page_size"),
        ({"page": 0}, "page"),
        ({"page": "two"}, "page"),
    ],
)
def test_page_parameters_are_bounded(client, params, parameter):
    response = client.get("/api/v1/partners/", params)

    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Invalid parameters.")
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_the_largest_page_is_allowed(client, many_partners):
    response = client.get("/api/v1/partners/", {"page_size": MAX_PAGE_SIZE})

    assert response.status_code == 200
    assert response.json()["count"] == 5


@pytest.mark.parametrize(
    "url",
    ["/api/v1/partners/999999/", "/api/v1/opportunities/999999/", "/api/v1/nothing/here/"],
)
def test_not_found_is_json_and_no_redirect_to_a_language(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_an_address_without_its_final_slash_gets_it(client):
    response = client.get("/api/v1/partners")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/partners/"


def test_the_api_is_not_under_a_language_prefix(client):
    assert client.get("/fr/api/v1/partners/").status_code == 404


def test_an_unexpected_error_is_a_json_500_without_details(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr("cms.api.recognitions.load_public_recognitions", broken)

    response = client.get("/api/v1/recognitions/")

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
    assert "hunter2" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_the_openapi_document_lists_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "PartnerHub API"
    assert set(document["paths"]) >= {
        "/api/v1/opportunities/",
        "/api/v1/opportunities/{opportunity_id}/",
        "/api/v1/partners/",
        "/api/v1/partners/{partner_id}/",
        "/api/v1/recognitions/",
        "/api/v1/recognitions/{recognition_id}/",
    }
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/partners/"]["get"]["parameters"]}
    assert set(parameters) == {"lang", "page", "page_size"}
    assert parameters["page_size"]["schema"]["maximum"] == MAX_PAGE_SIZE
    schemas = document["components"]["schemas"]
    # The documented partner has no staff-only field.
    partner_fields = set(schemas["PartnerOut"]["properties"])
    assert not partner_fields & {"internal_notes", "contacts", "aliases", "notes"}
    assert "is_confidential" not in schemas["AgreementOut"]["properties"]
