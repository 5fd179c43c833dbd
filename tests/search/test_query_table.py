"""The table of queries per language and the documents each must find (and must not).

Runs on whichever database the suite uses: SQLite by default, PostgreSQL in CI.
"""

import pytest
from wagtail.models import Page

from cms.pages.factories import StandardPageFactory
from cms.snippets.models import Partner
from search.backends import backend_for

# (visitor's language, query, keys of the pages expected, exactly)
PAGE_QUERIES = [
    # English stems
    ("en", "partnerships", {"en"}),
    ("en", "partnership", {"en"}),
    ("en", "Partnerships digital", {"en"}),
    ("en", "ITU-D", {"en"}),
    ("en", "Data-X.2", {"en"}),
    # French plurals, accents, elision
    ("fr", "partenariats", {"fr"}),
    ("fr", "partenariat", {"fr"}),
    ("fr", "numerique", {"fr"}),
    ("fr", "NUMÉRIQUES", {"fr"}),
    ("fr", "l'accès", {"fr"}),
    ("fr", "acces", {"fr"}),
    # Spanish without accents, plurals
    ("es", "asociacion", {"es"}),
    ("es", "asociaciones", {"es"}),
    ("es", "Asociación", {"es"}),
    ("es", "conectividad", {"es"}),
    # Russian cases and ё
    ("ru", "партнёрство", {"ru"}),
    ("ru", "партнерства", {"ru"}),
    ("ru", "партнерству", {"ru"}),
    ("ru", "партнерством", {"ru"}),
    ("ru", "связи", {"ru"}),
    ("ru", "связь", {"ru"}),
    # Arabic: article, conjunction and preposition, diacritics
    ("ar", "الشراكة", {"ar"}),
    ("ar", "شراكة", {"ar"}),
    ("ar", "وبالشراكة", {"ar"}),
    ("ar", "والشراكة", {"ar"}),
    ("ar", "الشَّرَاكَة", {"ar"}),
    ("ar", "التنمية", {"ar"}),
    ("ar", "تنمية", {"ar"}),
    # Chinese words inside longer runs of characters
    ("zh-hans", "合作", {"zh-hans"}),
    ("zh-hans", "伙伴关系", {"zh-hans"}),
    ("zh-hans", "数字发展", {"zh-hans"}),
    ("zh-hans", "电信联盟", {"zh-hans"}),
    # Acronyms: each language finds its own pages only
    ("fr", "UIT", {"fr"}),
    ("es", "uit", {"es"}),
    ("ru", "МСЭ", {"ru"}),
    ("ru", "ITU", {"ru"}),
    ("zh-hans", "ITU", {"zh-hans"}),
    # Negatives: another language's words find nothing
    ("fr", "партнерства", set()),
    ("ru", "partenariats", set()),
    ("en", "合作", set()),
    ("zh-hans", "partnership", set()),
    ("en", "الشراكة", set()),
    ("fr", "zyxwvut", set()),
]

# (visitor's language, query, keys of the partners expected, exactly)
PARTNER_QUERIES = [
    ("en", "ITU", {"en"}),
    ("en", "telecommunications", {"en"}),
    ("fr", "télécommunication", {"fr"}),
    ("fr", "union internationale", {"fr"}),
    ("es", "telecomunicacion", {"es"}),
    ("ru", "союза", {"ru"}),
    ("ar", "الاتحاد", {"ar"}),
    ("ar", "اتحاد", {"ar"}),
    ("ar", "للاتصالات", {"ar"}),
    ("ar", "ITU", {"ar"}),
    ("zh-hans", "电信", {"zh-hans"}),
    ("zh-hans", "联盟", {"zh-hans"}),
]


def found_pages(pages, language, query):
    keys = {page.pk: key for key, page in pages.items()}
    results = Page.objects.live().public().search(query, backend=backend_for(language))
    return {keys[page.pk] for page in results if page.pk in keys}


@pytest.mark.parametrize(("language", "query", "expected"), PAGE_QUERIES)
def test_page_query(pages, language, query, expected):
    assert found_pages(pages, language, query) == expected


@pytest.mark.parametrize(("language", "query", "expected"), PARTNER_QUERIES)
def test_partner_query(partners, corpus, language, query, expected):
    assert found_partners(partners, corpus, language, query) == expected


def test_language_backend_never_returns_another_language(pages, corpus):
    """Even without a locale filter, a French search returns French pages only."""
    results = list(Page.objects.search("ITU", backend=backend_for("fr")))
    assert pages["fr"].pk in [page.pk for page in results]
    assert {page.locale_id for page in results} == {corpus["locales"]["fr"].pk}


# (visitor's language, beginning of a word typed, key of the page expected)
AUTOCOMPLETE_QUERIES = [
    ("en", "partn", "en"),
    ("fr", "partena", "fr"),
    ("fr", "numeri", "fr"),
    ("es", "asociacio", "es"),
    ("ru", "Партнё", "ru"),
    ("ar", "الشرا", "ar"),
    ("zh-hans", "合作伙", "zh-hans"),
]


def found_partners(partners, corpus, language, query):
    keys = {partner.pk: key for key, partner in partners.items()}
    locale = corpus["locales"][language]
    results = Partner.objects.filter(locale=locale).search(query, backend=backend_for(language))
    return {keys[partner.pk] for partner in results}


def assert_autocompletes(pages, language, query, key):
    results = Page.objects.live().autocomplete(query, backend=backend_for(language))
    assert pages[key].pk in [page.pk for page in results]
    other = {page.pk for k, page in pages.items() if k not in (key, "fr-draft", "fr-private")}
    assert not other & {page.pk for page in results}


@pytest.mark.parametrize(("language", "query", "key"), AUTOCOMPLETE_QUERIES)
def test_autocomplete_prefix(pages, language, query, key):
    assert_autocompletes(pages, language, query, key)


def test_results_are_ranked_title_first(pages, corpus):
    """A page whose title matches comes before one that only mentions the word."""
    mention = StandardPageFactory(
        parent=corpus["homes"]["fr"],
        title="Actualités",
        introduction="Un long texte qui parle, entre autres choses, du monde numérique.",
    )
    mention.save_revision().publish()
    results = list(
        Page.objects.live()
        .public()
        .filter(locale=corpus["locales"]["fr"])
        .search("numerique", backend=backend_for("fr"))
    )
    assert [page.pk for page in results] == [pages["fr"].pk, mention.pk]
