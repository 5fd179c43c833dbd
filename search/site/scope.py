"""What one search reads of the site, once: the locale of its language, the live home
pages of the site serving the request, the view restrictions, and the partner directory.

The rule of public pages is the site's own (`cms.core.visibility.public_pages`: live,
outside any view restriction, under the live home page of the language), written here as
one condition built from the request's single read of the restrictions (`cms.core.chrome`,
shared with the page's frame), so that every query of a search applies it without reading
them again (Wagtail's `.public()` reads them each time).
"""

import importlib

from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page

from cms.core import chrome
from cms.pages.public_records import ProfileLinks

from ..backends.base import cached_locales, clear_locale_cache

__all__ = ["SearchScope", "backend_alias"]


def backend_alias(language_code):
    """The alias of the search backend of a language, as `search.site.backend_for` gives it
    (looked up on the package, the one place where it may be replaced)."""
    return importlib.import_module("search.site").backend_for(language_code)


def locale_for(language_code):
    """The Locale of a language (None without one), from the locales a process keeps."""
    locale = cached_locales().get(language_code)
    if locale is None:
        # Perhaps added by another process since the list was kept.
        clear_locale_cache()
        locale = cached_locales().get(language_code)
    return locale


class SearchScope:
    """The part of the site one search in `language_code` may show, read once."""

    def __init__(self, language_code, request=None):
        self.language_code = language_code
        self.request = request

    @cached_property
    def locale(self):
        return locale_for(self.language_code)

    @cached_property
    def home(self):
        """The live home page of the language on the site serving the request, or None
        (read once per request with the page's frame: `cms.core.chrome`)."""
        return chrome.live_homes(self.request).get(self.language_code)

    @cached_property
    def private_q(self):
        """The pages under a view restriction, read once per request with the page's frame
        (`cms.core.chrome`)."""
        return chrome.private_sections(self.request)

    @cached_property
    def public_q(self):
        """The condition of the public pages of the language (None: there are none)."""
        if self.home is None:
            return None
        condition = Page.objects.descendant_of_q(self.home, inclusive=True) & Q(live=True)
        return condition & ~self.private_q

    def public(self, queryset):
        """The pages of `queryset` that anyone may read."""
        if self.public_q is None:
            return queryset.none()
        return queryset.filter(self.public_q)

    def readable(self, queryset):
        """The pages of `queryset` that are live and outside any view restriction (the rule
        of a page about to be shown, whose place was checked by the search)."""
        return queryset.filter(live=True).exclude(self.private_q)

    @cached_property
    def profile_links(self):
        """Links to the partner profiles under the language's public partner directory (as
        `ProfileLinks.for_language`, without reading the site again)."""
        from cms.pages.models import PartnerDirectoryPage

        directory = (
            self.public(PartnerDirectoryPage.objects.all()).order_by("path").first()
            if self.public_q is not None
            else None
        )
        return ProfileLinks(directory, self.request)
