"""The PostgreSQL backend of one language.

Documents and queries are analysed in Python (`search.analysis`: normalisation, accent
folding, Arabic prefixes, Chinese bigrams and the current Snowball stemmer of the language),
exactly as on SQLite; PostgreSQL stores the terms in the index table's tsvectors (GIN
indexes), matches and ranks them, with the ``partnerhub_simple`` text-search configuration
(``unaccent`` and no stemming, created by this app's migrations).

A visitor's last word is also matched as a prefix (`Prefix`: ``'cyber':*``) in the stemmed
title and body and in the unstemmed words of the autocomplete column, so that a word typed
past its stem (``organizat``) still meets the titles that hold it.

Why not PostgreSQL's own stemmers: PostgreSQL 15 ships an older Snowball whose Spanish
stemmer reads unaccented endings differently (``telecomunicación`` is stemmed
``telecomunicacion`` but ``telecomunicaciones`` ``telecomun``), so singular and plural, or a
query typed without accents, would not meet; and both databases would disagree.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.db.models.sql.subqueries import InsertQuery
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import AutocompleteField
from modelsearch.query import And, Boost, Not, Or, PlainText
from modelsearch.utils import get_content_type_pk

from ..analysis import autocomplete_terms, index_terms
from .base import LanguageBackendMixin, OnePassIndexer, Prefix, has_prefix

__all__ = ["PostgresLanguageSearchBackend"]

# Lower-cases and folds accents, no stemming, no stop words: the terms come analysed.
TEXT_SEARCH_CONFIG = "partnerhub_simple"


class LanguageObjectIndexer(OnePassIndexer, ObjectIndexer):
    """Extracts an object's text as the search terms of the backend's language: stemmed
    for the body and title, unstemmed words for autocomplete; each field's value analysed
    once (a related object's value too: it used to be analysed again with the field that
    holds it, its stems stemmed a second time)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = backend.language

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(self.prepare_value(item) for item in value)
        if isinstance(value, dict):
            return ", ".join(self.prepare_value(item) for item in value.values())
        return force_str(value)

    def analyse(self, item):
        current_field, weight, value = item
        if isinstance(current_field, AutocompleteField):
            terms = autocomplete_terms(value, self.language)
        else:
            terms = index_terms(value, self.language)
        return current_field, weight, " ".join(terms)


class LanguagePostgresIndex(PostgresIndex):
    """The shared index table, written only with the objects of the backend's language."""

    def add_items(self, model, objs):
        objs = self.backend.objects_of_language(objs)
        if not objs or not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            vectors = []
            row_params = [content_type_pk, indexer.id]
            for field_name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(field_name), getattr(indexer, field_name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                row_params.extend(value_params)
            row_params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
            params.extend(row_params)

        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608
                "title_norm, title_text, body_text) "
                f"(VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()

    def delete_item(self, item):
        if self.backend.holds(item):
            super().delete_item(item)


def _lexeme(word, *, invert=False, prefix=False):
    """One lexeme of a tsquery's text, quoted as modelsearch's `Lexeme` quotes it."""
    text = "'{}'".format(word.replace("'", "''").replace("\\", "\\\\"))
    if prefix:
        text += ":*"
    return f"!{text}" if invert else text


class LanguagePostgresQueryCompiler(PostgresSearchQueryCompiler):
    """modelsearch's compiler, with `Prefix` (``'word':*``), one rank for the whole query,
    and the whole query as one tsquery.

    modelsearch builds a tsquery as a tree of one `to_tsquery()` per word, joined by ``&&``
    and ``||``, and repeats it in the filter and in the rank of each column: for a reading of
    three words with their other forms, some 60 expressions, which Django resolves, hashes
    and compiles again for each query (about 40 % of a search's CPU at ten times the demo).
    Here a query of words, prefixes, and/or/not is written as the text of one
    ``to_tsquery(config, '(''w1'' | ''w2'') & ''w3'':*')``, the same tsquery PostgreSQL
    builds from the tree; a phrase falls back to modelsearch's tree."""

    def build_tsquery(self, query, config=None):
        text = self._tsquery_text(query)
        if text is None:
            return super().build_tsquery(query, config=config)
        return SearchQuery(text, search_type="raw", config=config)

    def _tsquery_text(self, query, invert=False):
        """The tsquery text of `query` (None when it holds what only the tree can say)."""
        if isinstance(query, Prefix):
            return _lexeme(query.word, invert=invert, prefix=True)
        if isinstance(query, PlainText):
            terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
            if not terms:
                return None
            last = _lexeme(terms.pop(), invert=invert, prefix=self.LAST_TERM_IS_PREFIX)
            lexemes = [_lexeme(term, invert=invert) for term in terms] + [last]
            # As modelsearch: the words of an inverted text keep their operator.
            return self._joined(lexemes, query.operator == "and")
        if isinstance(query, Boost):
            return self._tsquery_text(query.subquery, invert=invert)
        if isinstance(query, Not):
            return self._tsquery_text(query.subquery, invert=not invert)
        if isinstance(query, (And, Or)):
            parts = [self._tsquery_text(sub, invert=invert) for sub in query.subqueries]
            if not parts or any(part is None for part in parts):
                return None
            # De Morgan, as modelsearch: an inverted part swaps the operator.
            return self._joined(parts, isinstance(query, And) != invert)
        return None

    #: The rank's annotation when the caller asks for no score of its own.
    RANK_ANNOTATION = "_search_rank_"

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        """As modelsearch, but ordered by the rank's annotation rather than by the rank
        expression itself, which Django would resolve and compile once more for the ORDER BY
        (and hash against the selected columns)."""
        if not self.order_by_relevance:
            return super()._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )
        name = score_field or self.RANK_ANNOTATION
        queryset = queryset.annotate(**{name: rank_expression}).order_by(f"-{name}", "-pk")
        return queryset[start:stop]

    @staticmethod
    def _joined(parts, is_and):
        if len(parts) == 1:
            return parts[0]
        return "(" + (" & " if is_and else " | ").join(parts) + ")"

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Prefix):
            lexeme = Lexeme(query.word, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Boost):
            boost *= query.boost
            return self.build_tsrank(vector, query.subquery, config=config, boost=boost)
        if isinstance(query, (Prefix, And, Or)):
            # ts_rank of the whole query, rather than modelsearch's products and means of the
            # ranks of its parts, which a word's other forms would dilute.
            tsquery = self.build_tsquery(query, config=config)
            rank = SearchRank(vector, tsquery, weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self, search_query):
        vectors = super().get_index_vectors(search_query)
        if has_prefix(self.query):
            # A prefix also meets the unstemmed words of the titles and names.
            vectors.append((F("index_entries__autocomplete"), 1.0))
        return vectors


class PostgresLanguageSearchBackend(LanguageBackendMixin, PostgresSearchBackend):
    """PostgreSQL full-text search with the configuration of one language."""

    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler
    stems_query = True

    def __init__(self, params):
        super().__init__(params)
        self.config = TEXT_SEARCH_CONFIG
        self.autocomplete_config = TEXT_SEARCH_CONFIG
        # The whole index is rebuilt once through the "default" alias (see router.py), not
        # once per language: `update_index` skips backends without a rebuilder.
        self.rebuilder_class = None
