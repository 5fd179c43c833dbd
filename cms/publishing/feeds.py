"""Atom feeds of new partnership opportunities, one per language.

/feeds/<language>/opportunities.xml lists the public opportunities of that language, newest
first by the date they were first published, so that partners can follow new concepts,
projects and initiatives in a feed reader.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.core import languages
from cms.publishing.seo import live_homes, public_pages, site_for_request
from cms.publishing.seo.meta import feed_title

__all__ = ["FeedEntry", "OpportunityFeed"]


@dataclass(frozen=True)
class FeedSource:
    """The language, and the public home pages, of the feed being served."""

    request: object
    language_code: str
    homes: dict
    site_name: str


@dataclass(frozen=True)
class FeedEntry:
    """One opportunity as a feed reader shows it."""

    title: str
    link: str
    description: str
    published: datetime
    updated: datetime | None
    guid: str
    categories: tuple[str, ...]


class OpportunityFeed(Feed):
    """The newest public opportunities of one language, in that language."""

    feed_type = Atom1Feed
    max_items = 50

    def __call__(self, request, language_code):
        if not languages.is_site_language(language_code):
            raise Http404("No such language.")
        with translation.override(language_code):
            return super().__call__(request, language_code)

    def get_object(self, request, language_code):
        site = site_for_request(request)
        site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
        return FeedSource(request, language_code, live_homes(site), site_name)

    def title(self, source):
        return str(feed_title(source.site_name))

    def subtitle(self, source):
        return _("Concepts, projects and initiatives that need partners, newest first.")

    def description(self, source):
        return self.subtitle(source)

    def author_name(self, source):
        return source.site_name

    def link(self, source):
        """The opportunity index of the language, else its home page."""
        from cms.pages.models import OpportunityIndexPage

        index = (
            public_pages(source.homes, source.language_code, model=OpportunityIndexPage)
            .order_by("path")
            .first()
        )
        page = index or source.homes.get(source.language_code)
        url = page.get_url(source.request) if page is not None else None
        return url or f"/{source.language_code}/"

    def items(self, source):
        from cms.pages.models import OpportunityPage

        pages = (
            public_pages(source.homes, source.language_code, model=OpportunityPage)
            .filter(first_published_at__isnull=False)
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[: self.max_items]
        )
        host = urlsplit(f"//{source.request.get_host()}").hostname
        entries = []
        for page in pages:
            url = page.get_url(source.request)
            if not url:
                continue
            entries.append(
                FeedEntry(
                    title=page.title,
                    link=url,
                    description=page.search_description or page.introduction,
                    published=page.first_published_at,
                    updated=page.last_published_at,
                    # A tag URI (RFC 4151) stays the same when the page's slug changes.
                    guid=f"tag:{host},{page.first_published_at:%Y-%m-%d}:page-{page.pk}",
                    categories=(str(page.get_kind_display()), str(page.get_status_display())),
                )
            )
        return entries

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.description

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated or entry.published

    def item_guid(self, entry):
        return entry.guid

    def item_categories(self, entry):
        return entry.categories
