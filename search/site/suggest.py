"""Suggestions as the visitor types: titles and partner names that begin with what is typed;
when none does, the pages whose text holds it (its last word as the beginning of a word:
``cybe`` suggests the pages on cybersecurity).

Suggestions start at MIN_SUGGEST_LENGTH characters (three: fewer would match half the
dictionary), or two when Chinese characters are typed, a Chinese word being mostly two.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.pages.models import OpportunityPage

from ..analysis import HAN_RUN_RE, SOURCE_LANGUAGE
from .engine import (
    merge_partners,
    public_partners,
    run,
    search_partners,
    search_partners_by_english_name,
)
from .query import plain_words
from .results import OPPORTUNITY, PAGE, PARTNER, TYPES
from .scope import SearchScope, backend_alias

__all__ = ["MIN_SUGGEST_LENGTH", "SUGGESTION_LIMIT", "suggest"]

SUGGESTION_LIMIT = 8
MIN_SUGGEST_LENGTH = 3
MIN_SUGGEST_LENGTH_HAN = 2


def long_enough(query):
    """Whether enough is typed to suggest anything."""
    minimum = MIN_SUGGEST_LENGTH_HAN if HAN_RUN_RE.search(query) else MIN_SUGGEST_LENGTH
    return len(query.strip()) >= minimum and bool(plain_words(query))


def suggest(query, language_code, request=None, limit=SUGGESTION_LIMIT):
    """Up to `limit` titles that begin with what the visitor is typing (or, when none does,
    of the pages whose text holds it), with their address and type: opportunities, then
    partners, then other pages. Raises SearchUnavailable."""
    if not long_enough(query):
        return []
    scope = SearchScope(language_code, request)
    locale = scope.locale
    if locale is None:
        return []
    alias = backend_alias(language_code)
    if scope.public_q is None:
        return []
    queryset = scope.public(Page.objects.filter(locale=locale))

    def pages_call(q):
        return list(queryset.autocomplete(q, backend=alias)[: limit * 2])

    pages = run("page suggestions", pages_call, query)
    suggestions = {OPPORTUNITY: [], PAGE: [], PARTNER: []}
    _add_pages(suggestions, pages, request)

    links = scope.profile_links
    if links.base_url:
        rows = search_partners("autocomplete", locale, query, alias, limit=limit)
        if language_code != SOURCE_LANGUAGE:
            # By their English name or acronym too, shown in the visitor's language.
            rows = merge_partners(
                rows,
                search_partners_by_english_name(locale, query, limit, method="autocomplete"),
            )[:limit]
        urls = public_partners(rows, links, None)
        suggestions[PARTNER] = [
            {"title": row.name, "url": urls[row.pk], "type": PARTNER}
            for row in rows
            if row.pk in urls
        ]
    if not any(suggestions.values()):
        # No title nor name begins with it: the pages whose text holds the words, the last
        # one begun ("cybe" suggests the pages on cybersecurity), as the search reads them.
        def text_call(q):
            return list(queryset.search(q, backend=alias)[: limit * 2])

        _add_pages(suggestions, run("page suggestions by text", text_call, query), request)
    return _share(suggestions, limit)


def _add_pages(suggestions, pages, request):
    """Add the pages that have an address to the suggestions of their type."""
    opportunity_type = ContentType.objects.get_for_model(OpportunityPage).pk
    for page in pages:
        url = page.get_url(request)
        if url:
            kind = OPPORTUNITY if page.content_type_id == opportunity_type else PAGE
            suggestions[kind].append({"title": page.title, "url": url, "type": kind})


def _share(groups, limit):
    """At most `limit` items of `groups` ({type: items}), taken in turn from each type so
    that one type cannot crowd out the others, listed type after type."""
    taken = dict.fromkeys(TYPES, 0)
    remaining = limit
    while remaining > 0 and any(taken[kind] < len(groups[kind]) for kind in TYPES):
        for kind in TYPES:
            if remaining > 0 and taken[kind] < len(groups[kind]):
                taken[kind] += 1
                remaining -= 1
    return [item for kind in TYPES for item in groups[kind][: taken[kind]]]
