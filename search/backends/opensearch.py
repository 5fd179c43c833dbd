"""The OpenSearch backend of one language (``SEARCH_ENGINE=opensearch2`` or ``opensearch3``).

The same analysis, mappings and per-language indexes as on Elasticsearch
(`search.backends.engine`), on modelsearch's OpenSearch backend. That backend is written for
opensearch-py 3, which speaks to OpenSearch 2.x and 3.x servers alike, so one class serves
both: the development and CI node (`make opensearch`) is OpenSearch 2.19.
"""

from modelsearch.backends.opensearch3 import (
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .engine import (
    LanguageEngineBackendMixin,
    LanguageIndexMixin,
    LanguageMappingMixin,
    LanguageQueryCompilerMixin,
)
from .engine import language_mapping_class as _language_mapping_class

__all__ = ["LanguageMapping", "OpenSearchLanguageSearchBackend", "language_mapping_class"]


class LanguageMapping(LanguageMappingMixin, OpenSearch3Mapping):
    """A model's OpenSearch mapping whose text fields use the analyzers of `language`."""


def language_mapping_class(language_code):
    """The OpenSearch mapping class of a language."""
    return _language_mapping_class(language_code, LanguageMapping)


class LanguageOpenSearchIndex(LanguageIndexMixin, OpenSearch3Index):
    """An OpenSearch index of one language: only objects of that language are written."""


class LanguageOpenSearchQueryCompiler(LanguageQueryCompilerMixin, OpenSearch3SearchQueryCompiler):
    """The engine's query compiler, with the word being typed matched as a prefix."""


class OpenSearchLanguageSearchBackend(LanguageEngineBackendMixin, OpenSearch3SearchBackend):
    """OpenSearch 2 or 3 with the indexes and analyzers of one language."""

    index_class = LanguageOpenSearchIndex
    language_mapping_base = LanguageMapping
    query_compiler_class = LanguageOpenSearchQueryCompiler


SearchBackend = OpenSearchLanguageSearchBackend
