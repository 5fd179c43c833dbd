"""Searching partnership records and showing their values the way staff read them.

An admin search finds the union of two searches, in the listing's own order:

- fragments, through the ORM (`icontains` on each word): staff look records up by pieces of
  references (``2016/45``), acronyms or former names, which a full-text index splits or
  stems away, and a listing must find a record the moment it is imported, before it is
  indexed;
- the six-language full-text search (`search.backends`), which reads each record with the
  analysis of its own language: stemming (French plurals, Russian cases), accents, the Arabic
  article, prefixes and diacritics, Chinese words inside longer runs of characters.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django_countries import countries
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import class_is_indexed

from search.analysis import MAX_QUERY_CHARS, MAX_QUERY_TERMS
from search.backends import backend_for
from search.backends.router import MergedSearchResults

from ..models import AgreementPartner, Partner

__all__ = [
    "INTERNAL_PERMISSION",
    "PARTNER_NAME_FIELDS",
    "agreements_of_partners_matching",
    "country_codes_matching",
    "full_text_matches",
    "join_names",
    "search_condition",
    "search_records",
]

logger = logging.getLogger("search")

INTERNAL_PERMISSION = "snippets.view_partner_internal"

# The listing takes at most this many matches of the full-text search (about the whole
# archive at ten times the demo's scale); the fragment search has no such limit.
MAX_FULL_TEXT_MATCHES = 10_000


def query_words(query):
    """The distinct words of an admin query, from its first `MAX_QUERY_CHARS` characters and
    at most `MAX_QUERY_TERMS` of them, so that a pasted page of text stays a small query."""
    words = str(query or "")[:MAX_QUERY_CHARS].split()
    return list(dict.fromkeys(words))[:MAX_QUERY_TERMS]


def fragment_condition(model, fields, query):
    """A condition on primary keys: rows of `model` where every word of `query` is found in
    at least one of `fields`; None when the query has no word."""
    words = query_words(query)
    if not words or not fields:
        return None
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    # A subquery on primary keys lists once a record that matches through two related rows.
    return Q(pk__in=model._default_manager.filter(condition).values("pk"))


def full_text_matches(model, query, language_code=None):
    """A condition on primary keys: rows of `model` whose indexed text holds every word of
    `query`, both read with the analysis of a language; None when nothing can match.

    With `language_code`, the query is read in that language and only records of that
    language are searched; without it, by the "default" backend, which reads the records of
    each locale in its own language (and records without a locale, such as agreements, in
    the source language). The matches are read in one query (or one request to the search
    cluster), whatever their number.
    """
    if not class_is_indexed(model):
        return None
    backend = get_search_backend(backend_for(language_code) if language_code else "default")
    # Every word must match, as in the fragment search: one common word ("itu", "2016") must
    # not pull in half of the archive.
    results = backend.search(
        str(query), model._default_manager.order_by(), operator="and", order_by_relevance=False
    )
    if isinstance(results, EmptySearchResults):
        return None
    if hasattr(results, "get_queryset"):  # database backends
        matches = results.get_queryset()
    elif isinstance(results, MergedSearchResults):  # every language's matches
        matches = results.query_compiler.queryset
    else:
        matches = None
    try:
        with transaction.atomic():  # a failed query must not break the request's transaction
            pks = _first_matches(results, matches)
    except Exception:
        # A search cluster that is down must not take the admin listings with it: the
        # fragment search still answers.
        logger.exception("Admin full-text search failed for %s", model._meta.label)
        return None
    return Q(pk__in=pks) if pks else None


def _first_matches(results, matches):
    """The primary keys of the first `MAX_FULL_TEXT_MATCHES` results."""
    # The matches are read first, in one query, and the listing then asks for them by primary
    # key: as a subquery OR-ed with the fragment search, PostgreSQL would run the full-text
    # match once per row (seconds on the whole archive).
    if matches is not None:
        return list(matches.order_by().values_list("pk", flat=True)[:MAX_FULL_TEXT_MATCHES])
    return [obj.pk for obj in results[:MAX_FULL_TEXT_MATCHES]]


def either(*conditions):
    """The conditions that can match, OR-ed; None when none can."""
    found = None
    for condition in conditions:
        if condition is not None:
            found = condition if found is None else found | condition
    return found


def search_condition(model, fields, query, *, full_text=False, language_code=None):
    """A condition on primary keys: rows of `model` that match `query` by fragments of
    `fields` or, with `full_text`, by the analysed full-text search in `language_code`
    (every record in its own language when None); None when nothing can match."""
    return either(
        fragment_condition(model, fields, query),
        full_text_matches(model, query, language_code) if full_text else None,
    )


def search_records(queryset, fields, query, *, full_text=False, language_code=None, also=None):
    """Rows of `queryset` that match `query` (see `search_condition`) or the condition
    `also`, in the queryset's own order.

    Fields may follow relations (`partner_links__partner__name`); a record matching through
    two related rows is listed once.
    """
    condition = either(
        search_condition(
            queryset.model, fields, query, full_text=full_text, language_code=language_code
        ),
        also,
    )
    if condition is None:
        return queryset.none() if query_words(query) else queryset
    return queryset.filter(condition)


#: What a partner is called, in the fields an agreement's search looks through.
PARTNER_NAME_FIELDS = ("name", "acronym", "aliases")


def agreements_of_partners_matching(query):
    """A condition on agreements: those signed with a partner that `query` names, in any
    language; None when no partner can match.

    Agreements point at a partner's English row, while staff may type the name it has in
    Arabic, Russian or Chinese: the partners found (by fragments, or by the full-text search
    reading each row in its own language) stand for every translation of themselves,
    through their `translation_key`. The partners' matches are read in one query (or one
    request to the search cluster) and the rest is a subquery: as many queries for a
    partner with a hundred agreements as for one.
    """
    condition = search_condition(Partner, PARTNER_NAME_FIELDS, query, full_text=True)
    if condition is None:
        return None
    keys = Partner.objects.filter(condition).order_by().values("translation_key")
    signed = AgreementPartner.objects.filter(partner__translation_key__in=keys)
    return Q(pk__in=signed.order_by().values("agreement_id"))


def country_codes_matching(query):
    """ISO codes of the countries whose name, in the active language, or code matches."""
    needle = query.strip().casefold()
    return [
        code for code, name in countries if needle in name.casefold() or needle == code.casefold()
    ]


def join_names(items):
    return ", ".join(str(item) for item in items)
