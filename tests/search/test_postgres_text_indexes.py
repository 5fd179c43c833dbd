"""The searches of the site are served by the GIN indexes of search/migrations/0006 on
PostgreSQL: the text a search matches (``title || body``, with ``autocomplete`` when its last
word is begun) must be the very expression indexed, or PostgreSQL computes the match for every
entry of the searched type (5 ms of each partner search at ten times the demo). A change of
the backend's expression would silently lose the index; this test sees it.

PostgreSQL only (SQLite searches its own full-text table).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from search.site import clean_query, search_site

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's text indexes"
)

INDEXES = ("partnerhub_indexentry_text_gin", "partnerhub_indexentry_prefix_text_gin")


def indexed_expressions():
    """{expression: index} of the text indexes, as PostgreSQL writes the expressions."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid, 1, true) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ANY(%s)",
            [list(INDEXES)],
        )
        return {expression: name for name, expression in cursor.fetchall()}


def matched_expressions(language, raw):
    """The text expressions the queries of a site search match (``<expression> @@ query``),
    as PostgreSQL writes them in their plans."""
    with translation.override(language), CaptureQueriesContext(connection) as captured:
        search_site(clean_query(raw), language)
    queries = [
        q["sql"] for q in captured.captured_queries if "wagtailsearch_indexentry" in q["sql"]
    ]
    assert queries
    expressions = []
    with connection.cursor() as cursor:
        for sql in queries:
            cursor.execute("EXPLAIN " + sql)
            for (line,) in cursor.fetchall():
                expressions += _matched(line)
    return expressions


def _matched(line):
    """The expressions matched (``<expression> @@ ...``) in a line of a plan: for each `@@`,
    the parenthesised expression just before it (a condition may hold others beside it)."""
    found = []
    position = line.find(" @@ ")
    while position != -1:
        end, depth, start = position, 0, None
        for index in range(end - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(line[index], 0)
            if depth == 0:
                start = index
                break
        if start is not None:
            found.append(line[start:end])
        position = line.find(" @@ ", position + 1)
    return found


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "partnerships"),
        ("fr", "partenariat numériq"),  # the last word begun
        ("ar", "الشراكة"),
        ("zh-hans", "合作伙伴"),
    ],
)
def test_every_text_a_search_matches_is_indexed(pages, partners, language, query):
    indexed = indexed_expressions()
    assert set(indexed.values()) == set(INDEXES)
    expressions = matched_expressions(language, query)
    # Opportunities and other pages are matched by one query (partners by their own, under a
    # directory: this corpus has none).
    assert expressions
    for expression in expressions:
        assert expression in indexed, (expression, indexed)
