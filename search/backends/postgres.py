"""The PostgreSQL backend of one language.

Documents and queries are analysed in Python (`search.analysis`: normalisation, accent
folding, Arabic prefixes, Chinese bigrams and the current Snowball stemmer of the language),
exactly as on SQLite; PostgreSQL stores the terms in the index table's tsvectors (GIN
indexes), matches and ranks them, with the ``partnerhub_simple`` text-search configuration
(``unaccent`` and no stemming, created by this app's migrations).

Why not PostgreSQL's own stemmers: PostgreSQL 15 ships an older Snowball whose Spanish
stemmer reads unaccented endings differently (``telecomunicación`` is stemmed
``telecomunicacion`` but ``telecomunicaciones`` ``telecomun``), so singular and plural, or a
query typed without accents, would not meet; and both databases would disagree.
"""

from django.db.models.sql.subqueries import InsertQuery
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk

from ..analysis import analyze, autocomplete_terms
from .base import LanguageBackendMixin

__all__ = ["PostgresLanguageSearchBackend"]

# Lower-cases and folds accents, no stemming, no stop words: the terms come analysed.
TEXT_SEARCH_CONFIG = "partnerhub_simple"


class LanguageObjectIndexer(ObjectIndexer):
    """Extracts an object's text as the search terms of the backend's language: stemmed
    for the body and title, unstemmed words for autocomplete."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = backend.language

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(self.prepare_value(item) for item in value)
        if isinstance(value, dict):
            return ", ".join(self.prepare_value(item) for item in value.values())
        return force_str(value)

    def prepare_field(self, obj, field):
        for current_field, weight, value in super().prepare_field(obj, field):
            if isinstance(current_field, AutocompleteField):
                terms = autocomplete_terms(value, self.language)
            else:
                terms = analyze(value, self.language)
            yield current_field, weight, " ".join(terms)


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


class PostgresLanguageSearchBackend(LanguageBackendMixin, PostgresSearchBackend):
    """PostgreSQL full-text search with the configuration of one language."""

    index_class = LanguagePostgresIndex
    stems_query = True

    def __init__(self, params):
        super().__init__(params)
        self.config = TEXT_SEARCH_CONFIG
        self.autocomplete_config = TEXT_SEARCH_CONFIG
        # The whole index is rebuilt once through the "default" alias (see router.py), not
        # once per language: `update_index` skips backends without a rebuilder.
        self.rebuilder_class = None
