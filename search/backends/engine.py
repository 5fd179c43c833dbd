"""What the Elasticsearch and OpenSearch backends of a language share: analysis and mapping.

Each language has its own set of indexes (``INDEX_PREFIX`` per language, e.g.
``partnerhub_fr_wagtailcore_page``) whose text fields are analysed with that language's
analyzers, built from the engines' own filters: English stemming, French elision and light
stemming, Spanish light stemming, Russian stemming (``ё`` read as ``е``), Arabic normalisation
and stemming, and CJK bigrams for Chinese; with ASCII folding of accents everywhere. The same
JSON serves Elasticsearch 9 and OpenSearch 2/3 (OpenSearch's analysis-common module is a fork
of Elasticsearch's). Queries are routed by language (`search.backends.backend_for`), so that
the engine analyses a query with the field's search analyzer, the one of the same language.

Words joined by a hyphen are indexed both apart and as one word (the ``partnerhub_compounds``
character filter, the rule of `search.analysis.index_terms`); a `Prefix` of a query (the word
being typed) becomes a prefix query on the analysed text and a match on the titles' edge
n-grams (`LanguageQueryCompilerMixin`).

`index_settings(language)` and the mapping classes are plain functions of their arguments,
tested without a cluster; the engine modules (`search.backends.elasticsearch`,
`search.backends.opensearch`) mix these classes into modelsearch's backends, so that neither
client library is needed by the other.
"""

import datetime
import decimal
import uuid

from django.db import models
from modelsearch.index import AutocompleteField, SearchField, class_is_indexed
from modelsearch.utils import deep_update

from ..analysis import ARABIC_PREFIXES, normalize_language
from .base import LanguageBackendMixin, Prefix

__all__ = [
    "LanguageEngineBackendMixin",
    "LanguageIndexMixin",
    "LanguageMappingMixin",
    "LanguageQueryCompilerMixin",
    "analyzer_names",
    "index_settings",
    "language_mapping_class",
]

FRENCH_ELISIONS = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

FILTERS = {
    "partnerhub_english_possessive": {"type": "stemmer", "language": "possessive_english"},
    "partnerhub_english_stemmer": {"type": "stemmer", "language": "english"},
    "partnerhub_french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": FRENCH_ELISIONS,
    },
    "partnerhub_french_stemmer": {"type": "stemmer", "language": "light_french"},
    "partnerhub_spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
    "partnerhub_russian_stemmer": {"type": "stemmer", "language": "russian"},
    "partnerhub_arabic_stemmer": {"type": "stemmer", "language": "arabic"},
    "partnerhub_edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
    # The article and its prepositions off the front of an Arabic word, when two letters or
    # more remain: what search.analysis does to a query before it is sent, so that a prefix
    # typed with or without the article meets the words as indexed (the stemmer, which does
    # it for whole words, is not used for prefixes).
    "partnerhub_arabic_article": {
        "type": "pattern_replace",
        "pattern": "^(?:{})(?=..)".format("|".join(ARABIC_PREFIXES)),
        "replacement": "",
    },
}
CHAR_FILTERS = {
    "partnerhub_russian_yo": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]},
    # "e-waste" read as "e waste ewaste": search.analysis.HYPHEN_COMPOUND_RE, in Java's regex.
    "partnerhub_compounds": {
        "type": "pattern_replace",
        "pattern": "([\\p{L}\\p{N}]+)[-\u2010\u2011]([\\p{L}\\p{N}]+)",
        "replacement": "$1 $2 $1$2",
    },
}

# {language: (char filters, token filters before stemming, stemming filters)}
LANGUAGE_CHAINS = {
    "en": ([], ["partnerhub_english_possessive", "lowercase", "asciifolding"],
           ["partnerhub_english_stemmer"]),
    "fr": ([], ["partnerhub_french_elision", "lowercase", "asciifolding"],
           ["partnerhub_french_stemmer"]),
    "es": ([], ["lowercase", "asciifolding"], ["partnerhub_spanish_stemmer"]),
    "ru": (["partnerhub_russian_yo"], ["lowercase", "asciifolding"],
           ["partnerhub_russian_stemmer"]),
    "ar": ([], ["lowercase", "decimal_digit", "arabic_normalization", "asciifolding"],
           ["partnerhub_arabic_stemmer"]),
    "zh-hans": ([], ["cjk_width", "lowercase", "asciifolding"], ["cjk_bigram"]),
}  # fmt: skip
# {language: token filters of the prefix (autocomplete) analyzers only, after the normalizers}
PREFIX_FILTERS = {"ar": ["partnerhub_arabic_article"]}


def analyzer_names(language_code):
    """(full-text analyzer, autocomplete index analyzer, autocomplete search analyzer)."""
    key = language_code.replace("-", "_")
    return (f"partnerhub_{key}", f"partnerhub_{key}_edgengram", f"partnerhub_{key}_autocomplete")


