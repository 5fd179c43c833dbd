"""URLs: admin, documents, sitemap and language-neutral endpoints first; the public site
under /<language>/ (Django's i18n_patterns), `/` redirecting by the browser's language."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.health import healthz
from cms.core.page_cache import cacheable
from cms.publishing.feeds import OpportunityFeed
from cms.publishing.sitemaps import language_sitemap, robots_txt, sitemap_index

# A database outage raised outside a view (a session read by a middleware) answers 503 too.
handler500 = "cms.core.unavailable.server_error"

urlpatterns = [
    # Whether the database, the cache, the task queue and the search engine answer (no language).
    path("healthz", healthz, name="healthz"),
    # Wagtail's own reports, with exports that neutralize formulas (before Wagtail's admin).
    path("admin/", include("cms.core.admin_exports")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The sitemaps and the feeds are kept in the page cache until a page changes
    # (cms/core/page_cache, cms/publishing/page_cache.py); a language's sitemap lists the
    # partner profiles and the public agreements' pages too, so a partner's or an
    # agreement's change renews it.
    path("sitemap.xml", cacheable("pages:all", "site")(sitemap_index), name="sitemap"),
    path(
        "sitemap-<str:section>.xml",
        cacheable("pages:all", "data:partners", "data:agreements", "site")(language_sitemap),
        name="language_sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "feeds/<str:language_code>/opportunities.xml",
        cacheable("pages:pages.opportunitypage", "data:vocabularies", "site")(OpportunityFeed()),
        name="opportunity_feed",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
    # The public JSON API (/api/v1/), one address for every language (?lang=).
    path("", include("cms.api.urls")),
    path("", include("cms.opendata.urls")),  # /open-data/ files, every language alike
    path("", include("cms.alerts.neutral_urls")),  # one-click unsubscribe from mail clients
]

if settings.DEBUG:
    from cms.core.media import serve_public_media

    urlpatterns += staticfiles_urlpatterns()
    # Uploaded images for the development server; documents (served only through /documents/,
    # which checks private collections) and private files are refused under any spelling of
    # their path (cms/core/media.py).
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_public_media,
        )
    ]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("cms.opendata.page_urls")),
    path("", include("cms.sponsorship.urls")),
    # An agreement's public page, /<language>/agreements/<reference>/ (cms/reports).
    path("", include("cms.reports.page_urls")),
    path("", include("cms.alerts.urls")),
    # The sender's page of their expression of interest (signed link; never cached).
    path("", include("cms.interest.urls")),
    # Wagtail's pages, with the fallback to the English page (cms/core/serving.py).
    path("", include("cms.core.serving")),
    prefix_default_language=True,
)
