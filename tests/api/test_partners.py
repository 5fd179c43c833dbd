"""/api/v1/partners/ and /api/v1/recognitions/: funding partners with their public fields,
public agreements and recognitions, in the language asked for."""

import pytest

from tests.pages.directory import data
from tests.pages.directory.fixtures import from_records, make_site_with_australia


@pytest.fixture(scope="module")
def built_once():
    """Every test reads the directories, and all but one the Government of Australia:
    built once for the module."""
    return make_site_with_australia


vocab = from_records("vocab")
homes = from_records("homes")
directories = from_records("directories")
australia = from_records("australia")

PARTNERS = "/api/v1/partners/"
RECOGNITIONS = "/api/v1/recognitions/"


def by_name(response):
    return {item["name"]: item for item in response.json()["results"]}


def test_the_list_has_funding_partners_only_by_name(client, directories, australia, vocab):
    data.make_partner(vocab, "Host university", is_funding_partner=False)
    data.make_partner(vocab, "ARM", kind="company")

    response = client.get(PARTNERS)

    assert response.status_code == 200
    body = response.json()
    assert [item["name"] for item in body["results"]] == [
        "ARM",
        "Commonwealth of Nations",
        "Government of Australia",
    ]
    assert body["count"] == 3


def test_a_partner_has_its_public_fields(client, directories, australia):
    item = by_name(client.get(PARTNERS))["Government of Australia"]

    assert item == {
        "id": australia.pk,
        "lang": "en",
        "text_lang": "en",
        "name": "Government of Australia",
        "acronym": "DFAT",
        "url": f"http://testserver/en/partners/{australia.pk}/government-of-australia/",
        "kind": {"code": "government", "name": "Government / administration"},
        "headquarters_country": {"code": "FR", "name": "France"},
        "website": "https://www.dfat.gov.au",
        "logo_url": None,
        "membership_category": {"code": "member-state", "name": "Member State"},
        "parent": {
            "id": australia.parent_id,
            "name": "Commonwealth of Nations",
            "url": f"http://testserver/en/partners/{australia.parent_id}/commonwealth-of-nations/",
        },
        "mandate": "<p>Supports ICT development in the Pacific.</p>",
        "development_strategy": "<p>Builds disaster-resilient telecommunications.</p>",
        "priority_areas": [
            {"code": "capacity-building", "name": "Capacity Building"},
            {"code": "cybersecurity", "name": "Cybersecurity"},
        ],
        "regions": [{"code": "asp", "name": "Asia-Pacific"}],
        "countries": [{"code": "FJ", "name": "Fiji"}],
        "funding_types": [{"code": "grant", "name": "Grant / financial contribution"}],
        "funding_mechanism": {"code": "funds-in-trust", "name": "Funds-in-trust"},
    }


def test_partners_in_french_keep_their_id(client, directories, australia):
    response = client.get(PARTNERS, {"lang": "fr"})

    item = by_name(response)["Gouvernement de l'Australie"]
    assert item["id"] == australia.pk
    assert item["lang"] == item["text_lang"] == "fr"
    assert item["url"] == f"http://testserver/fr/partners/{australia.pk}/government-of-australia/"
    assert item["kind"]["name"] == "Gouvernement / administration"
    assert item["mandate"] == "<p>Soutient le développement des TIC dans le Pacifique.</p>"
    # The untranslated parent, in English.
    parent = by_name(response)["Commonwealth of Nations"]
    assert parent["text_lang"] == "en"


def test_without_a_directory_in_the_language_partners_have_no_address(
    client, directories, australia, homes
):
    data.translate_page(homes["en"], "es", title="Inicio")

    item = client.get(PARTNERS, {"lang": "es"}).json()["results"][0]

    assert item["url"] is None


def test_the_detail_has_public_agreements_and_recognitions(client, directories, australia):
    response = client.get(f"{PARTNERS}{australia.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Government of Australia"
    assert body["agreements"] == [
        {
            "reference": "AUS-2017-002",
            "title": "Disaster telecoms in Tonga",
            "agreement_type": {"code": "mou", "name": "Memorandum of understanding"},
            "year": 2017,
            "regions": [{"code": "afr", "name": "Africa"}, {"code": "asp", "name": "Asia-Pacific"}],
            "primary_area": {"code": "infrastructure", "name": "Infrastructure"},
            "amount_usd": 250000.0,
            "url": "http://testserver/en/agreements/AUS-2017-002/",
        },
        {
            "reference": "AUS-2016-001",
            "title": "Pacific ICT regulatory support",
            "agreement_type": {"code": "mou", "name": "Memorandum of understanding"},
            "year": 2016,
            "regions": [{"code": "afr", "name": "Africa"}, {"code": "asp", "name": "Asia-Pacific"}],
            "primary_area": {"code": "infrastructure", "name": "Infrastructure"},
            "amount_usd": 250000.0,
            "url": "http://testserver/en/agreements/AUS-2016-001/",
        },
    ]
    [recognition] = body["recognitions"]
    assert recognition["award_title"] == "ITU-D 25th Anniversary Partner Award"
    assert recognition["partner"]["id"] == australia.pk


def test_the_detail_by_a_translations_id_is_the_same_partner(client, directories, australia):
    french_row = australia.get_translation(data.locale("fr"))

    body = client.get(f"{PARTNERS}{french_row.pk}/", {"lang": "fr"}).json()

    assert body["id"] == australia.pk
    assert body["name"] == "Gouvernement de l'Australie"
    assert body["recognitions"][0]["occasion"] == "25e anniversaire de l'UIT-D, CMDT-17"


def test_unknown_and_non_funding_partners_are_not_found(client, directories, vocab):
    university = data.make_partner(vocab, "Host university", is_funding_partner=False)

    for pk in (university.pk, 999999):
        response = client.get(f"{PARTNERS}{pk}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "No funding partner with this id."}


def test_recognitions_in_french_with_their_partner(client, directories, australia):
    response = client.get(RECOGNITIONS, {"lang": "fr"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["results"]
    english_award = australia.recognitions.get(locale__language_code="en")
    assert item["id"] == english_award.pk
    assert item["text_lang"] == "fr"
    assert item["award_title"] == "Prix des partenaires du 25e anniversaire de l'UIT-D"
    assert item["year"] == 2017
    assert item["citation"] == "<p>Pour un quart de siècle de partenariat.</p>"
    assert item["partner"] == {
        "id": australia.pk,
        "name": "Gouvernement de l'Australie",
        "url": f"http://testserver/fr/partners/{australia.pk}/government-of-australia/",
    }

    detail = client.get(f"{RECOGNITIONS}{english_award.pk}/", {"lang": "fr"})
    assert detail.json() == item
    assert client.get(f"{RECOGNITIONS}999999/").status_code == 404
