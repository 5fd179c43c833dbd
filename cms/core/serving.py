"""Serving pages under the language prefixes, with the fallback to the English page.

Wagtail routes `/fr/...` from the French home page while it is live (and from the site's
English root page otherwise): a page whose French translation is missing or still a draft
has no address there, and `/fr/opportunities/<slug>/` would answer 404. Here the address
that the page has in English, under the visitor's prefix, serves the English page itself
(the *fallback address*: `/en/opportunities/<slug>/` → `/fr/opportunities/<slug>/`). The
page is rendered as under its English address, so the French visitor reads the translation
notice in French (`locale_tags.translation_notice`), the switcher marks French as the current
language, the canonical link names the English address (no duplicate content for search
engines) and hreflang lists the real translations only.

Serving rather than redirecting to the English address keeps the visitor in their language:
the notice and the switcher say where they are, and the address they were given (by the
switcher, a link, a bookmark) stays the right one once the translation is published: from
then on it redirects to the translation, under its own slug.

Pages are served from the anonymous page cache (cms.core.page_cache) and so carry no CSRF
token for anonymous visitors: their POSTs (the public forms) are checked by origin
(cms.core.public_forms.origin); a signed-in visitor's POST goes through Django's CSRF check.

Nothing is disclosed that the English address would not show: the English page is found by
Wagtail's own routing (live pages only), and Wagtail's `before_serve_page` hooks apply its
view restrictions (password, login, groups) as they do under `/en/`.
"""

from django.http import Http404, HttpResponseRedirect
from django.urls import Resolver404, re_path
from django.utils import translation
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import chrome, visibility
from .page_cache import cached_value
from .public_forms import same_origin

__all__ = ["fallback_route", "serve", "urlpatterns"]

#: Methods that may be redirected to a published translation without losing anything.
REDIRECTED_METHODS = ("GET", "HEAD")


def _components(path):
    return [component for component in path.split("/") if component]


def fallback_route(request, path):
    """Wagtail's route (page, args, kwargs) of `path` from the site's root page (the English
    home page) for a request under another language's prefix, or None: when the request is
    in the root page's language, or when no live page has that address in English."""
    code = translation.get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    if code is None or site is None:
        return None
    root = site.root_page.specific
    if code == root.locale.language_code:
        return None
    try:
        return root.route(request, _components(path))
    except Http404:
        return None


