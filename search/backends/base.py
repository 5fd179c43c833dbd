"""What every per-language backend shares: which objects it holds, and how it reads a query.

A language backend holds only the objects of its own locale; objects without a locale (the
agreements archive, images, documents) belong to the source language, English. It reads a
query with its language's analysis, after cutting and cleaning it, so that no operator,
quote or punctuation of a visitor's input ever reaches the database or Elasticsearch.

A search (not an autocompletion, which matches beginnings of words already) is sent as the
query's reading (`search.analysis.read_query`): each word or one of its other forms (joined
to its neighbour, an editors' synonym), and the last word also as the beginning of a word
(`Prefix`), which each backend's compiler turns into its own prefix query (PostgreSQL
``:*``, SQLite FTS5 ``*``, the engines' prefix on the unstemmed analysis). A query without
other forms stays the plain text it was.
"""

import logging
import time

from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.db.models.lookups import Exact, In
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from wagtail.models import Locale

from cms.core.page_cache import bump

from ..analysis import SOURCE_LANGUAGE, normalize_language, query_text, read_query

__all__ = [
    "LOCALE_CACHE_SECONDS",
    "SEARCH_INDEX_TAG",
    "LanguageBackendMixin",
    "OnePassIndexer",
    "Prefix",
    "has_prefix",
    "reading_query",
    "cached_locale_languages",
    "cached_locales",
    "clear_locale_cache",
    "filtered_locale_ids",
    "has_locale",
    "index_changed",
    "language_of",
    "locale_languages",
]

logger = logging.getLogger("search")

#: How long a process keeps the list of locales (the searches read it on every call). A
#: locale saved or deleted in this process clears it at once; in another process (another
#: worker) it is seen at the latest after this many seconds, or at once when a search asks
#: for a language the kept list does not know.
LOCALE_CACHE_SECONDS = 300

_locale_cache = {}

#: The dependency tag of what was read from the search index (cms.core.page_cache): every
#: write to an index bumps it, so that the results kept in the shared cache
#: (search.site.cache) are found again once the background worker has indexed a change.
SEARCH_INDEX_TAG = "search:index"


def index_changed():
    """Mark what was read from the search index out of date."""
    bump(SEARCH_INDEX_TAG)


def has_locale(model):
    """Whether objects of `model` have a locale of their own (pages, translatable snippets)."""
    try:
        model._meta.get_field("locale")
    except FieldDoesNotExist:
        return False
    return True


def locale_languages():
    """{locale id: site language} for every locale, read in one query."""
    return {
        pk: normalize_language(code)
        for pk, code in Locale.objects.values_list("pk", "language_code")
    }


def cached_locales():
    """{language code: Locale} of every locale, read once per process (see
    LOCALE_CACHE_SECONDS) and shared by every search."""
    entry = _locale_cache.get("locales")
    if entry is None or time.monotonic() - entry[0] > LOCALE_CACHE_SECONDS:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        entry = (time.monotonic(), locales)
        _locale_cache["locales"] = entry
    return entry[1]


def cached_locale_languages():
    """{locale id: site language} as `locale_languages()`, from `cached_locales()`."""
    return {locale.pk: normalize_language(code) for code, locale in cached_locales().items()}


def clear_locale_cache():
    """Forget the kept locales: the next search reads them again."""
    _locale_cache.clear()


@receiver(post_save, sender=Locale, dispatch_uid="search_locale_saved")
@receiver(post_delete, sender=Locale, dispatch_uid="search_locale_deleted")
def _locale_changed(**kwargs):
    clear_locale_cache()


def language_of(obj, languages=None):
    """The site language of `obj`: its locale's, or the source language without a locale.

    `languages` is a map from `locale_languages()`, to avoid one query per object.
    """
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return SOURCE_LANGUAGE
    if languages is not None and locale_id in languages:
        return languages[locale_id]
    return normalize_language(obj.locale.language_code)


class Prefix(PlainText):
    """A word matched as the beginning of the words of a document: the normalised, unstemmed
    word the visitor is typing (``cyber`` matches ``cybersecurity`` and its stem).

    A kind of `PlainText`, so that modelsearch's query rewriting (SQLite's normalisation of
    negations) passes it through; each language backend's compiler reads it first."""

    def __init__(self, word):
        super().__init__(word, operator="and")
        self.word = word

    def __repr__(self):
        return f"<Prefix {self.word!r}>"


