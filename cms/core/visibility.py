"""Which pages the public may be told about: the rule shared by sitemaps, feeds, hreflang
and OpenGraph."""

import copy

from django.core.exceptions import DisallowedHost
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, Site

from .page_cache import cached_value

__all__ = [
    "TREE_TAGS",
    "find_site",
    "live_homes",
    "private_q",
    "public_pages",
    "public_translations",
    "restricted_sections",
    "site_for_request",
]

#: The page-cache tags of the tree as a whole: bumped by `cms.publishing.page_cache` when any
#: page is published, unpublished, saved live, moved or deleted and when a view restriction
#: changes (`pages:all`), and when a site or a locale changes (`site`). What every page's
#: frame reads of the tree is kept in the shared cache under them.
TREE_TAGS = ("pages:all", "site")


def find_site(request):
    """The Wagtail site serving `request` or None, as `Site.find_for_request` (which it
    fills), kept in the shared cache per host and port until a site or a locale changes
    (the `site` tag, bumped by `cms.publishing.page_cache`): one query less per page."""
    if request is None or hasattr(request, "_wagtail_site"):
        return Site.find_for_request(request)
    try:
        host = request.get_host()  # refuses hosts outside ALLOWED_HOSTS: nothing kept
    except DisallowedHost:
        return Site.find_for_request(request)
    site = cached_value(
        f"site:{host}:{request.get_port()}",
        ["site"],
        lambda: Site._find_for_request(request),
        in_process=True,  # read by every request; a copy is handed out (below)
    )
    request._wagtail_site = copy.copy(site)
    return request._wagtail_site


def site_for_request(request):
    """The Wagtail site serving `request`; the default site without a request or a match."""
    site = find_site(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def restricted_sections():
    """(path, depth) of every page with a view restriction (each covers its page and every
    page under it), from the shared cache until a restriction or a page changes: the same
    rows `Page.objects.private_q()` reads on every call."""
    return cached_value(
        "restricted-sections",
        TREE_TAGS,
        lambda: tuple(
            (restriction.page.path, restriction.page.depth)
            for restriction in PageViewRestriction.objects.select_related("page")
        ),
        in_process=True,  # read by every page and search
    )


def private_q():
    """Wagtail's `Page.objects.private_q()` (the condition of pages inside a view
    restriction), built from `restricted_sections` instead of a query."""
    condition = Q()
    for path, depth in restricted_sections():
        condition |= Q(path__startswith=path) & Q(depth__gte=depth)
    # As Wagtail: no page matches when there is no private section.
    return condition if condition else Q(pk__in=[])


def live_homes(site):
    """{language code: home page} of the live home pages of `site`, in one query.

    With wagtail-localize each language's home page is a sibling of the site's root page
    under the tree's root, not a descendant of it (so `Page.objects.in_site(site)` and
    Wagtail's own sitemap only see English). While a language's home page is a draft, Wagtail
    routes that language from the site's root page: nothing under it is served, so nothing
    under it is public.
    """
    if site is None:
        return {}
    homes = cached_value(
        f"live-homes:{site.pk}",
        TREE_TAGS,
        lambda: _read_live_homes(site),
        in_process=True,  # read by every page and search; copies are handed out
    )
    return {language: copy.copy(home) for language, home in homes.items()}


def _read_live_homes(site):
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    homes = Page.objects.filter(translation_key__in=root_key).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def public_pages(homes, language_code=None, model=Page, private=None):
    """The pages (of type `model`) that anyone may read: live, outside any view restriction
    (a restriction covers its page and every page under it), under one of the live `homes`;
    only those of `language_code` when it is given. `private`: the condition of restricted
    pages when the caller already read it (`Page.objects.private_q()`), else it is read."""
    if language_code is not None:
        homes = {code: home for code, home in homes.items() if code == language_code}
    if not homes:
        return model.objects.none()
    under_homes = Q(pk__in=[])
    for home in homes.values():
        under_homes |= Page.objects.descendant_of_q(home, inclusive=True)
    pages = model.objects.filter(under_homes).live()
    return pages.exclude(private_q() if private is None else private)


def public_translations(translation_keys, homes):
    """The public pages, with their locale, that share one of `translation_keys`: a page and
    its translations, in one query whatever their number."""
    return public_pages(homes).filter(translation_key__in=translation_keys).select_related("locale")
