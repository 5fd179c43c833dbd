"""The anonymous page cache, with exact invalidation.

Public pages (Wagtail's pages and the public views that opt in) are kept in Django's
default cache (Redis in production, shared by every process; local memory otherwise) and
served from it to visitors who are not signed in: see `middleware`.

Exact invalidation by dependency tags (`versions`): while a page renders, what it shows is
recorded on the request as tags (`page_tags` for a page: its tree path and those of its
ancestors, `menu`, `site`, and what its type declared with `register_page_tags`; views add
theirs with `cacheable` or `depends_on`). The stored page keeps the version of each tag it
was built with, and a lookup compares them with the current versions in one `get_many`. A
change bumps the versions of its tags (`bump`): the signal handlers of cms.publishing
(page published, unpublished, moved, deleted; snippets and vocabularies saved or deleted;
view restrictions; imports) know which. Nothing else is deleted: an entry whose tag changed
is simply never used again and expires. A page that shows none of the changed tags stays
cached.

The same versions keep the product's other cached values right (`cached_value`: the home
page's figures, the open-data files).

Settings: PAGE_CACHE_ENABLED, PAGE_CACHE_MAX_AGE (browsers), PAGE_CACHE_S_MAXAGE (shared
caches, CDN), PAGE_CACHE_TIMEOUT (the entry's lifetime in the cache), PAGE_CACHE_CLOCK_SKEW_MS.
"""

from .middleware import (
    HIT_HEADER,
    PageCacheMiddleware,
    PublicGZipMiddleware,
    cacheable,
    fragment,
    register_fragment,
)
from .pages import mark_cacheable, page_tags, path_tags, register_page_tags
from .versions import (
    EVERYTHING,
    bump,
    bump_everything,
    cached_value,
    current,
    depends_on,
    recorded_tags,
    versions,
    versions_read_once,
)

__all__ = [
    "EVERYTHING",
    "HIT_HEADER",
    "PageCacheMiddleware",
    "PublicGZipMiddleware",
    "bump",
    "bump_everything",
    "cacheable",
    "cached_value",
    "current",
    "depends_on",
    "fragment",
    "mark_cacheable",
    "page_tags",
    "path_tags",
    "recorded_tags",
    "register_fragment",
    "register_page_tags",
    "versions",
    "versions_read_once",
]
