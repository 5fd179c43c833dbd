"""Template tags for the languages of the public site: the document's language, and the
language versions behind the language switcher and the hreflang alternates.

Every link to another language comes from a page's live translations and Wagtail's own URL
routing, never from rewriting the current address: a translation can have its own slug. A
language without a live, public translation is offered at the fallback address of the English
page (its address under that language's prefix, served by `cms.core.serving` with the notice);
hreflang (`cms.publishing.seo.meta`) announces real translations only.

A link to another language leads to the same place in that language: the same page, the same
sub-page of a routable page (a partner's profile, the agreements list, the sponsors) and the
same view (the search, the open data, a subscriber's page), with the same query string
(filters, sort, period, search words) except the page number, which restarts at one.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from cms.core import chrome, languages

register = template.Library()

#: Query parameters not carried to another language: the number of a page of results, since
#: the same results need not fall on the same page there.
DROPPED_PARAMETERS = ("page",)
#: The view serving Wagtail pages: an address it answers without a page is a missing page.
WAGTAIL_SERVE = "wagtail_serve"


@dataclass(frozen=True)
class LanguageVersion:
    """One language in which the visitor can read the current page (or the site)."""

    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    #: The language has no live translation: the link leads to the fallback address (the
    #: English page shown under that language's prefix, with the translation notice).
    is_fallback: bool = False

    @property
    def is_default(self):
        """The site's default language: the target of hreflang "x-default"."""
        return self.code == settings.LANGUAGE_CODE


def _versions(pages, request, current_code, url_for=None):
    """The language versions of `pages` (translations of one another) in the order of
    settings.LANGUAGES, each named in its own language; pages without a URL are left out.

    `url_for(page)` gives the address to link to in each page's language (see `same_place`
    and `same_view`); by default, the page's own address."""
    names = dict(settings.LANGUAGES)
    order = {code: index for index, code in enumerate(names)}
    versions = []
    for page in pages:
        code = page.locale.language_code
        url = url_for(page) if url_for else page.get_url(request)
        if code not in names or not url:
            continue
        versions.append(
            LanguageVersion(
                code=code,
                name=names[code],
                url=url,
                absolute_url=request.build_absolute_uri(url) if request else url,
                is_current=code == current_code,
            )
        )
    versions.sort(key=lambda version: order[version.code])
    return versions


def kept_query(request):
    """The query string to carry to the same place in another language ("?area=...&end=..."),
    without the page number; "" when there is none."""
    if request is None or not request.GET:
        return ""
    params = request.GET.copy()
    for name in DROPPED_PARAMETERS:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def sub_page_route(page, request):
    """The route of a routable page that serves this request (a partner's profile under the
    directory, `agreements/` under the statistics page, or the page's own route), or None
    when the request is not served by one of that page's routes."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not isinstance(page, RoutablePageMixin) or not match.url_name:
        return None
    routed = getattr(match.func, "__self__", None)
    if routed is None or routed.pk != page.pk:
        return None
    return match


def same_place(page, request):
    """`url_for(translation)`: the address, in a translation of `page`, of what the request
    shows of `page` (the page itself or one of its routes, with the same arguments), with the
    query string kept.

    A route takes the same arguments in every language: a partner's profile is known by the
    id of the partner's English row in every language, and shows the partner's row of the
    page's language when there is one (the English one, marked as such, otherwise)."""
    sub_path = ""
    match = sub_page_route(page, request)
    if match is not None:
        try:
            sub_path = page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            # Rather no link than one to the section's root.
            sub_path = None
    query = kept_query(request)

    def url_for(translation_page):
        url = translation_page.get_url(request)
        if not url or sub_path is None:
            return None
        if sub_path:
            url = url.rstrip("/") + "/" + sub_path.lstrip("/")
        return url + query

    return url_for


def same_view(request):
    """`url_for(home)`: the address of the view serving the request (the search, the open
    data, a subscriber's page) in the language of `home`, with the same arguments and query
    string; None when the request is not served by such a view under a language prefix
    (a missing page, an address shared by every language)."""
    match = getattr(request, "resolver_match", None) if request is not None else None
    if match is None or not match.url_name or match.url_name == WAGTAIL_SERVE:
        return None
    if translation.get_language_from_path(request.path_info) is None:
        return None
    query = kept_query(request)

    def url_for(home):
        with translation.override(home.locale.language_code):
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs) + query
            except NoReverseMatch:
                return None

    return url_for


def view_versions(request, homes, current_code):
    """The language versions of a view that is not a page: the same view in the language of
    each of the site's live `homes`, or those home pages themselves when the view cannot be
    found in another language (a missing page)."""
    return _versions(homes, request, current_code, same_view(request))


