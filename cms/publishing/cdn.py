"""Purging a CDN (wagtail.contrib.frontend_cache) when what its copies show changes.

With WAGTAILFRONTENDCACHE configured (CDN_BACKEND, see the README), each change that
cms.publishing.page_cache bumps also purges, in every language, the addresses of the pages
that show it: the page itself and its translations, and every live page of the types that
list or show what changed (`PAGE_TYPE_TAGS`), with the variants of their addresses that a
CDN keeps apart (`cached_paths`): the later pages of a listing, its one-facet filters, the
partners' profiles under the directory; and, when what they show changes, the page of every
agreement in every language (`/<language>/agreements/<reference>/`, confidential ones too,
whose copy must go once they are made confidential). A change of the menu or of the site
purges every page. Combinations of several filters are left to expire (PAGE_CACHE_S_MAXAGE).

Purges go through Wagtail's purge batch, queued as a background task; without a CDN
nothing is done.
"""

import logging
import math

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site

from cms.core import languages
from cms.pages.context.directory import PAGE_SIZE as DIRECTORY_PAGE_SIZE
from cms.pages.context.opportunity import PER_PAGE as OPPORTUNITIES_PER_PAGE
from cms.pages.context.results import RESULTS_TAGS
from cms.pages.facets import FACETS
from cms.pages.models import OpportunityPage
from cms.pages.models.progress import PROGRESS_SHOWN_STATUSES
from cms.pages.public_records import agreement_url
from cms.pages.public_records.records import funding_partners, partner_slug
from cms.snippets.models import Agreement

__all__ = ["cached_paths", "purge_pages_showing"]

logger = logging.getLogger(__name__)


def _paged(count, per_page):
    return [f"?page={number}" for number in range(2, math.ceil(count / per_page) + 1)]


def _opportunity_index_paths(page):
    """The index's later pages and each filter of one value (areas, regions, goals, kinds,
    statuses) that visitors reach from its facets."""
    count = OpportunityPage.objects.child_of(page).live().count()
    paths = _paged(count, OPPORTUNITIES_PER_PAGE)
    for facet in FACETS:
        model = getattr(facet, "model", None)
        if model is not None:
            codes = model.objects.filter(locale__language_code="en").values_list("code", flat=True)
            paths += [f"?{facet.param}={code}" for code in codes]
        for code, _label in getattr(facet, "choices", ()):
            paths.append(f"?{facet.param}={code}")
    return paths


def _directory_paths(page):
    """The directory's later pages and every partner's profile under it."""
    partners = list(funding_partners().values_list("pk", "name"))
    paths = _paged(len(partners), DIRECTORY_PAGE_SIZE)
    paths += [f"{pk}/{partner_slug(name)}/" for pk, name in partners]
    return paths


#: Page type -> the variants of its address that a CDN keeps apart, besides the address.
_VARIANTS = {
    "pages.opportunityindexpage": _opportunity_index_paths,
    "pages.partnerdirectorypage": _directory_paths,
}


def cached_paths(page):
    """The paths under a page's address that a CDN may hold ("" is the address itself)."""
    variants = _VARIANTS.get(page.specific_class._meta.label_lower) if page.specific_class else None
    return ["", *(variants(page) if variants else [])]


def _types_showing(tags, page_type_tags):
    labels = [label for label, shown in page_type_tags.items() if set(shown) & tags]
    return [apps.get_model(label) for label in labels]


def _agreement_page_urls(tags):
    """Every agreement's page in every language of the default site, when `tags` touch what
    those pages show; none otherwise."""
    # Imported here: the agreement pages' view sits beside this module, above the pages.
    from cms.reports.agreement_page import AGREEMENT_PAGE_TAGS

    if not set(tags) & set(AGREEMENT_PAGE_TAGS):
        return set()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return set()
    root = site.root_url.rstrip("/")
    references = Agreement.objects.values_list("reference", flat=True)
    return {
        root + url
        for reference in references
        for code in languages.codes()
        if (url := agreement_url(reference, code))
    }


def _opportunities_with_results(tags):
    """The funded and closed opportunities, which name their funders from the agreements
    and partners (cms.pages.context.results), when `tags` touch those; none otherwise."""
    if not set(tags) & set(RESULTS_TAGS):
        return []
    return list(OpportunityPage.objects.live().public().filter(status__in=PROGRESS_SHOWN_STATUSES))


def purge_pages_showing(tags, page_type_tags, pages=()):
    """Purge from the CDN, in every language, the pages (with their variants) that show
    what `tags` name, and `pages` themselves. Nothing without a CDN."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    tags = set(tags)
    live = Page.objects.live().public()
    if tags & {"menu", "site"}:
        targets = list(live)  # shown on every page: the whole site
    else:
        keys = [page.translation_key for page in pages]
        targets = list(live.filter(translation_key__in=keys)) if keys else []
        for model in _types_showing(tags, page_type_tags):
            targets.extend(model.objects.live().public())
        targets.extend(_opportunities_with_results(tags))
    urls = set()
    for page in targets:
        address = page.get_full_url()
        if address:
            urls.update(address + path for path in cached_paths(page))
    urls |= _agreement_page_urls(tags)
    if not urls:
        return
    try:
        PurgeBatch(sorted(urls)).purge()
    except Exception:  # a CDN that fails must not fail the editor's publication
        logger.exception("CDN purge failed")
