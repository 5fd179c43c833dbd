"""The tags a page's response depends on: its place in the tree and what its type shows.

Every page depends on `site`, `menu` and one `path:` tag for itself and each ancestor below
the tree's root (`path:00010002`, `path:000100020005`, ...): the tree path of a page is in
the page row already loaded, so the tags cost no query. A change of a page bumps the `path:`
tag of every translation of it, which reaches the page in every language (its switcher and
hreflang list the others) and, by prefix, every page below it (their breadcrumbs and
addresses). What a page type shows beyond its tree (listings of other pages, snippets,
figures) is declared by the app that knows, with `register_page_tags`.
"""

__all__ = ["mark_cacheable", "page_tags", "path_tags", "register_page_tags"]

#: {"app_label.modelname": {tags}} of page types (their subclasses inherit them).
_type_tags = {}
#: Characters of one step of a Wagtail tree path (treebeard's steplen).
STEP = 4


def register_page_tags(model_label, *tags):
    """Declare that pages of `model_label` ("pages.homepage") show what `tags` name."""
    _type_tags.setdefault(model_label.lower(), set()).update(tags)


def path_tags(path):
    """`path:` tags of a tree path and of each of its ancestors' paths below the root."""
    return {f"path:{path[:end]}" for end in range(2 * STEP, len(path) + 1, STEP)}


def page_tags(page):
    """Every tag the page's response depends on."""
    tags = {"site", "menu", *path_tags(page.path)}
    for cls in type(page).__mro__:
        meta = getattr(cls, "_meta", None)
        if meta is not None and not meta.abstract:
            tags.update(_type_tags.get(meta.label_lower, ()))
    return tags


def mark_cacheable(request, *tags):
    """Say that the response to this request may be kept for anonymous visitors, and what it
    depends on (cms.core.page_cache.middleware stores it)."""
    from .versions import depends_on

    request._page_cache_cacheable = True
    depends_on(request, *tags)