def fallback_url(url, code):
    """The fallback address in language `code` of a page's address `url` (with its route and
    query string): the same address under that language's prefix, where `cms.core.serving`
    serves the page itself with the translation notice. None if `url` is not an address of
    the site under a language prefix."""
    if not url:
        return None
    # Django resolves an address under the prefix of the active language only.
    url_code = translation.get_language_from_path(urlsplit(url).path)
    if url_code is None:
        return None
    with translation.override(url_code):
        translated = translate_url(url, code)
    return translated if translated != url else None


def content_language(page):
    """The language of what `page` shows: its locale's, or for an alias of a page of another
    language (wagtail-localize's "Convert to alias page", the aliases made by synchronizing
    a locale) the language of that page, whose content the alias still is."""
    if not page.alias_of_id:
        return page.locale.language_code
    cached = getattr(page, "_content_language", None)
    if cached is None:
        cached = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        ) or page.locale.language_code
        page._content_language = cached
    return cached


def _with_fallbacks(versions, public, request, current_code, url_for):
    """`versions`, and for each language of the site without one, the fallback address of
    the same place in the English page when it is live and public (one of `public`), in the
    order of settings.LANGUAGES."""
    names = dict(settings.LANGUAGES)
    present = {version.code for version in versions}
    source = next(
        (page for page in public if page.locale.language_code == settings.LANGUAGE_CODE),
        None,
    )
    source_url = url_for(source) if source is not None else None
    if not source_url:
        return versions
    for code, name in names.items():
        if code in present:
            continue
        url = fallback_url(source_url, code)
        if url is None:
            continue
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                url=url,
                absolute_url=request.build_absolute_uri(url) if request else url,
                is_current=code == current_code,
                is_fallback=True,
            )
        )
    order = {code: index for index, code in enumerate(names)}
    versions.sort(key=lambda version: order[version.code])
    return versions


@register.simple_tag(takes_context=True)
def document_language(context):
    """The language of the document: that of the content of the page being shown (English
    for an alias of an English page), else the active language (404 and other views that
    are not pages)."""
    page = context.get("page")
    if isinstance(page, Page):
        return content_language(chrome.prime_locale(context.get("request"), page))
    return languages.active()


@register.simple_tag(takes_context=True)
def interface_language(context):
    """The language of the site's interface around the page (menu, search box, switcher,
    footer): the visitor's, from the address's prefix, even where the page itself is shown
    in English (its fallback address, an alias); the page's language in the admin's previews
    and on addresses without a prefix."""
    return _visitor_language(context.get("request")) or document_language(context)


@dataclass(frozen=True)
class TranslationNotice:
    """What a visitor reads when the page is not yet available in their language."""

    code: str
    direction: str
    text: str


def _visitor_language(request):
    """The language the visitor asked for: the prefix of the address (/fr/...). None for
    addresses without one, such as the admin's previews of a page."""
    if request is None or getattr(request, "is_preview", False):
        return None
    return translation.get_language_from_path(request.path_info)


@register.simple_tag(takes_context=True)
def translation_notice(context):
    """The notice shown above a page served in a language it is not translated into (the
    English page at its fallback address, see `cms.core.serving`, or an alias of the English
    page), written in the visitor's language; None otherwise."""
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    visitor_code = _visitor_language(request)
    if visitor_code is None:
        return None
    page_code = content_language(chrome.prime_locale(request, page))
    if visitor_code == page_code:
        return None
    labels = settings.LANGUAGE_LABELS
    with translation.override(visitor_code):
        text = _("This page is not yet available in %(language)s; it is shown in %(shown)s.") % {
            "language": labels.get(visitor_code, visitor_code),
            "shown": labels.get(page_code, page_code),
        }
    direction = "rtl" if translation.get_language_info(visitor_code)["bidi"] else "ltr"
    return TranslationNotice(code=visitor_code, direction=direction, text=text)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The languages offered by the language switcher, each leading to the same place.

    On a page: its live translations that anyone may read, and itself, at the same route and
    with the same query string; every other language of the site leads to the fallback
    address of the English page (the English page under that language's prefix, with the
    notice), so that every language is offered. The current language is the visitor's (the
    address's prefix), also when the page is shown in English at its fallback address.
    Elsewhere: the same view in each language that has a live home page, or, where there is
    no such view (a missing page), those home pages.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        # A private translation is never advertised, not even to a visitor allowed to read it;
        # nor one under a language's draft home page, which Wagtail does not serve.
        public = chrome.public_translations(request, page)
        translations = list(public)
        if page.pk not in {translation.pk for translation in translations}:
            translations.append(page)
        current_code = _visitor_language(request) or page.locale.language_code
        url_for = same_place(page, request)
        versions = _versions(translations, request, current_code, url_for)
        return _with_fallbacks(versions, public, request, current_code, url_for)

    if request is None:
        return []
    return view_versions(request, list(chrome.live_homes(request).values()), get_language())
