"""The schema.org description of a page (JSON-LD), for search engines.

Every page is a WebPage (a CollectionPage for lists) in the site's WebSite, with its trail of
breadcrumbs; the home page also describes the WebSite and the Organization behind it; an
opportunity's page has the opportunity itself as its main entity: a Project seeking funding.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from cms.core import chrome

__all__ = ["is_list_page", "json_ld", "page_graph"]

SCHEMA_ORG = "https://schema.org"


def json_ld(data):
    """`data` as JSON for a <script type="application/ld+json"> element. "<", ">" and "&"
    are escaped as JSON escapes, so that no text (a title containing "</script>" or "<!--")
    can end the element or change how the browser reads it; the JSON means the same."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    escaped = text.translate({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})
    return mark_safe(escaped)  # noqa: S308 - nothing HTML could act on is left unescaped


def is_list_page(page):
    """Whether `page` is a list of other things (opportunities, partners, recognitions)."""
    from cms.pages.models import OpportunityIndexPage, PartnerDirectoryPage, RecognitionsPage

    return isinstance(page, OpportunityIndexPage | PartnerDirectoryPage | RecognitionsPage)


def _absolute(request, url):
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def _organization(request, meta, home_url):
    return {
        "@type": "Organization",
        "@id": _absolute(request, "/") + "#organization",
        "name": meta.site_name,
        "url": home_url,
        "logo": _absolute(request, static("img/favicon.svg")),
    }


def _website(request, meta, home, home_url):
    return {
        "@type": "WebSite",
        "@id": home_url + "#website",
        "url": home_url,
        "name": meta.site_name,
        "inLanguage": home.locale.language_code,
        "publisher": {"@id": _absolute(request, "/") + "#organization"},
    }


def _breadcrumbs(request, page, meta, is_sub_page):
    """The trail from the home page of the page's language down to the page shown."""
    trail = [*chrome.ancestors(request, page), *([page] if page.live else [])]
    crumbs = [(ancestor.title, _absolute(request, ancestor.get_url(request))) for ancestor in trail]
    crumbs = [(name, url) for name, url in crumbs if url]
    if is_sub_page:
        crumbs.append((meta.title, meta.canonical_url))
    if len(crumbs) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _project(page, meta):
    """An opportunity as a schema.org Project; the grant it seeks is its funding gap (what
    still needs a partner), or its whole estimated budget when no gap is recorded."""
    project = {
        "@type": "Project",
        "name": page.title,
        "description": meta.description,
        "url": meta.canonical_url,
    }
    amount = page.funding_gap_usd if page.funding_gap_usd is not None else page.budget_usd
    if amount is not None:
        project["funding"] = {
            "@type": "MonetaryGrant",
            "amount": {"@type": "MonetaryAmount", "currency": "USD", "value": int(amount)},
        }
    if meta.image:
        project["image"] = meta.image.url
    return project


def page_graph(request, page, meta, *, home=None, is_sub_page=False, extra=None):
    """The JSON-LD document (a dict) describing `page` as rendered with `meta`.

    `home` is the live home page of the page's language; `extra` a schema.org node, or a
    list of them, that the view adds (a partner profile describes the partner).
    """
    from cms.pages.models import HomePage, OpportunityPage

    home_url = _absolute(request, home.get_url(request)) if home is not None else ""
    is_home = isinstance(page, HomePage) and not is_sub_page
    webpage = {
        "@type": "CollectionPage" if is_list_page(page) and not is_sub_page else "WebPage",
        "@id": meta.canonical_url + "#webpage",
        "url": meta.canonical_url,
        "name": meta.title,
        "inLanguage": page.locale.language_code,
    }
    if meta.description:
        webpage["description"] = meta.description
    if page.first_published_at:
        webpage["datePublished"] = page.first_published_at
    if page.last_published_at:
        webpage["dateModified"] = page.last_published_at
    if meta.image:
        webpage["primaryImageOfPage"] = {"@type": "ImageObject", "url": meta.image.url}
    if home_url:
        webpage["isPartOf"] = {"@id": home_url + "#website"}

    graph = []
    if is_home and home_url:
        graph += [_organization(request, meta, home_url), _website(request, meta, page, home_url)]
        webpage["about"] = {"@id": _absolute(request, "/") + "#organization"}
    elif not is_home:
        breadcrumbs = _breadcrumbs(request, page, meta, is_sub_page)
        if breadcrumbs:
            webpage["breadcrumb"] = breadcrumbs
    if isinstance(page, OpportunityPage) and not is_sub_page:
        webpage["mainEntity"] = _project(page, meta)
    graph.append(webpage)
    if extra:
        graph += extra if isinstance(extra, list | tuple) else [extra]
    return {"@context": SCHEMA_ORG, "@graph": graph}
