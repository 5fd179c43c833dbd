"""Parts of a page's context that are the same for every visitor, kept in the shared cache.

A page rendered without the page cache (a signed-in editor, a visitor with a session, a page
just changed) used to read again the lists it shows: the home page's and the index's cards,
an opportunity's terms and material, half of their SQL. What the builders compute from the
page and the database alone (never from the visitor, a form or the session) is kept in the
shared cache under the page's own page-cache tags (`cms.core.page_cache.page_tags`: its
place in the tree, what its type declares it shows) and the tree as a whole
(`cms.core.visibility.TREE_TAGS`: any page published, moved or deleted, any view
restriction, the site), so it changes exactly when the page cache would drop the page, and
more often.

Previews are never cached: their page comes from a draft, with relations in memory.
"""

from django.conf import settings

from cms.core import chrome
from cms.core.page_cache import cached_value, page_tags
from cms.core.visibility import TREE_TAGS

__all__ = ["shared_part"]


def shared_part(page, request, name, compute, variant="", tags=()):
    """`compute()`, a part `name` of `page`'s context, from the shared cache while nothing
    it depends on changed (and `tags`, what it shows beyond what the page's type declares);
    `variant` tells apart the parts of one page that depend on the address (a filter, a
    page of results). A variant of None is never kept (a name typed by a visitor)."""
    serving = chrome.site(request) if request is not None else None
    if (
        serving is None
        or variant is None
        or getattr(request, "is_preview", False)
        or not getattr(page, "live", False)
        or not getattr(page, "pk", None)
    ):
        return compute()
    return cached_value(
        f"part:{name}:{serving.pk}:{page.pk}:{variant}",
        [*page_tags(page), *TREE_TAGS, *tags],
        compute,
        # No longer than a stored page: what no tag follows (a video's embed, fetched from
        # its provider) is never older here than in the page cache.
        timeout=getattr(settings, "PAGE_CACHE_TIMEOUT", 24 * 60 * 60),
    )
