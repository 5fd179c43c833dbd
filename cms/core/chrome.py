"""What the frame of every public page reads, read once per request.

The header, the language switcher, hreflang, OpenGraph, the breadcrumbs (visible and in
JSON-LD), the menu and the lists of pages all ask the same questions: the site's live home
pages in each language, which sections are private, the page's public translations and its
ancestors. Each template tag used to ask the database itself (the view restrictions were
read three times per request, the translations twice, the ancestors twice). Here each answer
is worked out once and kept on the request, so it lives exactly as long as what it
describes may not change under it: nothing to invalidate.

Without a request (a management command, a feed built outside a view) every call reads the
database, as before.
"""

from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from . import visibility
from .page_cache import cached_value

__all__ = [
    "ancestors",
    "home_for",
    "live_homes",
    "localized",
    "prime_ancestors",
    "prime_locale",
    "private_sections",
    "public_pages",
    "public_translations",
    "site",
]

_STORE = "_partnerhub_chrome"


def _memo(request, key, compute):
    if request is None:
        return compute()
    store = request.__dict__.setdefault(_STORE, {})
    if key not in store:
        store[key] = compute()
    return store[key]


def site(request):
    """The Wagtail site serving `request`, or None (see `cms.core.visibility.find_site`)."""
    return visibility.find_site(request)


def live_homes(request):
    """{language code: live home page, with its locale} of the site serving `request`."""
    return _memo(
        request,
        "homes",
        # The default site without a request (a search from a command) or a matching host.
        lambda: visibility.live_homes(visibility.site_for_request(request)),
    )


def home_for(request, language_code):
    """The live home page in `language_code`; the site's root page while that language
    has none (None without a site)."""
    homes = live_homes(request)
    if language_code in homes:
        return homes[language_code]
    serving = site(request)
    return serving.root_page if serving is not None else None


def private_sections(request):
    """The condition of pages inside a view restriction (a restriction covers its page and
    every page under it): public lists exclude it. Built once per request from the
    restricted sections kept in the shared cache (`cms.core.visibility.restricted_sections`)."""
    return _memo(request, "private", visibility.private_q)


def public_pages(request, language_code=None, model=Page):
    """The pages of `model` that anyone may read under the live home pages (see
    `cms.core.visibility.public_pages`), with the request's view restrictions."""
    return visibility.public_pages(
        live_homes(request), language_code, model=model, private=private_sections(request)
    )


def public_translations(request, page):
    """The public pages that share `page`'s translation key (the page itself included when
    it is public), each with its locale, as a list read once per request."""
    return _memo(
        request, ("translations", page.translation_key), lambda: _translations(request, page)
    )


def _translations(request, page):
    """The public translations of `page`, kept in the shared cache per site until a page,
    a view restriction, a locale or the site changes (`visibility.TREE_TAGS`): the switcher,
    hreflang and the links previews of every page read them."""

    def read():
        return list(
            public_pages(request)
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        )

    serving = visibility.site_for_request(request) if request is not None else None
    if serving is None:
        return read()
    return cached_value(
        f"translations:{serving.pk}:{page.translation_key}", visibility.TREE_TAGS, read
    )


def ancestors(request, page):
    """The live ancestors of `page` from its home page down (the page excluded), as a list
    read once per request."""
    return _memo(
        request,
        ("ancestors", page.pk),
        lambda: list(page.get_ancestors().filter(depth__gte=2).live()),
    )


def prime_locale(request, page):
    """Give `page` its locale from the live home pages already read (the page shown is in
    one of their languages), so that asking its language costs no query."""
    field = page._meta.get_field("locale")
    if request is None or field.is_cached(page):
        return page
    for home in live_homes(request).values():
        if home.locale_id == page.locale_id:
            field.set_cached_value(page, home.locale)
            break
    return page


def prime_ancestors(request, page, pages):
    """Remember `pages` as the live ancestors of `page` from its home page down, when the
    routing has read them already (`cms.core.serving`)."""
    if request is not None:
        request.__dict__.setdefault(_STORE, {})[("ancestors", page.pk)] = list(pages)


def localized(request, page):
    """Wagtail's `page.localized` (its live translation in the active language, else the
    page itself), with the active language's locale taken from the live home pages already
    read instead of from the database."""
    home = live_homes(request).get(get_supported_content_language_variant(get_language()))
    if home is None or request is None:
        return page.localized
    if page.locale_id == home.locale_id:
        return page
    translation = page.get_translation_or_none(home.locale)
    return translation if translation is not None and translation.live else page
