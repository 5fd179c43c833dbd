"""The site search finds a partner by its name in the visitor's language and by its English
name or acronym, in every language; a partner found in English says so in the visitor's
language; and the number of queries does not grow with the partners found."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.analysis import SOURCE_LANGUAGE
from search.site import search_site
from search.site.engine import search_partners_by_english_name
from search.site.scope import locale_for
from tests.pages.directory import data


def get_page(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def partner_hits(soup):
    return soup.select(".search-group--partner .search-hit")


def partner_titles(soup):
    return [hit.select_one(".search-hit__link").get_text() for hit in partner_hits(soup)]


@pytest.fixture
def banks(search_site_data, vocab):
    """The African Development Bank, translated into French, Arabic and Chinese; the Asian
    one in English only; and a foundation whose mandate, not its name, speaks of banks."""
    banks = data.make_development_banks(vocab)
    data.make_partner(
        vocab,
        "Savings Foundation",
        kind="foundation",
        mandate="<p>Helps development banks reach the poor.</p>",
    )
    return banks


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr", "banque", ["Banque africaine de développement (BAD)"]),
        ("fr", "BAD", ["Banque africaine de développement (BAD)"]),
        ("fr", "AfDB", ["Banque africaine de développement (BAD)"]),
        (
            "fr",
            "Development Bank",
            ["Banque africaine de développement (BAD)", "Asian Development Bank (ADB)"],
        ),
        ("ar", "البنك", ["البنك الأفريقي للتنمية (AfDB)"]),
        ("ar", "AfDB", ["البنك الأفريقي للتنمية (AfDB)"]),
        ("zh-hans", "银行", ["非洲开发银行 (AfDB)"]),
        ("zh-hans", "ADB", ["Asian Development Bank (ADB)"]),
        ("en", "AfDB", ["African Development Bank (AfDB)"]),
    ],
)
def test_a_partner_is_found_by_its_name_in_the_language_and_in_english(
    client, banks, language, query, expected
):
    soup = get_page(client, language, q=query)
    assert sorted(partner_titles(soup)) == sorted(expected)


def test_a_partner_found_in_english_says_so_in_the_visitors_language(client, banks):
    soup = get_page(client, "fr", q="Asian Development Bank")
    [hit] = partner_hits(soup)
    link = hit.select_one(".search-hit__link")
    assert link["lang"] == "en"
    asian = banks["asian"]
    assert link["href"] == f"/fr/partners/{asian.pk}/asian-development-bank/"
    note = hit.select_one(".material-note")
    assert note.get_text(strip=True) == "Disponible en anglais uniquement"
    assert link["aria-describedby"] == note["id"]
    assert hit.select_one(".search-hit__snippet")["lang"] == "en"

    # Found in French: no notice, and the French record is shown.
    soup = get_page(client, "fr", q="AfDB")
    [hit] = partner_hits(soup)
    assert not hit.select(".material-note")
    assert "lang" not in hit.select_one(".search-hit__link").attrs

    # In English, nothing is said.
    soup = get_page(client, "en", q="Asian Development Bank")
    assert not soup.select(".material-note")


def test_english_words_of_a_mandate_do_not_find_a_partner_from_another_language(client, banks):
    # "Savings Foundation" speaks of banks in its mandate only: in English the search finds
    # it (its text is English), in French only names count for English words.
    assert "Savings Foundation" in get_page(client, "en", q="banks").get_text()
    soup = get_page(client, "fr", q="banks")
    # Both match the same English word in their names: their order is the engine's.
    assert sorted(partner_titles(soup)) == [
        "Asian Development Bank (ADB)",
        "Banque africaine de développement (BAD)",
    ]


def test_the_search_by_english_name_gives_each_partner_once(banks):
    french = locale_for("fr")
    rows = search_partners_by_english_name(french, "development bank")
    assert sorted((row.name, row.language, row.by_english_name) for row in rows) == [
        ("Asian Development Bank", SOURCE_LANGUAGE, True),
        ("Banque africaine de développement", "fr", True),
    ]
    results = search_site("banque development", "fr")
    assert len(results.ids["partner"]) == len(set(results.ids["partner"]))


def test_query_count_does_not_grow_with_the_partners_found(client, search_site_data, vocab):
    def add(count, word):
        for number in range(count):
            partner = data.make_partner(vocab, f"{word} Development Bank {number}")
            if number % 2:
                data.translate_snippet(partner, "fr", name=f"Banque {word} {number}")

    def queries(q):
        with CaptureQueriesContext(connection) as context:
            response = client.get("/fr/search/", {"q": q, "type": "partner"})
        assert response.status_code == 200
        return len(context.captured_queries)

    add(3, "Quantum")
    add(10, "Photonics")
    client.get("/fr/search/", {"q": "Quantum"})  # warm the site-root cache
    assert queries("Quantum") == queries("Photonics")


def test_suggestions_offer_partners_by_their_english_name_too(client, banks):
    def suggested(language, q):
        response = client.get(f"/{language}/search/suggest/", {"q": q})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["results"] if item["type"] == "partner"]

    assert suggested("fr", "AfD") == ["Banque africaine de développement"]
    assert suggested("fr", "banq") == ["Banque africaine de développement"]
    assert suggested("zh-hans", "Asian") == ["Asian Development Bank"]
    assert suggested("en", "Banque") == []


def _english_name_queries(language, q):
    """The search queries sent for the search by English name (English index entries read
    with the English text configuration of partners)."""
    locale = locale_for(language)
    with CaptureQueriesContext(connection) as context:
        rows = search_partners_by_english_name(locale, q)
    return rows, len(context.captured_queries)


def test_a_query_no_english_name_can_hold_spares_the_search_by_english_name(banks):
    # Russian and Chinese words cannot be in a Latin-script name: nothing is asked.
    _english_name_queries("ru", "банк")  # the names' initials, read once and kept
    assert _english_name_queries("ru", "банк") == ([], 0)
    assert _english_name_queries("zh-hans", "银行") == ([], 0)
    # One Latin word beside them is still not enough: every word must be in the name.
    assert _english_name_queries("ru", "банк AfDB") == ([], 0)
    # A Latin acronym typed in Russian is searched, and found.
    rows, count = _english_name_queries("ru", "AfDB")
    assert [row.english_name for row in rows] == ["African Development Bank"]
    assert count >= 1


def test_a_partner_renamed_into_another_script_is_found_by_its_new_english_name(banks):
    assert _english_name_queries("ru", "банк")[0] == []
    asian = banks["asian"]
    asian.name = "Азиатский банк развития"
    asian.save()
    rows, _count = _english_name_queries("ru", "банк")
    assert [row.english_pk for row in rows] == [asian.pk]
