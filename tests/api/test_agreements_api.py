"""/api/v1/agreements/: the public agreements, filtered and paginated, in the language asked
for; never a confidential agreement, whatever the filter, page or reference asked for; and
its place in the OpenAPI document."""

import json

import pytest

from tests.module_records import from_records
from tests.pages.agreements.fixtures import CONFIDENTIAL, REFERENCE, make_agreement_site
from tests.pages.directory import data
from tests.pages.directory.data import SECRETS

LIST = "/api/v1/agreements/"
#: Text that only the confidential agreements of the fixtures hold.
HIDDEN = [CONFIDENTIAL, "CONF-ADD-0044", "Secret trust fund", "Hidden addendum"]
HIDDEN += [SECRETS["confidential_reference"], SECRETS["confidential_title"]]
HIDDEN += [SECRETS["agreement_notes"]]


@pytest.fixture(scope="module")
def built_once():
    return make_agreement_site


# The module's records, read afresh by each test (tests/module_records.py).
vocab = from_records("vocab")
main = from_records("main")
korea = from_records("korea")
australia = from_records("australia")


def references(body):
    return [agreement["reference"] for agreement in body["results"]]


def assert_nothing_hidden(response):
    text = response.content.decode()
    for secret in HIDDEN:
        assert secret not in text


def test_the_list_gives_public_agreements_newest_first(client, main):
    response = client.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert references(body) == ["AUS-2017-002", "KOR-2017-0043", REFERENCE, "AUS-2016-001"]
    assert body["count"] == 4
    assert_nothing_hidden(response)


def test_an_agreement_has_all_its_public_fields(client, main, korea, australia):
    body = client.get(f"{LIST}{REFERENCE}/").json()

    assert body["reference"] == REFERENCE
    assert body["url"] == f"http://testserver/en/agreements/{REFERENCE}/"
    assert body["amount"] == 249000000.0
    assert body["currency"] == "KRW"
    assert body["amount_usd"] == 214389.0
    assert body["year"] == 2016
    assert body["agreement_type"] == {"code": "mou", "name": "Memorandum of understanding"}
    assert [p["id"] for p in body["partners"]] == [korea.pk, australia.pk]
    assert body["partners"][1]["url"] == (
        f"http://testserver/en/partners/{australia.pk}/government-of-australia/"
    )
    assert [r["code"] for r in body["regions"]] == ["afr", "asp"]
    assert sorted(c["code"] for c in body["countries"]) == ["FJ", "VN"]
    assert body["primary_area"]["code"] == "cybersecurity"
    assert [a["code"] for a in body["secondary_areas"]] == ["infrastructure"]
    # Its parent is confidential: not named. Its confidential addendum neither.
    assert body["amends"] is None
    assert [a["reference"] for a in body["amendments"]] == ["KOR-2017-0043"]
    assert body["opportunities"][0]["title"] == "Smart villages in Viet Nam"
    assert not {"notes", "is_confidential", "tags", "signed_document"} & set(body)


def test_the_language_asked_for_names_the_terms_and_partners(client, main):
    body = client.get(f"{LIST}{REFERENCE}/", {"lang": "fr"}).json()

    assert body["lang"] == "fr"
    assert body["url"] == f"http://testserver/fr/agreements/{REFERENCE}/"
    assert body["primary_area"]["name"] == "Cybersécurité"
    assert body["status"] == {"code": "active", "name": "En vigueur"}
    names = [p["name"] for p in body["partners"]]
    assert "Gouvernement de la République de Corée" in names


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"year": 2016}, {REFERENCE, "AUS-2016-001"}),
        ({"year": 2017}, {"KOR-2017-0043", "AUS-2017-002"}),
        ({"year": 1990}, set()),
        ({"region": "ASP"}, {REFERENCE, "KOR-2017-0043", "AUS-2016-001", "AUS-2017-002"}),
        ({"country": "vn"}, {REFERENCE}),
        ({"country": "KE"}, set()),
        ({"area": "cybersecurity"}, {REFERENCE}),
        ({"area": "infrastructure"}, {REFERENCE, "KOR-2017-0043", "AUS-2016-001", "AUS-2017-002"}),
        ({"type": "amendment"}, {"KOR-2017-0043"}),
        ({"type": "mou", "year": 2016}, {REFERENCE, "AUS-2016-001"}),
    ],
)
def test_filters_narrow_the_list_and_never_reveal_a_confidential_agreement(
    client, main, filters, expected
):
    response = client.get(LIST, {**filters, "page_size": 100})

    assert response.status_code == 200
    body = response.json()
    assert set(references(body)) == expected
    assert body["count"] == len(expected)
    assert_nothing_hidden(response)


