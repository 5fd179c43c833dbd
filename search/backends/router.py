"""The "default" search backend: routes each search to the language backends.

Wagtail's admin (page explorer, snippet listings, choosers) and any code that calls
``.search(q)`` without a backend use the "default" alias. It holds no index of its own:

- a queryset filtered on one locale is searched by that language's backend, with its
  analysis and its relevance order;
- any other queryset is searched by every language backend, each on the objects of its own
  locale with its own analysis, and the matches are merged, so that an officer typing a
  partner's name in Arabic, or an acronym, finds it whatever the listing shows;
- objects without a locale (agreements, images, documents) are searched by the English
  backend.

On the databases, all languages share one index table, which ``update_index`` rebuilds once
through this backend: each object is written once, by the backend of its own language (the
language backends have no rebuilder of their own, so the stock command does not index every
object six times). With Elasticsearch, each language backend rebuilds its own indexes.
"""

from collections import OrderedDict, defaultdict

from django.db.models import Count, Q, QuerySet
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchResults,
    EmptySearchResults,
)
from modelsearch.index import class_is_indexed, get_indexed_models

from ..analysis import LANGUAGE_CODES, SOURCE_LANGUAGE
from .base import (
    cached_locale_languages,
    clear_locale_cache,
    filtered_locale_ids,
    has_locale,
    language_of,
    locale_languages,
)
from .fallback import FallbackSearchResults, database_search, is_search_engine_error

__all__ = ["RouterSearchBackend"]

# With Elasticsearch, the matches of each language are fetched as primary keys, at most this many.
MAX_MERGED_MATCHES = 1000


class _Merged:
    """The part of a query compiler that search results read: the queryset."""

    def __init__(self, queryset):
        self.queryset = queryset


class MergedSearchResults(BaseSearchResults):
    """The objects matched by several language backends, in the queryset's own order."""

    supports_facet = True

    def _ordered(self):
        queryset = self.query_compiler.queryset
        if not queryset.query.order_by and not queryset.model._meta.ordering:
            queryset = queryset.order_by("-pk")
        return queryset

    def _do_search(self):
        results = list(self._ordered()[self.start : self.stop])
        if self._score_field:
            for obj in results:
                setattr(obj, self._score_field, None)
        return results

    def _do_count(self):
        queryset = self.query_compiler.queryset
        count = queryset.count() - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def facet(self, field_name):
        rows = (
            self.query_compiler.queryset.order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)


class RouterIndex(BaseIndex):
    """Writes each object into the index of its own language backend."""

    def get_key(self):
        return "six-languages"

    def add_model(self, model):
        pass

    def refresh(self):
        pass

    def reset(self):
        for language in self.backend.languages:
            self.backend.language_backend(language).reset_indexes()

    def add_item(self, obj):
        self.add_items(type(obj), [obj])

    def add_items(self, model, objs):
        languages = locale_languages() if has_locale(model) else {}
        by_language = defaultdict(list)
        for obj in objs:
            by_language[language_of(obj, languages)].append(obj)
        for language, group in by_language.items():
            if language in self.backend.languages:
                self.backend.language_backend(language).add_bulk(model, group)

    def delete_item(self, item):
        self.backend.language_backend(language_of(item)).delete(item)

    # Used by the database rebuilder: the language backends share one table.
    def delete_stale_entries(self):
        self.backend.language_backend(SOURCE_LANGUAGE).get_index_for_model(
            get_indexed_models()[0]
        ).delete_stale_entries()

    def refresh_title_norms(self):
        index = self.backend.language_backend(SOURCE_LANGUAGE).get_index_for_model(
            get_indexed_models()[0]
        )
        index._refresh_title_norms(full=True)


class RouterDatabaseRebuilder:
    """Rebuilds the shared database index: stale rows out, every object written once."""

    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.delete_stale_entries()
        return self.index

    def finish(self):
        self.index.refresh_title_norms()


