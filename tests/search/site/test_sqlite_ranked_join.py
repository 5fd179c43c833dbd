"""On SQLite, a ranked search joins the rows searched to their index entries
(search/backends/sqlite.py) instead of modelsearch's subquery that runs the MATCH again for
each row: the same rows, in the same order, for pages and partners, words and prefixes, in
several languages."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.snippets.models import Partner
from search.site import clean_query
from search.site.engine import partner_queryset
from search.site.scope import backend_alias, locale_for

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backend's own query"
)

CASES = [
    ("en", "Pacific"),
    ("en", "health"),
    ("en", "cyber security"),
    ("en", "broadb"),
    ("fr", "Pacifique"),
    ("fr", "numérique"),
    ("ar", "الاتصالات"),
]


def _both(backend, query, queryset):
    # Imported here: the module reads the SQLite full-text model, absent on PostgreSQL.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    results = backend.search(query, queryset)
    compiler = results.query_compiler
    ours = list(results.get_queryset().values_list("pk", flat=True))
    theirs = SQLiteSearchQueryCompiler.search(compiler, compiler.get_config(backend), 0, None)
    return ours, list(theirs.values_list("pk", flat=True))


@pytest.mark.parametrize("language, words", CASES)
def test_the_same_rows_in_the_same_order_as_modelsearch(search_site_data, language, words):
    locale = locale_for(language)
    backend = get_search_backend(backend_alias(language))
    query = clean_query(words)
    for queryset in (Page.objects.filter(locale=locale), partner_queryset(locale)):
        ours, theirs = _both(backend, query, queryset)
        assert ours == theirs


def test_the_cases_find_something(search_site_data):
    """The comparison above is not of empty lists."""
    found = 0
    for language, words in CASES:
        backend = get_search_backend(backend_alias(language))
        query = clean_query(words)
        found += len(_both(backend, query, Page.objects.filter(locale=locale_for(language)))[0])
        found += len(_both(backend, query, Partner.objects.filter(locale=locale_for(language)))[0])
    assert found >= 10
