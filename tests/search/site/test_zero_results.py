"""Issue 18, item 2 (zero results): a search that finds nothing offers the closest spellings
that find something ("Did you mean …", in the API as `did_you_mean`) and the opportunity
index, in the visitor's language (Arabic right to left); words of drafts and private pages
are never offered."""

import re
from html import unescape

import pytest
from django.utils import translation

from search.site.spelling import title_words

API = "/api/v1/search/"


def api(client, query, language):
    response = client.get(API, {"q": query, "lang": language})
    assert response.status_code == 200
    return response.json()


def search_page(client, query, language):
    with translation.override(language):
        response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def offered_links(html):
    """{text: address} of the "Did you mean" links."""
    return {
        unescape(text): unescape(href)
        for href, text in re.findall(
            r'<a class="search-spellings__link" href="([^"]+)">([^<]+)</a>', html
        )
    }


@pytest.mark.parametrize(
    ("language", "typo", "spelling", "found"),
    [
        ("en", "pacifc", "pacific", "Pacific partnership guide"),
        ("en", "broadbnd backbone", "broadband backbone", "Pacific broadband backbone"),
        ("fr", "pacifiqe", "pacifique", "Guide des partenariats du Pacifique"),
        ("fr", "francophone numerik", "francophone numérique", "Initiative francophone numérique"),
        ("ar", "التمويلل", "التمويل", "شركاء التمويل"),
    ],
)
def test_a_misspelled_query_offers_a_spelling_that_finds_results(
    client, search_site_data, language, typo, spelling, found
):
    answer = api(client, typo, language)
    assert answer["count"] == 0
    assert answer["did_you_mean"][0] == spelling
    assert found in {item["title"] for item in api(client, spelling, language)["results"]}

    html = search_page(client, typo, language)
    links = offered_links(html)
    assert spelling in links
    with translation.override(language):
        followed = client.get(links[spelling]).content.decode()
    assert found in re.sub(r"<[^>]+>", "", followed)


def test_the_help_is_in_the_visitors_language_with_the_opportunity_index(client, search_site_data):
    html = search_page(client, "pacifc", "en")
    assert "Did you mean:" in html
    assert 'href="/en/opportunities/"' in html
    html = search_page(client, "pacifiqe", "fr")
    assert "Vouliez-vous dire" in html
    assert "Ou parcourez toutes les possibilités de partenariat" in html
    html = search_page(client, "التمويلل", "ar")
    assert 'dir="rtl"' in html
    assert "هل تقصد:" in html
    assert "أو تصفّح جميع فرص الشراكة:" in html
    assert ">الفرص</a>" in html


def test_results_found_offer_no_spelling(client, search_site_data):
    assert api(client, "pacific", "en")["did_you_mean"] == []
    assert "search-spellings" not in search_page(client, "pacific", "en")


def test_words_of_drafts_and_private_pages_are_never_offered(client, search_site_data):
    for language, typo in [
        ("en", "unpublishd villagez"),
        ("en", "privat donr"),
        ("en", "drafft titel"),
        ("ar", "سيبرانيه"),
        ("fr", "membres-only briefng"),
    ]:
        offered = " ".join(api(client, typo, language)["did_you_mean"]).casefold()
        for word in (
            "unpublished",
            "villages",
            "private",
            "donor",
            "draft",
            "سيبرانية",
            "briefing",
        ):
            assert word not in offered, (typo, offered)


def test_the_words_follow_the_titles(client, search_site_data):
    """A title changed shows in the spellings offered at the next search."""
    assert api(client, "zanzibr", "en")["did_you_mean"] == []
    guide = search_site_data["english_guide"]
    guide.title = "Zanzibar partnership guide"
    guide.save_revision().publish()
    assert api(client, "zanzibr", "en")["did_you_mean"] == ["zanzibar"]


def test_the_word_list_is_kept_between_searches(
    client, search_site_data, django_assert_num_queries
):
    from search.site.scope import SearchScope

    scope = SearchScope("en")
    assert "pacific" in title_words(scope)
    scope = SearchScope("en")
    scope.home  # noqa: B018 - the frame's reads, not the words'
    scope.locale  # noqa: B018
    with django_assert_num_queries(0):
        title_words(scope)
