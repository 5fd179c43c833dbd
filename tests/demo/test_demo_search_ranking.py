"""Issue 18, item 1, on the demo data: "how to partner" finds the page "How to partner with
us" first, in the API and on the search page, and its equivalent in the five other
languages; a result whose title holds the query's words is never behind one that only
mentions them in its text; a misspelled theme offers its spelling.
"""

import re

import pytest
from django.utils import translation

from search.analysis import analyze

API = "/api/v1/search/"

# (language, what a visitor types, the title of the demo's "How to partner" page)
HOW_TO_PARTNER = [
    ("en", "how to partner", "How to partner with us"),
    ("fr", "devenir partenaire", "Devenir partenaire"),
    ("es", "como asociarse", "Cómo asociarse con nosotros"),
    ("ru", "как стать партнёром", "Как стать партнером"),
    ("ar", "كيف تصبحون شركاء", "كيف تصبحون شركاء لنا"),
    ("zh-hans", "如何与我们合作", "如何与我们合作"),
]


def api_titles(client, query, language):
    response = client.get(API, {"q": query, "lang": language, "page_size": 100})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def page_titles(client, query, language):
    with translation.override(language):
        response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    found = re.findall(r'class="search-hit__link"[^>]*>(.*?)</a>', response.content.decode(), re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in found]


@pytest.mark.parametrize(("language", "query", "title"), HOW_TO_PARTNER)
def test_how_to_partner_comes_first_in_every_language(client, demo_data, language, query, title):
    assert api_titles(client, query, language)[0] == title
    assert page_titles(client, query, language)[0] == title


@pytest.mark.parametrize(("language", "query", "title"), HOW_TO_PARTNER)
def test_title_matches_come_before_text_matches(client, demo_data, language, query, title):
    words = set(analyze(query, language))
    holds = [
        bool(words & set(analyze(found, language))) for found in api_titles(client, query, language)
    ]
    assert holds[0]
    # Once a title without any of the words is reached, no title with one of them follows.
    first_without = holds.index(False) if False in holds else len(holds)
    assert not any(holds[first_without:]), holds


def test_a_misspelled_theme_offers_the_spelling_that_finds_it(client, demo_data):
    response = client.get(API, {"q": "cybersecurty", "lang": "en"})
    answer = response.json()
    assert answer["count"] == 0
    assert answer["did_you_mean"][0] == "cybersecurity"
    # No English title says "cybersecurity"; the introduction of this one does.
    assert "National computer incident response teams for the Arab States" in api_titles(
        client, answer["did_you_mean"][0], "en"
    )