def index_settings(language_code):
    """The ``settings`` (analysis) of every index of a language, merged into modelsearch's."""
    char_filters, normalizers, stemmers = LANGUAGE_CHAINS[language_code]
    text, edgengram, autocomplete = analyzer_names(language_code)
    # Chinese prefixes are typed on the bigrams; other languages on unstemmed words.
    prefix_chain = (
        normalizers
        + PREFIX_FILTERS.get(language_code, [])
        + (stemmers if language_code == "zh-hans" else [])
    )
    # Documents only: queries reach the engine without hyphens (search.analysis.query_text).
    index_char_filters = ["partnerhub_compounds", *char_filters]
    analyzers = {
        text: {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": index_char_filters,
            "filter": normalizers + stemmers,
        },
        edgengram: {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": index_char_filters,
            "filter": [*prefix_chain, "partnerhub_edgengram"],
        },
        autocomplete: {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": char_filters,
            "filter": prefix_chain,
        },
    }
    return {
        "settings": {
            "analysis": {
                "analyzer": analyzers,
                "filter": FILTERS,
                "char_filter": CHAR_FILTERS,
            }
        }
    }


class LanguageMappingMixin:
    """Mixed into an engine's mapping class: text fields use the analyzers of `language`."""

    language = "en"

    @property
    def edgengram_analyzer_config(self):
        _text, edgengram, autocomplete = analyzer_names(self.language)
        return {"analyzer": edgengram, "search_analyzer": autocomplete}

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        self._set_text_analyzer(field, mapping)
        return name, mapping

    def _set_text_analyzer(self, field, mapping):
        explicit = "es_extra" in getattr(field, "kwargs", {}) and (
            "analyzer" in field.kwargs["es_extra"]
        )
        if (
            isinstance(field, SearchField)
            and not isinstance(field, AutocompleteField)
            and mapping.get("type") == "text"
            and not explicit
        ):
            mapping["analyzer"] = analyzer_names(self.language)[0]

    def _clean_value(self, value):
        # A field's own value class (django-countries' Country of `Country.code`) is written
        # as its text, as the database backends index it: the engines' JSON serializers
        # refuse it, and the rebuild stopped at the first country.
        value = super()._clean_value(value)
        if value is None or isinstance(value, _DOCUMENT_VALUE_TYPES):
            return value
        return str(value)

    def get_mapping(self):
        mapping = super().get_mapping()
        text = analyzer_names(self.language)[0]
        for name, field in mapping["properties"].items():
            if name.startswith("_all_text"):
                field["analyzer"] = text
        return mapping


#: Values a document takes as they are: JSON's own, those the engines' serializers convert
#: (dates, decimals, UUIDs), and the related objects and lists modelsearch reads further.
_DOCUMENT_VALUE_TYPES = (
    str,
    int,
    float,
    list,
    tuple,
    dict,
    datetime.date,
    datetime.time,
    decimal.Decimal,
    uuid.UUID,
    models.Model,
    models.Manager,
    models.QuerySet,
)

_MAPPING_CLASSES = {}


def language_mapping_class(language_code, base):
    """The mapping class of a language on an engine (`base`: a class with
    `LanguageMappingMixin` first), made once per language and engine."""
    key = (language_code, base)
    if key not in _MAPPING_CLASSES:
        name = f"{language_code.replace('-', '_').title()}{base.__name__}"
        _MAPPING_CLASSES[key] = type(name, (base,), {"language": language_code})
    return _MAPPING_CLASSES[key]


# What the engines' Arabic normalisation does beyond search.analysis (teh marbuta, alef maksura),
# applied to a prefix, which the engine does not analyse.
ENGINE_PREFIX_FOLDING = str.maketrans({"ة": "ه", "ى": "ي"})


class LanguageQueryCompilerMixin:
    """Mixed into an engine's query compiler: a `Prefix` is the beginning of an indexed term
    of the field (the stems of the full text) or of a title's word (its edge n-grams)."""

    def _compile_query(self, query, field, boost=1.0):
        if isinstance(query, Prefix):
            word = query.word.translate(ENGINE_PREFIX_FOLDING)
            prefix = {"value": word}
            if boost != 1.0 or field.boost != 1:
                prefix["boost"] = boost * field.boost
            return {
                "bool": {
                    "should": [
                        {"prefix": {field.field_name: prefix}},
                        {"match": {"_edgengrams": {"query": word, "boost": boost}}},
                    ]
                }
            }
        return super()._compile_query(query, field, boost)


class LanguageIndexMixin:
    """Mixed into an engine's index class: only objects of the backend's language are written."""

    def add_item(self, item):
        if class_is_indexed(item.__class__) and self.backend.holds(item):
            super().add_item(item)

    def add_items(self, model, items):
        items = self.backend.objects_of_language(items)
        if items:
            super().add_items(model, items)


class LanguageEngineBackendMixin(LanguageBackendMixin):
    """Mixed into an engine's backend class: one language's indexes, analysis and mappings.

    Subclasses set ``language_mapping_base``, the engine's mapping class with
    `LanguageMappingMixin`.
    """

    language_mapping_base = None

    def __init__(self, params):
        params = dict(params)
        language = normalize_language(params.get("LANGUAGE"))
        # The language's analysis first; INDEX_SETTINGS of the configuration may refine it.
        params["INDEX_SETTINGS"] = deep_update(
            index_settings(language), params.get("INDEX_SETTINGS") or {}
        )
        super().__init__(params)
        self.mapping_class = language_mapping_class(self.language, self.language_mapping_base)
