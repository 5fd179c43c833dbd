"""Which pages the public may be told about: the rule shared by sitemaps, feeds, hreflang
and OpenGraph."""

from django.core.exceptions import DisallowedHost
from django.db.models import Q
from wagtail.models import Page, Site

from .page_cache import cached_value

__all__ = ["find_site", "live_homes", "public_pages", "public_translations", "site_for_request"]


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
    request._wagtail_site = cached_value(
        f"site:{host}:{request.get_port()}", ["site"], lambda: Site._find_for_request(request)
    )
    return request._wagtail_site


def site_for_request(request):
    """The Wagtail site serving `request`; the default site without a request or a match."""
    site = find_site(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


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
    return pages.public() if private is None else pages.exclude(private)


def public_translations(translation_keys, homes):
    """The public pages, with their locale, that share one of `translation_keys`: a page and
    its translations, in one query whatever their number."""
    return public_pages(homes).filter(translation_key__in=translation_keys).select_related("locale")
