"""The SQLite backend of one language.

SQLite's full-text index (FTS5) knows no languages, so the analysis is done in Python
(`search.analysis`): the index holds the stemmed terms of each document, analysed in the
document's language, and a query is analysed the same way in the visitor's language. The
Snowball algorithms are the ones PostgreSQL uses, so both databases find the same documents;
what differs is listed in the README (stop words). A visitor's last word is also matched as a
prefix (`Prefix`: FTS5's ``"cyber"*``), in the stemmed title and body and in the unstemmed
words of the autocomplete column, as on PostgreSQL.
"""

from django.db.models import F
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..analysis import autocomplete_terms, index_terms
from .base import LanguageBackendMixin, OnePassIndexer, Prefix, has_prefix

__all__ = ["SQLiteLanguageSearchBackend"]


class LanguageObjectIndexer(OnePassIndexer, ObjectIndexer):
    """Extracts an object's text as the search terms of the backend's language (each column's
    whole text analysed at once)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = backend.language

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(self.prepare_value(item) for item in value)
        if isinstance(value, dict):
            return ", ".join(self.prepare_value(item) for item in value.values())
        return force_str(value)

    @cached_property
    def title(self):
        return " ".join(index_terms(super().title, self.language))

    @cached_property
    def body(self):
        return " ".join(index_terms(super().body, self.language))

    @cached_property
    def autocomplete(self):
        return " ".join(autocomplete_terms(super().autocomplete, self.language))


class LanguageSQLiteIndex(SQLiteIndex):
    """The shared index table, written only with the objects of the backend's language."""

    def add_items(self, model, objs):
        objs = self.backend.objects_of_language(objs)
        if not objs or not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        data = {}
        for obj in objs:
            indexer = LanguageObjectIndexer(obj, self.backend)
            data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)

        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()

    def delete_item(self, item):
        if self.backend.holds(item):
            super().delete_item(item)


class WeightedBM25(BM25):
    """BM25 rank with the title weighing more than the body, as on PostgreSQL (FTS5's
    columns are autocomplete, body, title; lower is better)."""

    WEIGHTS = (0.0, 1.0, 4.0)

    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in self.WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class LanguageSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if has_prefix(self.query):
            # A prefix also meets the unstemmed words of the titles and names.
            self.FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

    def build_search_query_content(self, query, config=None):
        if isinstance(query, Prefix):
            return SearchQueryExpression(Lexeme(query.word, prefix=True))
        return super().build_search_query_content(query, config=config)

    def get_index_vectors(self):
        # One rank over all columns, weighted by WeightedBM25: multiplying by the title
        # length norm, as modelsearch does, favours short titles that do not even match.
        return [(F("index_entry__title"), 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # FTS5 ranks the whole MATCH expression at once: one bm25 for any query.
        if isinstance(query, Boost):
            boost *= query.boost
            return self.build_tsrank(vector, query.subquery, config=config, boost=boost)
        if isinstance(query, (Phrase, PlainText, Not, And, Or)):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None):
        """As modelsearch, ranked by relevance, but joined from the rows searched to their
        index entries rather than through a subquery.

        modelsearch keeps the rows whose id is among the entries the MATCH finds over the
        whole index (every type, every language), then ranks each row by a correlated
        subquery that runs the MATCH again: for a word common in the partners' mandates, 17
        of a search's 25 ms of CPU on the demo. Here each row searched meets its index entry
        by its type and id, and its full-text row by rowid under the MATCH, whose bm25 ranks
        it: the same rows in the same order (tested), in a fraction of a millisecond. A
        negated query, a query that matches everything and a search without ranking are
        modelsearch's."""
        query = normalize(self.query)
        if (
            not self.order_by_relevance
            or isinstance(query, (MatchAll, Not))
            or score_field is not None
        ):
            return super().search(config, start, stop, score_field)
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        queryset = self.queryset
        compiler = queryset.query.get_compiler(using=queryset.db)
        match_sql, match_params = match.as_sql(compiler, compiler.connection)
        model = queryset.model
        entry_table = IndexEntry._meta.db_table
        fts_table = SQLiteFTSIndexEntry._meta.db_table
        types = get_descendants_content_types_pks(model)
        row = f"{compiler.quote_name_unless_alias(model._meta.db_table)}.{model._meta.pk.column}"
        weights = ", ".join(str(weight) for weight in WeightedBM25.WEIGHTS)
        queryset = queryset.extra(  # noqa: S610 - names from the models, values as parameters
            select={"_score": f"bm25({fts_table}, {weights})"},
            tables=[entry_table, fts_table],
            where=[
                f"{entry_table}.content_type_id IN ({', '.join(['%s'] * len(types))})",
                # The entries' ids are text: compared as text, their index is used.
                f"{entry_table}.object_id = CAST({row} AS TEXT)",
                f"{fts_table}.rowid = {entry_table}.id",
                match_sql,
            ],
            params=[*types, *match_params],
        ).order_by("_score", "-pk")
        return queryset[start:stop]


class SQLiteLanguageSearchBackend(LanguageBackendMixin, SQLiteSearchBackend):
    """SQLite FTS5 search over terms analysed in Python for one language."""

    index_class = LanguageSQLiteIndex
    query_compiler_class = LanguageSQLiteQueryCompiler
    stems_query = True

    def __init__(self, params):
        super().__init__(params)
        # The whole index is rebuilt once through the "default" alias (see router.py).
        self.rebuilder_class = None
