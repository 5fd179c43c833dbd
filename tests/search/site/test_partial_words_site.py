"""Partial words on the search page and in the suggestions (issue 18, item 2): ``cyber`` and
``cyber security`` find the cybersecurity opportunities, ``e-waste``, ``ewaste`` and ``e waste``
meet, and suggestions start at three characters, read from the text when no title or name
begins with what is typed. The query tables are in tests/search/test_partial_words.py."""

import pytest
from bs4 import BeautifulSoup

from .data import make_opportunity


def found(client, language, q):
    """The titles of the opportunities the search page lists for `q`."""
    response = client.get(f"/{language}/search/", {"q": q})
    assert response.status_code == 200, response.content[:300]
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(link.get_text().split()) for link in soup.select(".search-hit__link")]


def suggested(client, language, q):
    response = client.get(f"/{language}/search/suggest/", {"q": q})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


# --- what the visitor finds ---------------------------------------------------------------------


@pytest.fixture
def cyber(search_site_data, vocab):
    """A cybersecurity opportunity in English and French (its title says nothing of it), and
    one on e-waste."""
    indexes = search_site_data["indexes"]
    english = make_opportunity(
        indexes["en"],
        vocab,
        "National incident response teams",
        introduction="Cybersecurity drills in Zanzibar.",
    )
    french = make_opportunity(
        indexes["fr"],
        vocab,
        "Équipes nationales d'intervention",
        introduction="La cybersécurité à Zanzibar.",
    )
    waste = make_opportunity(
        indexes["en"], vocab, "Managing e-waste sustainably", introduction="Collection."
    )
    return {"en": english, "fr": french, "waste": waste}


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "cyber"),
        ("en", "cyb"),
        ("en", "cyber security"),
        ("en", "Cyber-Security"),
        ("en", "cybersecurity"),
        ("en", "zanzibar cybersec"),
        ("fr", "cyber"),
        ("fr", "cybersécu"),
        ("fr", "cyber sécurité"),
    ],
)
def test_cyber_finds_the_cybersecurity_opportunities(client, cyber, language, query):
    assert cyber[language].title in found(client, language, query)


def test_a_prefix_only_completes_the_last_word(client, cyber):
    assert found(client, "en", "cyb teams") == []
    assert found(client, "en", "cy") == []


@pytest.mark.parametrize("query", ["e-waste", "ewaste", "e waste", "E-Waste managing"])
def test_e_waste_ewaste_and_e_waste_meet(client, cyber, query):
    assert found(client, "en", query) == ["Managing e-waste sustainably"]


def test_suggestions_start_at_three_characters_and_read_the_text(client, cyber):
    # No title begins with "zanz": the opportunity comes for its text.
    assert suggested(client, "en", "zanz") == ["National incident response teams"]
    assert suggested(client, "fr", "Zanzi") == ["Équipes nationales d'intervention"]
    assert suggested(client, "en", "za") == []
    # A title that begins with what is typed comes first.
    assert suggested(client, "en", "Nati")[0] == "National incident response teams"
