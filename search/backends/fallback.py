"""Admin searches when the search engine cannot be reached: the database answers instead.

With Elasticsearch configured, the router (`search.backends.router`) sends every admin search
(pages, snippets, documents, images, choosers) to it. When the cluster does not answer
(refused, timed out, or an error of its own), the same query runs on
`modelsearch.backends.database.fallback`: substring matches on the model's searchable fields,
in the database, without any index. Slower and without relevance or stemming, but the editor
gets results instead of a 500, and a warning is logged. The site search does not come here:
it answers 503 (`search.views`).
"""

import logging

from modelsearch.backends.base import BaseSearchResults
from modelsearch.backends.database.fallback import DatabaseSearchBackend

__all__ = ["FallbackSearchResults", "database_search", "is_search_engine_error"]

logger = logging.getLogger("search.fallback")


#: The client packages whose errors mean "the search engine did not answer": refused, timed
#: out, or an error of the cluster's own. Recognised by their package rather than imported,
#: since the Elasticsearch client is an optional extra (`pip install .[elasticsearch]`).
SEARCH_ENGINE_PACKAGES = frozenset({"elasticsearch", "elastic_transport", "opensearchpy"})


def is_search_engine_error(error):
    """Whether an exception was raised by the search engine's client."""
    return any(
        cls.__module__.split(".")[0] in SEARCH_ENGINE_PACKAGES for cls in type(error).__mro__
    )


_database_backend = None


def database_search(method, query, queryset, error, **kwargs):
    """The same search run in the database, logged as a fallback."""
    global _database_backend  # noqa: PLW0603 - one stateless backend per process
    if _database_backend is None:
        _database_backend = DatabaseSearchBackend({})
    logger.warning(
        "Search engine unavailable (%s); %s of %s answered from the database",
        type(error).__name__,
        method,
        queryset.model._meta.label,
    )
    return getattr(_database_backend, method)(query, queryset, **kwargs)


class FallbackSearchResults(BaseSearchResults):
    """The results of a search engine, or of the database when the engine fails on reading.

    Search results are lazy: the engine is asked only when the admin counts or slices them,
    after the router has returned; so the fallback has to wait there too."""

    def __init__(self, primary, fallback):
        super().__init__(primary.backend, primary.query_compiler, primary.prefetch_related)
        self.primary = primary
        self.fallback = fallback  # a function of the error: the database's results
        self.supports_facet = primary.supports_facet

    def _clone(self):
        new = type(self)(self.primary, self.fallback)
        new.start, new.stop, new._score_field = self.start, self.stop, self._score_field
        return new

    def _shaped(self, results):
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _do_search(self):
        try:
            return list(self._shaped(self.primary))
        except Exception as error:
            if not is_search_engine_error(error):
                raise
            return list(self._shaped(self.fallback(error)))

    def _do_count(self):
        try:
            return self._shaped(self.primary).count()
        except Exception as error:
            if not is_search_engine_error(error):
                raise
            return self._shaped(self.fallback(error)).count()

    def facet(self, field_name):
        try:
            return self.primary.facet(field_name)
        except Exception as error:
            if not is_search_engine_error(error):
                raise
            return self.fallback(error).facet(field_name)