def _route_from_live_home(request, path):
    """Wagtail's `Page.route_for_request` (from the site's root page, localized), started
    from the active language's live home page that the page's frame reads anyway
    (`cms.core.chrome.live_homes`) instead of reading the locale and the translation of the
    root page once more. Wagtail keeps the route on the request."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = chrome.site(request)
    if site is None:
        return  # Wagtail's own routing answers None
    code = get_supported_content_language_variant(translation.get_language())
    home = chrome.live_homes(request).get(code) or site.root_page
    components = _components(path)
    chain, rest = _page_chain(home, components)
    try:
        if chain is None:
            route = home.specific.route(request, components)
        else:
            route = chain[-1].specific.route(request, rest)
            chrome.prime_ancestors(request, route[0], [page for page in chain[:-1] if page.live])
    except Http404:
        route = None
    request._wagtail_route_for_request = route


def _page_chain(home, components):
    """The pages from `home` down to the page at `components` under it, read in one query,
    and what is left of the address for the last of them to route itself; (None, None) when
    Wagtail's walk from page to page must decide: no page has that address (a missing page),
    or a page on the way routes the rest itself (a routable page's routes come before its
    children; any other `route` override is left to the walk).

    Wagtail's walk reads each page on the way and its specific row (five queries for an
    opportunity); this reads them at once and lets the last page's own `route` answer, as
    the walk would, since every page before it routes by slug like Wagtail's `Page.route`.
    A routable page on the way is passed when none of its routes takes the rest of the
    address; the last page found may be a live routable page that takes the rest itself (a
    partner's profile under the directory). Siblings' slugs are unique, so each address
    under a home page names one page. The pages of an address that exists are kept in the
    shared cache until a page, a view restriction or the site changes
    (`visibility.TREE_TAGS`)."""
    addresses = [
        home.url_path + "".join(f"{part}/" for part in components[:depth])
        for depth in range(len(components) + 1)
    ]
    chain = cached_value(
        f"chain:{home.pk}:{addresses[-1]}",
        visibility.TREE_TAGS,
        lambda: list(
            Page.objects.filter(url_path__in=addresses, path__startswith=home.path).order_by(
                "depth"
            )
        ),
        # Only the pages of an address that exists: anyone can make up others.
        keep=lambda pages: len(pages) == len(addresses),
    )
    if not chain or [page.url_path for page in chain] != addresses[: len(chain)]:
        return None, None
    rest = components[len(chain) - 1 :]
    for depth, page in enumerate(chain[:-1]):
        model = page.specific_class
        if model is None:
            return None, None
        if model.route is Page.route:
            continue
        if model.route is not RoutablePageMixin.route or not _routes_children(
            model, page, components[depth:]
        ):
            return None, None
    if rest and not _routes_itself(chain[-1], rest):
        return None, None
    return chain, rest


def _routes_itself(page, components):
    """Whether `page` is a live routable page one of whose routes takes `components`."""
    model = page.specific_class
    if model is None or model.route is not RoutablePageMixin.route or not page.live:
        return False
    return not _routes_children(model, page, components)


def _routes_children(model, page, components):
    """Whether a routable page leaves `components` to its children: none of its own routes
    matches them (a draft routable page routes nothing itself)."""
    if not page.live:
        return True
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in components))
    except Resolver404:
        return True
    return False


def _translation_redirect(request, path, route):
    """A redirect to the live, public translation of the routed page in the visitor's
    language, at the same route and with the same query string, or None.

    Only while that language's home page is live: otherwise Wagtail routes the language from
    the English root page, the translation has no address of its own yet, and a redirect
    would come back here."""
    page = route[0]
    # A restricted English page is left to Wagtail's view (login or password form): a redirect
    # would tell who is not allowed in that the page exists, and where its translation is.
    if request.method not in REDIRECTED_METHODS or page.get_view_restrictions().exists():
        return None
    code = translation.get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    home = site.root_page
    if not home.get_translations().filter(locale__language_code=code).live().exists():
        return None
    target = page.get_translations().filter(locale__language_code=code).live().public().first()
    url = target.get_url(request) if target is not None else None
    if not url:
        return None
    depth = len(_components(page.url_path)) - len(_components(home.url_path))
    rest = _components(path)[depth:]
    if rest:
        url = url.rstrip("/") + "/" + "/".join(rest) + "/"
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(url + (f"?{query}" if query else ""))


#: Methods that change nothing, which no forgery check concerns.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


@csrf_exempt
def serve(request, path):
    """Wagtail's `serve` view, with the fallback (`_serve`); a POST is checked against
    forgery by Django's CSRF check for signed-in visitors and by its origin for anonymous
    ones (see the module)."""
    if request.method in SAFE_METHODS or getattr(request, "_dont_enforce_csrf_checks", False):
        return _serve(request, path)
    if request.user.is_authenticated:
        return _checked_serve(request, path)
    if not same_origin(request):
        return csrf_failure(request, reason="Origin checking failed: not the site's own page.")
    return _serve(request, path)


def _serve(request, path):
    """Wagtail's `serve` view, with the fallback: an address under a language prefix that
    Wagtail does not find in that language serves the English page at the same address,
    or redirects to the page's live translation when it has one."""
    _route_from_live_home(request, path)
    if Page.route_for_request(request, path) is None:
        route = fallback_route(request, path)
        if route is None:
            raise Http404
        redirect = _translation_redirect(request, path, route)
        if redirect is not None:
            return redirect
        # Wagtail's view (and anything else asking Page.route_for_request) uses this route.
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


_checked_serve = csrf_protect(_serve)


#: Wagtail's URLs, with this view in place of its `serve` (same name and pattern).
urlpatterns = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if getattr(pattern, "name", None) != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")]
