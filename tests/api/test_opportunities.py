"""/api/v1/opportunities/: the published, public opportunities of one language only, with
their summary in that language."""

import pytest
from django.utils import translation

from cms.pages.models import OpportunityPage
from tests.pages.directory.fixtures import from_records

from .fixtures import make_opportunity_site


@pytest.fixture(scope="module")
def built_once():
    """The tests only read the opportunities: built once for the module."""
    return make_opportunity_site


opportunities = from_records("opportunities")

API = "/api/v1/opportunities/"


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def test_the_list_has_the_live_public_opportunities_of_the_language(client, opportunities):
    response = client.get(API)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    # Not the draft, the private one, the French-only one, nor the unpublished new title.
    assert sorted(titles(response)) == ["Cyber drills for Africa", "Emergency telecoms kits"]
    assert body["count"] == 2
    assert body["next"] is None
    assert body["previous"] is None


def test_an_opportunity_has_its_summary_with_codes_and_names(client, opportunities):
    english = opportunities["english"]

    item = next(i for i in client.get(API).json()["results"] if i["id"] == english.pk)

    assert item == {
        "id": english.pk,
        "lang": "en",
        "title": "Cyber drills for Africa",
        "url": "http://testserver/en/opportunities/cyber-drills-for-africa/",
        "kind": {"code": "project", "name": "Project"},
        "status": {"code": "open", "name": "Open for partners"},
        "featured": False,
        "introduction": "Partners wanted for Cyber drills for Africa.",
        "thematic_areas": [{"code": "cybersecurity", "name": "Cybersecurity"}],
        "regions": [{"code": "afr", "name": "Africa"}],
        "countries": [{"code": "KE", "name": "Kenya"}, {"code": "FJ", "name": "Fiji"}],
        "sdgs": [{"number": 17, "code": "sdg-17", "name": "Partnerships for the goals"}],
        "partner_kinds": [{"code": "foundation", "name": "Foundation"}],
        "budget_usd": 1200000,
        "funding_gap_usd": 800000,
        "duration_months": 24,
        "deadline": None,
        "decision_date": None,
        "start_date": None,
        "end_date": None,
        "contact_name": "Amina Programme",
        "first_published_at": item["first_published_at"],
        "last_published_at": item["last_published_at"],
    }
    assert item["first_published_at"].startswith(str(english.first_published_at.year))
    # The contact's e-mail address is not handed to harvesters.
    assert "amina.programme@itu.example" not in client.get(API).content.decode()


def test_the_french_list_is_in_french(client, opportunities):
    response = client.get(API, {"lang": "fr"})

    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Exercices cyber pour l'Afrique",
        "Initiative francophone numérique",
    ]
    item = next(i for i in response.json()["results"] if i["id"] == opportunities["french"].pk)
    assert item["lang"] == "fr"
    assert item["url"] == "http://testserver/fr/opportunities/cyber-drills-for-africa/"
    # Labels come from the interface translations (filled in locale/), country names from
    # django-countries: both in French.
    with translation.override("fr"):
        assert item["kind"]["name"] == str(OpportunityPage.Kind.PROJECT.label)
    assert item["thematic_areas"] == [{"code": "cybersecurity", "name": "Cybersécurité"}]
    assert item["regions"] == [{"code": "afr", "name": "Afrique"}]
    assert {"code": "FJ", "name": "Fidji"} in item["countries"]
    assert item["sdgs"][0]["name"] == "Partenariats pour la réalisation des objectifs"


def test_a_language_whose_translations_are_drafts_lists_nothing(client, opportunities):
    response = client.get(API, {"lang": "ar"})

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_the_detail_has_objectives_results_and_the_other_languages(client, opportunities):
    english = opportunities["english"]

    response = client.get(f"{API}{english.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Cyber drills for Africa"
    assert body["objectives"] == "<p>Train 500 cybersecurity experts.</p>"
    assert body["expected_results"] == "<p>Five national CIRTs in operation.</p>"
    # The published French version only (the Arabic one is a draft).
    assert body["translations"] == [
        {
            "lang": "fr",
            "id": opportunities["french"].pk,
            "url": "http://testserver/fr/opportunities/cyber-drills-for-africa/",
        }
    ]


def test_the_detail_gives_the_version_of_the_language_asked_for(client, opportunities):
    english, french = opportunities["english"], opportunities["french"]

    body = client.get(f"{API}{english.pk}/", {"lang": "fr"}).json()

    assert body["id"] == french.pk
    assert body["title"] == "Exercices cyber pour l'Afrique"
    assert [version["lang"] for version in body["translations"]] == ["en"]
    # No published Arabic version: not found, rather than the draft or another language.
    response = client.get(f"{API}{english.pk}/", {"lang": "ar"})
    assert response.status_code == 404
    assert "detail" in response.json()


def test_drafts_and_private_opportunities_are_not_found(client, opportunities):
    for name in ("draft", "private", "arabic_draft"):
        page = opportunities[name]
        for language in ("en", "ar"):
            response = client.get(f"{API}{page.pk}/", {"lang": language})
            assert response.status_code == 404, (name, language)
            assert response.json()["detail"]


def test_published_pages_show_their_live_version_not_the_draft(client, opportunities):
    edited = opportunities["edited"]

    body = client.get(f"{API}{edited.pk}/").json()

    assert body["title"] == "Emergency telecoms kits"
    assert "DRAFT TITLE NOT PUBLISHED" not in client.get(API).content.decode()
