"""Suggestions as the visitor types: titles that begin with what is typed."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.pages.models import OpportunityPage

from ..analysis import SOURCE_LANGUAGE
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
MIN_SUGGEST_LENGTH = 2


def suggest(query, language_code, request=None, limit=SUGGESTION_LIMIT):
    """Up to `limit` titles that begin with what the visitor is typing, with their address
    and type: opportunities, then partners, then other pages. Raises SearchUnavailable."""
    if len(query) < MIN_SUGGEST_LENGTH or not plain_words(query):
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
    opportunity_type = ContentType.objects.get_for_model(OpportunityPage).pk
    suggestions = {OPPORTUNITY: [], PAGE: [], PARTNER: []}
    for page in pages:
        url = page.get_url(request)
        if url:
            kind = OPPORTUNITY if page.content_type_id == opportunity_type else PAGE
            suggestions[kind].append({"title": page.title, "url": url, "type": kind})

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
    return _share(suggestions, limit)


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
