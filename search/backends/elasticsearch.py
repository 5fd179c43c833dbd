"""The Elasticsearch 9 backend of one language (``SEARCH_ENGINE=elasticsearch9``).

The analysis, mappings and per-language indexes are those of `search.backends.engine`,
shared with OpenSearch; this module puts them on modelsearch's Elasticsearch 9 backend
(elasticsearch-py 9, which refuses servers that are not Elasticsearch). An outage never blocks
editors (see `LanguageBackendMixin.add`).
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from .engine import (
    LanguageEngineBackendMixin,
    LanguageIndexMixin,
    LanguageMappingMixin,
    LanguageQueryCompilerMixin,
    index_settings,
)
from .engine import language_mapping_class as _language_mapping_class

__all__ = [
    "ElasticsearchLanguageSearchBackend",
    "LanguageMapping",
    "index_settings",
    "language_mapping_class",
]


class LanguageMapping(LanguageMappingMixin, Elasticsearch9Mapping):
    """A model's Elasticsearch 9 mapping whose text fields use the analyzers of `language`."""


def language_mapping_class(language_code):
    """The Elasticsearch 9 mapping class of a language."""
    return _language_mapping_class(language_code, LanguageMapping)


class LanguageElasticsearchIndex(LanguageIndexMixin, Elasticsearch9Index):
    """An Elasticsearch index of one language: only objects of that language are written."""


class LanguageElasticsearchQueryCompiler(
    LanguageQueryCompilerMixin, Elasticsearch9SearchQueryCompiler
):
    """The engine's query compiler, with the word being typed matched as a prefix."""


class ElasticsearchLanguageSearchBackend(LanguageEngineBackendMixin, Elasticsearch9SearchBackend):
    """Elasticsearch 9 with the indexes and analyzers of one language."""

    index_class = LanguageElasticsearchIndex
    language_mapping_base = LanguageMapping
    query_compiler_class = LanguageElasticsearchQueryCompiler


SearchBackend = ElasticsearchLanguageSearchBackend