def has_prefix(query):
    """Whether a modelsearch query holds a `Prefix` (not under a Not)."""
    if isinstance(query, Prefix):
        return True
    if isinstance(query, Boost):
        return has_prefix(query.subquery)
    if isinstance(query, (And, Or)):
        return any(has_prefix(sub) for sub in query.subqueries)
    return False


def reading_query(reading, *, stem, operator="and"):
    """The modelsearch query of a `QueryReading`: its words with their other forms, each
    alternative joined with "or", the words joined with `operator`; the words without other
    forms in one `PlainText`, as before. None when the reading is empty."""
    if not reading:
        return None
    options = reading.stemmed_options() if stem else reading.options
    plain = []
    parts = []
    last = len(reading.words) - 1
    for index, forms in enumerate(options):
        prefix = reading.prefix if index == last else ""
        if len(forms) == 1 and not prefix:
            plain.extend(forms[0])
            continue
        alternatives = [PlainText(" ".join(form), operator="and") for form in forms]
        if prefix:
            alternatives.append(Prefix(prefix))
        parts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if plain:
        parts.insert(0, PlainText(" ".join(plain), operator=operator))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def clean_query(query, language_code, *, stem=False, expand=False, operator="and"):
    """`query` (a string or a modelsearch query) with every plain-text part cut and cleaned;
    None when nothing searchable is left. With `expand` (searches), plain text is sent as its
    reading (`reading_query`); a string's words are then joined with `operator`."""
    if expand and isinstance(query, (str, PlainText)):
        text = query if isinstance(query, str) else query.query_string
        operator = operator if isinstance(query, str) else query.operator
        built = reading_query(read_query(text, language_code), stem=stem, operator=operator)
        if built is None or isinstance(query, str) or query.boost == 1:
            return built
        return Boost(built, query.boost)
    if isinstance(query, str):
        return query_text(query, language_code, stem=stem) or None
    if isinstance(query, PlainText):
        text = query_text(query.query_string, language_code, stem=stem)
        return PlainText(text, operator=query.operator) if text else None
    if isinstance(query, Phrase):
        text = query_text(query.query_string, language_code, stem=stem)
        return Phrase(text) if text else None
    if isinstance(query, Boost):
        subquery = clean_query(query.subquery, language_code, stem=stem, expand=expand)
        return Boost(subquery, query.boost) if subquery is not None else None
    if isinstance(query, Not):
        # What is excluded is excluded as typed: no other forms, no prefix.
        subquery = clean_query(query.subquery, language_code, stem=stem)
        return Not(subquery) if subquery is not None else None
    if isinstance(query, (And, Or)):
        subqueries = [
            clean_query(sub, language_code, stem=stem, expand=expand) for sub in query.subqueries
        ]
        subqueries = [sub for sub in subqueries if sub is not None]
        if not subqueries:
            return None
        return subqueries[0] if len(subqueries) == 1 else type(query)(subqueries)
    if query is None or isinstance(query, MatchAll):
        return query
    return query


def filtered_locale_ids(queryset):
    """The locale ids a queryset is restricted to by a top-level filter, or None."""
    for child in queryset.query.where.children:
        if not isinstance(child, (Exact, In)):
            continue
        target = getattr(child.lhs, "target", None)
        if (
            target is None
            or target.name != "locale"
            or child.lhs.alias != queryset.query.base_table
        ):
            continue
        values = child.rhs if isinstance(child, In) else [child.rhs]
        try:
            return {int(getattr(value, "pk", value)) for value in values}
        except (TypeError, ValueError):
            return None
    return None


def _top_level_locale_ids(queryset):
    return filtered_locale_ids(queryset)


