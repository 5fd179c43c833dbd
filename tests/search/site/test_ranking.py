"""Issue 18, item 1: one order of relevance across opportunities, partners and pages.

A title (a partner's name, acronym or other names) that holds the query ranks above every
result that only mentions it in its text, an exact title comes first whatever its case and
accents, in the JSON API and in the search page's "all results"; the page shows its groups
with the group of the best match first, and says which one it is.
"""

import re

import pytest
from django.utils import translation

from cms.pages.factories import StandardPageFactory
from tests.pages.directory import data

API = "/api/v1/search/"


def api_results(client, query, language, **params):
    response = client.get(API, {"q": query, "lang": language, "page_size": 50, **params})
    assert response.status_code == 200
    return response.json()["results"]


def page_hits(client, query, language="en"):
    """The titles of the search page's results, in the order they are shown, and the page."""
    with translation.override(language):
        response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'class="search-hit__link"[^>]*>(.*?)</a>', html, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles], html


@pytest.fixture
def body_mentions(add_opportunities):
    """Twelve opportunities that mention "guide" only in their text."""
    return add_opportunities(
        12, "Regional broadband plan", introduction="A guide for partners in the Pacific."
    )


def test_a_title_match_ranks_above_opportunities_that_only_mention_the_words(
    client, search_site_data, body_mentions
):
    results = api_results(client, "guide", "en")
    titles = [item["title"] for item in results]
    assert titles[0] == "Pacific partnership guide"
    assert len(titles) >= 13
    # The same in the page's groups: the page group comes first and says so.
    shown, html = page_hits(client, "guide")
    assert shown[0] == "Pacific partnership guide"
    assert "Best match: Pages" in html


def test_an_exact_title_comes_first_whatever_case_and_accents(
    client, search_site_data, add_opportunities
):
    # Longer titles that hold every word of the query.
    add_opportunities(3, "Pacific partnership guide")
    results = api_results(client, "PACIFIC partnership GUIDES", "en")
    assert results[0]["title"] == "Pacific partnership guide"
    assert results[0]["type"] == "page"
    assert {item["title"] for item in results[1:4]} == {
        f"Pacific partnership guide {number}" for number in (1, 2, 3)
    }

    french = api_results(client, "guide des partenariats du pacifique", "fr")
    assert french[0]["title"] == "Guide des partenariats du Pacifique"
    unaccented = api_results(client, "GUIDE DES PARTENARIAT DU PACIFIQUE", "fr")
    assert unaccented[0]["title"] == "Guide des partenariats du Pacifique"


def test_a_partner_ranks_first_by_its_acronym(client, search_site_data, add_opportunities):
    add_opportunities(3, "Cooperation plan", introduction="With DFAT and other donors.")
    results = api_results(client, "dfat", "en")
    assert results[0]["type"] == "partner"
    assert results[0]["title"] == "Government of Australia (DFAT)"
    assert len(results) == 4


def test_a_title_match_in_another_type_is_not_pushed_behind_a_group(
    client, search_site_data, body_mentions
):
    """The API is no longer opportunities, then partners, then pages: its types alternate
    as relevance says, and a `type` filter keeps that order."""
    results = api_results(client, "pacific", "en")
    types = [item["type"] for item in results]
    assert types.index("page") < max(
        index for index, kind in enumerate(types) if kind == "opportunity"
    )
    # Opportunities whose title holds the word before those that only mention it.
    opportunities = [
        item["title"] for item in api_results(client, "pacific", "en", type="opportunity")
    ]
    assert opportunities[:2] == [
        "Pacific cyber resilience",
        "Pacific broadband backbone",
    ] or opportunities[:2] == ["Pacific broadband backbone", "Pacific cyber resilience"]
    assert all(title.startswith("Regional broadband plan") for title in opportunities[2:])


def test_each_group_of_the_page_is_in_the_order_of_relevance(
    client, search_site_data, add_opportunities
):
    add_opportunities(6, "Rural connectivity", introduction="Satellite links for villages.")
    add_opportunities(1, "Satellite links", exact=True)
    shown, html = page_hits(client, "satellite links")
    assert shown[0] == "Satellite links"
    assert "Best match: Opportunities" not in html  # one group only: nothing to tell apart


def test_the_best_group_comes_first_on_the_page(client, search_site_data, add_opportunities):
    add_opportunities(6, "Rural connectivity", introduction="A handbook for every village.")
    data.publish(
        search_site_data["english_guide"].get_parent(),
        StandardPageFactory,
        title="Village handbook",
        slug="village-handbook",
        introduction="What the Bureau offers.",
    )
    shown, html = page_hits(client, "village handbook")
    assert shown[0] == "Village handbook"
    assert html.index('id="search-group-page"') < html.index('id="search-group-opportunity"')
    assert "Best match: Pages" in html
