"""Which pages the public may be told about: the rule shared by sitemaps, feeds, hreflang
and OpenGraph."""

from django.db.models import Q
from wagtail.models import Page, Site

__all__ = ["live_homes", "public_pages", "public_translations", "site_for_request"]


def site_for_request(request):
    """The Wagtail site serving `request`; the default site without a request or a match."""
    site = Site.find_for_request(request) if request is not None else None
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


def public_pages(homes, language_code=None, model=Page):
    """The pages (of type `model`) that anyone may read: live, outside any view restriction
    (a restriction covers its page and every page under it), under one of the live `homes`;
    only those of `language_code` when it is given."""
    if language_code is not None:
        homes = {code: home for code, home in homes.items() if code == language_code}
    if not homes:
        return model.objects.none()
    under_homes = Q(pk__in=[])
    for home in homes.values():
        under_homes |= Page.objects.descendant_of_q(home, inclusive=True)
    return model.objects.filter(under_homes).live().public()


def public_translations(translation_keys, homes):
    """The public pages, with their locale, that share one of `translation_keys`: a page and
    its translations, in one query whatever their number."""
    return public_pages(homes).filter(translation_key__in=translation_keys).select_related("locale")