class RouterSearchBackend(BaseSearchBackend):
    """Routes searches and writes to the backend of each language (see the module's text).

    Settings parameters: ``ALIASES``, {language code: alias of its backend}; and
    ``DATABASE``, true when the language backends are database backends, whose shared index
    this backend rebuilds.
    """

    index_class = RouterIndex

    def __init__(self, params):
        super().__init__(params)
        self.aliases = dict(params.get("ALIASES") or {code: code for code in LANGUAGE_CODES})
        self.languages = tuple(self.aliases)
        self.rebuilder_class = RouterDatabaseRebuilder if params.get("DATABASE", True) else None
        self._backends = {}

    def language_backend(self, language_code):
        """The backend of a language (the source language's for any other language)."""
        alias = self.aliases.get(language_code, self.aliases[SOURCE_LANGUAGE])
        if alias not in self._backends:
            self._backends[alias] = get_search_backend(alias)
        return self._backends[alias]

    def get_index_for_model(self, model):
        return RouterIndex(self)

    def add(self, obj):
        self.language_backend(language_of(obj)).add(obj)

    def add_bulk(self, model, obj_list):
        RouterIndex(self).add_items(model, obj_list)

    def delete(self, obj):
        self.language_backend(language_of(obj)).delete(obj)

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        return self._route("search", query, model_or_queryset, fields, operator, order_by_relevance)

    def autocomplete(
        self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True
    ):
        return self._route(
            "autocomplete", query, model_or_queryset, fields, operator, order_by_relevance
        )

    def _route(self, method, query, model_or_queryset, fields, operator, order_by_relevance):
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, QuerySet)
            else model_or_queryset._default_manager.all()
        )
        if not class_is_indexed(queryset.model):
            return EmptySearchResults()
        if self.rebuilder_class is not None:  # database backends: nothing to fall back from
            return self._route_to_languages(
                method, query, queryset, fields, operator, order_by_relevance
            )

        # A search engine: when it cannot answer, the database does (search/backends/fallback.py).
        def fallback(error):
            return database_search(
                method,
                query,
                queryset,
                error,
                fields=fields,
                operator=operator,
                order_by_relevance=order_by_relevance,
            )

        try:
            results = self._route_to_languages(
                method, query, queryset, fields, operator, order_by_relevance
            )
        except Exception as error:
            if not is_search_engine_error(error):
                raise
            return fallback(error)
        if isinstance(results, EmptySearchResults | MergedSearchResults):
            return results  # already read from the engine, or from the database only
        return FallbackSearchResults(results, fallback)

    def _route_to_languages(self, method, query, queryset, fields, operator, order_by_relevance):
        kwargs = {"fields": fields, "operator": operator}

        if not has_locale(queryset.model):
            backend = self.language_backend(SOURCE_LANGUAGE)
            return getattr(backend, method)(
                query, queryset, order_by_relevance=order_by_relevance, **kwargs
            )

        languages = self.languages
        locale_ids = filtered_locale_ids(queryset)
        if locale_ids is not None:
            all_languages = cached_locale_languages()
            if not locale_ids <= all_languages.keys():
                # A locale added by another process since the list was kept.
                clear_locale_cache()
                all_languages = cached_locale_languages()
            languages = {all_languages[pk] for pk in locale_ids if pk in all_languages}
            languages = [code for code in self.languages if code in languages]
            if len(languages) == 1:
                backend = self.language_backend(languages[0])
                return getattr(backend, method)(
                    query, queryset, order_by_relevance=order_by_relevance, **kwargs
                )

        condition = Q()
        matched = False
        for language in languages:
            backend = self.language_backend(language)
            results = getattr(backend, method)(query, queryset, order_by_relevance=False, **kwargs)
            if isinstance(results, EmptySearchResults):
                continue
            matched = True
            if hasattr(results, "get_queryset"):
                condition |= Q(pk__in=results.get_queryset().values("pk"))
            else:
                condition |= Q(pk__in=[obj.pk for obj in results[:MAX_MERGED_MATCHES]])
        if not matched:
            return EmptySearchResults()
        return MergedSearchResults(self, _Merged(queryset.filter(condition)))


SearchBackend = RouterSearchBackend