class OnePassIndexer:
    """Reads an object's search fields once per indexing, rather than once per column.

    modelsearch's database indexers build each column (SQLite: title, body, autocomplete;
    PostgreSQL: those and the plain title and body texts) by walking every search field of
    the object again, so each related field's rows were read from the database and every text
    analysed three or five times. Here the walk of each of the object's own fields is kept and
    replayed for the other columns, each value passed once through `analyse()` (which a
    backend overrides to analyse it in its language). Values of related objects reach
    `analyse()` once, with their field, as part of the field that holds them."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            # A related object's field, while walking one of the object's own fields.
            return super().prepare_field(obj, field)
        walked = self.__dict__.setdefault("_walked_fields", {})
        if id(field) not in walked:
            walked[id(field)] = [self.analyse(item) for item in super().prepare_field(obj, field)]
        return iter(walked[id(field)])

    def analyse(self, item):
        """One (field, ..., value) item of a walk, as the columns receive it."""
        return item


class LanguageBackendMixin:
    """Mixed into a modelsearch backend class: one language, its locale's objects only.

    Settings parameter ``LANGUAGE``: the site language code (``"fr"``, ``"zh-hans"`` ...).
    """

    #: Whether the query sent to the engine is already stemmed (SQLite) or stemmed by the
    #: engine itself (PostgreSQL, Elasticsearch).
    stems_query = False

    def __init__(self, params):
        self.language = normalize_language(params.get("LANGUAGE", SOURCE_LANGUAGE))
        self.alias = params.get("ALIAS", self.language)
        super().__init__(params)

    # --- writing -----------------------------------------------------------------------------

    def add(self, obj, record=True):
        """Index `obj` if it is of this language. A backend that must never block editors
        (Elasticsearch) logs a failure and records it for catch-up instead of raising."""
        if not self.holds(obj):
            return
        try:
            super().add(obj)
            index_changed()
        except Exception as error:
            if not (record and self.catch_indexing_errors):
                raise
            from ..pending import record_failure

            record_failure(self.alias, obj, "index", error)

    def delete(self, obj, record=True):
        """Remove `obj` from the index (see `add` for failures)."""
        try:
            holds = self.holds(obj)
        except Exception:  # its locale is gone with it: remove it anyway
            holds = True
        if not holds:
            return
        try:
            super().delete(obj)
            index_changed()
        except Exception as error:
            if not (record and self.catch_indexing_errors):
                raise
            from ..pending import record_failure

            record_failure(self.alias, obj, "delete", error)

    def delete_by_id(self, model, object_id):
        """Remove a deleted object, known only by its model and primary key."""
        self.get_index_for_model(model).delete_item(model(pk=object_id))
        index_changed()

    def add_bulk(self, model, obj_list):
        """Index objects in bulk (a rebuild, an import)."""
        result = super().add_bulk(model, obj_list)
        index_changed()
        return result

    # --- which objects this backend holds ---------------------------------------------------

    def holds(self, obj, languages=None):
        """Whether `obj` is indexed by this backend."""
        try:
            return language_of(obj, languages) == self.language
        except Locale.DoesNotExist:
            return False

    def objects_of_language(self, objs):
        """The objects of `objs` that belong to this backend's language."""
        objs = list(objs)
        if not objs:
            return objs
        if not has_locale(type(objs[0])):
            return objs if self.language == SOURCE_LANGUAGE else []
        languages = locale_languages()
        return [obj for obj in objs if self.holds(obj, languages)]

    def restrict_queryset(self, queryset):
        """`queryset` limited to this language, or None if none of its objects can be."""
        model = queryset.model
        if not has_locale(model):
            return queryset if self.language == SOURCE_LANGUAGE else None
        languages = cached_locale_languages()
        wanted = _top_level_locale_ids(queryset)
        if wanted and not wanted <= languages.keys():
            # A locale added by another process since the list was kept.
            clear_locale_cache()
            languages = cached_locale_languages()
        locale_ids = [pk for pk, language in languages.items() if language == self.language]
        return queryset.filter(locale_id__in=locale_ids)

    # --- searching ---------------------------------------------------------------------------

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, QuerySet)
            else model_or_queryset._default_manager.all()
        )
        queryset = self.restrict_queryset(queryset)
        if queryset is None:
            return EmptySearchResults()
        searching = query_compiler_class is self.query_compiler_class
        stem = self.stems_query and searching
        # Every word is wanted, on the engines as on the databases (whose default it is), unless
        # the caller says otherwise.
        operator = (kwargs.get("operator") or "and").lower()
        query = clean_query(query, self.language, stem=stem, expand=searching, operator=operator)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, queryset, **kwargs)
