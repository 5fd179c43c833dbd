"""Sitemaps for search engines, one per language, and robots.txt.

/sitemap.xml is an index of the sitemaps of the languages whose home page is live;
/sitemap-<language>.xml lists the public pages of that language, each with the addresses of
its public translations (hreflang alternates) and the date it was last published; then the
addresses that routable pages serve besides their own (Wagtail's `get_sitemap_urls`: the
partner profiles, the list of agreements, the sponsors page), each with the same address
under every public translation of its page; then the public views that are not pages
(`PUBLIC_VIEWS`: the open-data page) and the page of every public agreement
(`/<language>/agreements/<reference>/`, never a confidential one). Views kept from search
engines (the site search, a subscriber's pages) are never listed.

Wagtail's own sitemap lists the descendants of the site's root page only: with
wagtail-localize the home page of each other language is a sibling of that root, so every
page but the English ones would be missing.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.core import languages
from cms.core.templatetags.locale_tags import _versions
from cms.pages.public_records import agreement_url
from cms.publishing.seo import live_homes, public_pages, public_translations, site_for_request
from cms.snippets.models import Agreement

__all__ = ["PUBLIC_VIEWS", "LanguageSitemap", "language_sitemap", "robots_txt", "sitemap_index"]

#: The views under the language prefix, not pages, that search engines should find: their
#: URL names (each reversed without arguments in every language whose home page is live).
PUBLIC_VIEWS = ("open_data_index",)


class LanguageSitemap(Sitemap):
    """The public pages of one language of the site serving the request.

    Page types may add addresses of their own the way Wagtail lets them, by overriding
    `Page.get_sitemap_urls` (the partner directory lists its partner profiles so): those are
    listed after the page, with the alternates they give, if any.
    """

    # Below the number of parameters SQLite accepts in one query: the translation keys of a
    # sitemap's pages go into one.
    limit = 10_000

    def __init__(self, request, language_code, homes):
        self.request = request
        self.language_code = language_code
        self.homes = homes

    def _public_pages(self):
        return public_pages(self.homes, self.language_code)

    def items(self):
        """The public pages of the language, in tree order."""
        return self._public_pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        """When a page of the language was last published (one query, for the index)."""
        return self._public_pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _absolute(self, url):
        return self.request.build_absolute_uri(url)

    def _alternates(self, translations):
        return self._alternates_of(_versions(translations, self.request, self.language_code))

    def _alternates_of(self, versions):
        alternates = [
            {"lang_code": version.code, "location": version.absolute_url} for version in versions
        ]
        alternates += [
            {"lang_code": "x-default", "location": version.absolute_url}
            for version in versions
            if version.is_default
        ]
        return alternates

    def _sub_page_alternates(self, item, path, translations):
        """The alternates of an address under `item` (a route of a routable page): the same
        route under each public translation of the page."""
        own_url = item.get_url(self.request) or ""
        if not own_url or not path.startswith(own_url) or path == own_url:
            return []
        sub_path = path[len(own_url) :]

        def url_for(translation):
            url = translation.get_url(self.request)
            return url + sub_path if url else None

        versions = _versions(translations, self.request, self.language_code, url_for)
        return self._alternates_of(versions)

    def _extra_urls(self, item, own_location, translations):
        """The addresses a page type adds to its own through `get_sitemap_urls`, made absolute
        on the host of the request like every other address of the sitemap."""
        if type(item).get_sitemap_urls is Page.get_sitemap_urls:
            return []
        extra = []
        for info in item.get_sitemap_urls(self.request):
            parts = urlsplit(info.get("location") or "")
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            location = self._absolute(path)
            if not parts.path or location == own_location:
                continue
            alternates = info.get("alternates")
            if alternates is None and not parts.query:
                alternates = self._sub_page_alternates(item, parts.path, translations)
            extra.append(
                {**info, "alternates": alternates or [], "item": item, "location": location}
            )
        return extra

    def _view_entry(self, homes, url_for):
        """The entry of a view's address in the sitemap's language, with its address in the
        other languages (`url_for(home)`), or None where the language has none."""
        versions = _versions(homes, self.request, self.language_code, url_for)
        own = [version for version in versions if version.is_current]
        if not own:
            return None
        return {
            "item": None,
            "location": own[0].absolute_url,
            "lastmod": None,
            "alternates": self._alternates_of(versions),
        }

    def _view_urls(self):
        """The public views that are not pages (`PUBLIC_VIEWS`) and the pages of the public
        agreements (one query for all of them), in the sitemap's language, each with its
        address in the other languages; only in the languages whose home page is public (a
        private home page keeps its language out of the sitemaps)."""
        public_homes = set(
            public_pages(self.homes)
            .filter(pk__in=[home.pk for home in self.homes.values()])
            .values_list("pk", flat=True)
        )
        homes = [home for home in self.homes.values() if home.pk in public_homes]
        if not homes:
            return []
        url_makers = []
        for name in PUBLIC_VIEWS:

            def url_for(home, name=name):
                with override(home.locale.language_code):
                    return reverse(name)

            url_makers.append(url_for)
        references = (
            Agreement.objects.public().order_by("reference").values_list("reference", flat=True)
        )
        for reference in references:
            url_makers.append(
                lambda home, reference=reference: agreement_url(
                    reference, home.locale.language_code
                )
            )
        entries = (self._view_entry(homes, url_for) for url_for in url_makers)
        return [entry for entry in entries if entry is not None]

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of one page of the sitemap, on the host of the request; the public
        translations of all its pages come in one query."""
        page_of_items = self.paginator.page(page)
        items = list(page_of_items.object_list)
        translations_by_key = {}
        for translation in public_translations(
            {item.translation_key for item in items}, self.homes
        ):
            translations_by_key.setdefault(translation.translation_key, []).append(translation)

        urls = []
        for item in items:
            url = item.get_url(self.request)
            if not url:
                continue
            location = self._absolute(url)
            translations = translations_by_key.get(item.translation_key, [])
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": self._alternates(translations),
                }
            )
            urls += self._extra_urls(item, location, translations)
        if not page_of_items.has_next():
            urls += self._view_urls()

        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def _sitemaps(request):
    homes = live_homes(site_for_request(request))
    return {
        code: LanguageSitemap(request, code, homes) for code in languages.codes() if code in homes
    }


@require_safe
def sitemap_index(request):
    """/sitemap.xml: the sitemap of each language whose home page is live."""
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="language_sitemap")


@require_safe
def language_sitemap(request, section):
    """/sitemap-<language>.xml: the public pages of one language, with their alternates."""
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


@require_safe
def robots_txt(request):
    """/robots.txt: the admin is off limits to crawlers; the sitemap index is announced."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
