"""Search that finds what people mean, on the demo (issue 18, item 2; issue 14's search
acceptance): partial words, joined and spaced forms, the seeded synonyms and acronyms, and
suggestions from three characters in the six languages."""

import re

import pytest
from bs4 import BeautifulSoup

from cms.demo.synonyms import SYNONYMS, load_synonyms
from search.models import SearchSynonym
from tests.demo.test_demo_partner_translations import directory_names, kind_names, search_names

CIRT = "National computer incident response teams for the Arab States"
FIGI = "Financial Inclusion Global Initiative"
BADEA_AR = "المصرف العربي للتنمية الاقتصادية في أفريقيا"


def hits(client, language, query):
    """Every result title of the search page, whatever its group (acronyms cut off)."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = (" ".join(a.get_text().split()) for a in soup.select(".search-hit__link"))
    return [re.sub(r" \([^)]*\)$", "", title) for title in titles]


def suggested(client, language, query):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.parametrize("query", ["cyber", "cyber security", "Cyber-Security", "cybersecurity"])
def test_cyber_finds_the_cybersecurity_opportunities(demo_data, client, query):
    assert CIRT in hits(client, "en", query)


def test_figi_finds_the_initiative_and_its_partner(demo_data, client):
    found = hits(client, "en", "FIGI")
    assert FIGI in found
    assert "Bill & Melinda Gates Foundation" in found
    assert "Bill & Melinda Gates Foundation" in search_names(client, "en", "FIGI")
    # In French, by the seeded French group (the initiative's French name).
    assert "Initiative mondiale en faveur de l'inclusion financière" in hits(client, "fr", "FIGI")


@pytest.mark.parametrize(
    ("language", "query"),
    [("fr", "banque"), ("ar", "البنك"), ("zh-hans", "银行")],
)
def test_a_bank_lists_every_development_bank_in_the_directory_and_the_search(
    demo_data, client, language, query
):
    banks = kind_names("development-bank", language)
    assert len(banks) >= 8
    assert set(banks) <= set(directory_names(client, language, query))
    assert set(banks) <= set(search_names(client, language, query))


def test_the_arab_bank_is_found_by_the_word_bank(demo_data, client):
    assert BADEA_AR in directory_names(client, "ar", "البنك")
    assert BADEA_AR in search_names(client, "ar", "البنك")
    assert "البنك الأفريقي للتنمية" in directory_names(client, "ar", "البنك")


def test_a_foundation_lists_the_foundations_in_russian(demo_data, client):
    foundations = [name for name in kind_names("foundation", "ru") if "фонд" in name.lower()]
    assert len(foundations) >= 6
    assert set(foundations) <= set(directory_names(client, "ru", "фонд"))
    assert set(foundations) <= set(search_names(client, "ru", "фонд"))


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "cyb", CIRT),  # no title begins with it: found in the text
        ("fr", "ban", "banque"),
        ("es", "ban", "banco"),
        ("ru", "фон", "фонд"),
        ("ar", "بنك", "بنك"),
        ("zh-hans", "开发银", "开发银行"),
    ],
)
def test_suggestions_from_three_characters_in_six_languages(
    demo_data, client, language, typed, expected
):
    titles = suggested(client, language, typed)
    assert any(expected.lower() in title.lower() for title in titles), titles
    assert suggested(client, language, typed[:2] if language != "zh-hans" else typed[:1]) == []


def test_the_seeded_synonyms_are_written_once(demo_data):
    assert {language for language, _ in SearchSynonym.objects.values_list("language", "pk")} == set(
        SYNONYMS
    )
    count = SearchSynonym.objects.count()
    assert count == sum(len(groups) for groups in SYNONYMS.values())
    # An editor's change is kept: the demo does not write its group again.
    SearchSynonym.objects.filter(language="en", terms__startswith="FIGI").update(
        terms="FIGI, Financial Inclusion Global Initiative, FIGI programme"
    )
    assert load_synonyms() == 0
    assert SearchSynonym.objects.count() == count