def test_the_partner_filter_takes_any_languages_id(client, main, korea, australia):
    french_korea = korea.get_translation(data.locale("fr"))
    for partner_id in (korea.pk, french_korea.pk):
        body = client.get(LIST, {"partner": partner_id}).json()
        assert set(references(body)) == {REFERENCE, "KOR-2017-0043"}
    body = client.get(LIST, {"partner": australia.pk}).json()
    assert set(references(body)) == {REFERENCE, "AUS-2016-001", "AUS-2017-002"}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"region": "mars"}, "Unknown region 'mars': use one of afr, asp, eur."),
        ({"area": "poetry"}, "Unknown thematic area 'poetry'"),
        ({"type": "treaty"}, "Unknown type of agreement 'treaty'"),
        ({"country": "XX"}, "Unknown country 'XX'"),
        ({"partner": 999999}, "Unknown partner 999999"),
        ({"year": "last"}, "year"),
        ({"year": 3000}, "year"),
    ],
)
def test_a_wrong_filter_is_a_clear_400(client, main, filters, message):
    response = client.get(LIST, filters)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert message in response.json()["detail"]


def test_pages_of_agreements_never_hold_a_confidential_one(client, main):
    first = client.get(LIST, {"page_size": 1}).json()
    seen = references(first)
    url = first["next"]
    while url:
        response = client.get(url)
        assert_nothing_hidden(response)
        page = response.json()
        seen += references(page)
        url = page["next"]
    assert len(seen) == first["count"] == 4
    assert len(set(seen)) == 4
    past = client.get(LIST, {"page_size": 1, "page": 5})
    assert past.status_code == 404


@pytest.mark.parametrize("reference", [CONFIDENTIAL, "CONF-ADD-0044", "NOPE-0000"])
def test_a_confidential_or_unknown_reference_is_a_404(client, main, reference):
    response = client.get(f"{LIST}{reference}/", {"lang": "fr"})

    assert response.status_code == 404
    assert response.json() == {"detail": "No public agreement with this reference."}


def test_an_agreement_made_confidential_leaves_the_list_at_once(client, main):
    assert REFERENCE in references(client.get(LIST).json())
    main.is_confidential = True
    main.save()

    body = client.get(LIST).json()
    assert REFERENCE not in references(body)
    assert body["count"] == 3
    assert client.get(f"{LIST}{REFERENCE}/").status_code == 404
    # Nor named as the agreement its addendum amends.
    amendment = client.get(f"{LIST}KOR-2017-0043/").json()
    assert amendment["amends"] is None


def test_the_openapi_document_describes_the_agreements(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)

    assert {"/api/v1/agreements/", "/api/v1/agreements/{reference}/"} <= set(document["paths"])
    operation = document["paths"]["/api/v1/agreements/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == {
        "lang",
        "page",
        "page_size",
        "year",
        "region",
        "country",
        "area",
        "partner",
        "type",
    }
    for name in ("year", "region", "country", "area", "partner", "type"):
        assert parameters[name].get("description"), name
        assert parameters[name]["schema"].get("examples") or parameters[name].get("example")
    assert operation["summary"] == "List public agreements"
    schemas = document["components"]["schemas"]
    fields = set(schemas["AgreementDetailOut"]["properties"])
    assert {"amount", "currency", "amount_usd", "partners", "amendments"} <= fields
    assert not fields & {"notes", "is_confidential", "tags", "signed_document"}


def test_a_reference_with_a_slash_and_spaces_is_found_at_its_encoded_address(
    client, main, korea, vocab
):
    data.add_public_agreement(korea, vocab, 78, reference="ITU/2015 #12?", title="Odd one")

    listed = client.get(LIST, {"partner": korea.pk, "year": 2015}).json()["results"]
    url = next(a["url"] for a in listed if a["reference"] == "ITU/2015 #12?")
    assert url == "http://testserver/en/agreements/ITU/2015%20%2312%3F/"
    body = client.get(f"{LIST}ITU/2015%20%2312%3F/").json()
    assert body["title"] == "Odd one"
