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
                if " @@ " in line and ("Filter: (" in line or "Cond: (" in line):
                    expressions.append(line.split(": (", 1)[1].split(" @@ ", 1)[0])
    return expressions


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
    # Opportunities and other pages are each matched (partners too, under a directory).
    assert len(expressions) >= 2
    for expression in expressions:
        assert expression in indexed, (expression, indexed)
