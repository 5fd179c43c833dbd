"""Partial words (issue 18, item 2): the last word of a query is matched as the beginning of a
word as the visitor types (``cyber`` finds "cybersecurity"), compounds and spaced forms meet
(``cyber security`` ↔ ``cybersecurity``, ``e-waste`` ↔ ``ewaste`` ↔ ``e waste``), and the
suggestions start at three characters, found in the text when no title begins with them
(tests/search/site/test_partial_words_site.py: the search page and the suggestions).

On the database of the run (SQLite by default, PostgreSQL with DATABASE_URL); the engines run
the same tables in tests/search/test_elasticsearch.py.
"""

import pytest

from search.analysis import index_terms, read_query
from search.models import SearchSynonym

from .test_query_table import found_pages

# On the six-language corpus of tests/search/conftest.py (also run on the engines by
# tests/search/test_elasticsearch.py): (visitor's language, query, keys of the pages expected,
# exactly). The last word is begun; the other words are whole.
PARTIAL_QUERIES = [
    ("en", "partnersh", {"en"}),
    ("en", "digital inclusio", {"en"}),  # "inclusion" is stemmed "inclus": the title's word
    ("en", "partnersh digital", set()),
    ("en", "itud", {"en"}),  # "ITU-D" indexed apart and joined
    ("en", "itu d", {"en"}),
    ("en", "datax", {"en"}),
    ("fr", "partenariat numériq", {"fr"}),
    ("fr", "numer", {"fr"}),
    ("es", "conectivid", {"es"}),
    ("es", "asociacion conec", {"es"}),
    ("ru", "партнёрст", {"ru"}),
    ("ru", "Партнерство связ", {"ru"}),
    ("ar", "التنمية الرقم", {"ar"}),
    ("ar", "الشراك", {"ar"}),
    ("zh-hans", "数字发", {"zh-hans"}),
    ("zh-hans", "促进数", {"zh-hans"}),
]

# (language, synonym group, query, keys of the pages expected with the group, and without)
SYNONYM_QUERIES = [
    (
        "en",
        "ITU, International Telecommunication Union",
        "international telecommunications union",
        {"en"},
    ),
    ("fr", "internet, toile mondiale", "toile mondiale", {"fr"}),
    ("ru", "МСЭ, Международный союз электросвязи", "международного союза электросвязи", {"ru"}),
    ("ar", "حكومات, سلطات", "السلطات", {"ar"}),
    ("zh-hans", "合作, 协作", "协作", {"zh-hans"}),
]


@pytest.mark.parametrize(("language", "query", "expected"), PARTIAL_QUERIES)
def test_partial_words_on_the_corpus(pages, language, query, expected):
    assert found_pages(pages, language, query) == expected


def assert_synonym_query(pages, language, terms, query, expected):
    assert found_pages(pages, language, query) == set()
    SearchSynonym.objects.create(language=language, terms=terms)
    assert found_pages(pages, language, query) == expected


@pytest.mark.parametrize(("language", "terms", "query", "expected"), SYNONYM_QUERIES)
def test_synonyms_on_the_corpus(pages, language, terms, query, expected):
    assert_synonym_query(pages, language, terms, query, expected)


# --- how a query is read -----------------------------------------------------------------------


def test_the_last_word_is_read_as_a_prefix_unstemmed_and_folded():
    assert read_query("Cybersécu", "fr", synonyms=False).prefix == "cybersecu"
    assert read_query("partners organiz", "en", synonyms=False).prefix == "organiz"
    # Too short, or Chinese (its pairs of characters already meet inside longer runs).
    assert read_query("cy", "en", synonyms=False).prefix == ""
    assert read_query("合作伙", "zh-hans", synonyms=False).prefix == ""


def test_neighbouring_words_are_also_read_as_one():
    reading = read_query("cyber security", "en", synonyms=False)
    assert ("cybersecurity",) in reading.options[0]
    assert ("cybersecurity",) in reading.options[1]
    assert reading.matches(set(index_terms("Cybersecurity centres", "en")))
    assert not reading.matches(set(index_terms("Cyber drills", "en")))


def test_hyphenated_words_are_indexed_apart_and_joined():
    assert {"e", "wast", "ewast"} <= set(index_terms("Managing e-waste", "en"))
    assert {"кибер", "безопасн", "кибербезопасн"} <= set(index_terms("кибер-безопасность", "ru"))
