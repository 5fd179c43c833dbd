"""Search results kept in the shared cache until what they were found in changes.

A search is four or five queries to the backend of the language and as many compiled by the
ORM: at ten times the demo about 40 ms of CPU and 12 ms of database on PostgreSQL, where a
page served from the page cache takes under 1 ms. Visitors search the same words again and
again (the site's themes, the partners' names, the suggestions they click), and the answer
changes only when the site does. So the results of a query (their ids in order, facets,
partner addresses, closest spellings) and the results shown of each page of them (`Hit`s)
are kept in the default cache (Redis in production, shared by every process) with the
versions of what they were built from (`cms.core.page_cache.cached_value`):

- `search:index`: bumped by every write to the search index (search.backends.base), so a
  page or partner indexed again by the background worker after its change is found anew;
- `pages:all`: any page published, unpublished, moved, deleted or put under a view
  restriction, in any language (what is public, the titles ranked, the snippets shown);
- `data:partners` and `data:vocabularies`: the funding partners (found by their English
  name, linked to their profile) and the terms (facets, kinds shown beside a result);
- `site` (locales, sites), the editors' promotions and the synonyms.

The key holds the query, its language and the language of the labels, the facets chosen, the
host and scheme of the request (the addresses of the results) and the day (an open call is
closed from the day after its deadline). Searches that find nothing
are kept too (their closest spellings are the costliest part: about 50 ms); anyone can make up
words, but the rate limit (`limits`) bounds how many an address sends and the entries expire.
With the page cache off (PAGE_CACHE_ENABLED=0, and the tests that count a search's queries) every
search is computed. SEARCH_CACHE_TIMEOUT (seconds, one hour by default) bounds how long an
unused entry stays.
"""

import hashlib
import json

from django.conf import settings
from django.utils import translation

from cms.core.page_cache import cached_value
from cms.pages.timeline import today

from ..backends.base import SEARCH_INDEX_TAG
from ..synonyms import SYNONYMS_TAG
from .promotions import PROMOTIONS_TAG

__all__ = ["SEARCH_TAGS", "cached_hits", "cached_search", "enabled"]

#: What a search's results are built from (see the module's docstring).
SEARCH_TAGS = (
    SEARCH_INDEX_TAG,
    "pages:all",
    "data:partners",
    "data:vocabularies",
    "site",
    PROMOTIONS_TAG,
    SYNONYMS_TAG,
)

#: The fields of `SearchResults` kept; the rest (locale, scope, terms) is rebuilt, cheaply.
KEPT_FIELDS = (
    "ids",
    "partner_urls",
    "partner_languages",
    "area_options",
    "status_options",
    "page_types",
    "ranked",
    "scores",
    "promotions",
    "spellings",
)


def enabled():
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False))


def _timeout():
    return int(getattr(settings, "SEARCH_CACHE_TIMEOUT", 3600))


def _key(kind, *parts, request=None):
    where = ""
    if request is not None:
        where = f"{request.scheme}://{request.get_host()}"
    # The day: an open call reads as closed from the day after its deadline (its status in
    # the facets and beside it), without any change to bump a tag.
    day = today().isoformat()
    raw = json.dumps([where, translation.get_language(), day, *parts], ensure_ascii=False)
    return f"search:{kind}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached_search(results, compute, request, *parts):
    """Fill `results` (a `SearchResults`) by `compute(results)`, or from the cache. `parts`:
    what else the results depend on (query, language, facets)."""
    if not enabled():
        compute(results)
        return results

    def build():
        compute(results)
        return {name: getattr(results, name) for name in KEPT_FIELDS}

    kept = cached_value(
        _key("results", *parts, request=request),
        SEARCH_TAGS,
        build,
        timeout=_timeout(),
    )
    for name, value in kept.items():
        setattr(results, name, value)
    return results


def cached_hits(results, selection, request, compute, variant=""):
    """`compute()`: the `Hit`s of `selection` of `results`, or the same from the cache.
    `variant` tells apart the hits of one selection built differently (`load_hits`)."""
    if not enabled():
        return compute()
    return cached_value(
        _key(
            "hits",
            results.query,
            results.language_code,
            [list(item) for item in selection],
            variant,
            request=request,
        ),
        SEARCH_TAGS,
        compute,
        timeout=_timeout(),
    )
