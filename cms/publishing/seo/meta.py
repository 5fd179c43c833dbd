"""What the <head> of a page tells search engines and link previews: title, description,
canonical address, language versions (hreflang, og:locale:alternate), picture, feed."""

import dataclasses
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, SourceImageIOError
from wagtail.models import Page

from cms.core import chrome, languages
from cms.core.templatetags.locale_tags import (
    LanguageVersion,
    _versions,
    fallback_url,
    same_place,
    same_view,
    sub_page_route,
)

from .structured_data import is_list_page, json_ld, page_graph

__all__ = ["OG_LOCALES", "MetaImage", "PageMeta", "feed_title", "og_locale", "page_meta"]

# OpenGraph locales are language_TERRITORY, and Facebook knows Arabic only as "ar_AR". United
# Nations English follows British spelling; its Chinese is the simplified script.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "es": "es_ES",
    "ru": "ru_RU",
    "ar": "ar_AR",
    "zh-hans": "zh_CN",
}
DESCRIPTION_LENGTH = 200
OG_IMAGE_SPEC = "fill-1200x630"
# Attributes a page type may define to give its pages a picture for link previews.
IMAGE_ATTRIBUTES = ("og_image", "social_image", "image", "hero_image", "feed_image")


def og_locale(language_code):
    """The OpenGraph locale (e.g. "fr_FR") of a content language."""
    return OG_LOCALES.get(language_code) or language_code.replace("-", "_")


def feed_title(site_name):
    """The title of the feed of new opportunities, in the active language."""
    return _("%(site_name)s: new partnership opportunities") % {"site_name": site_name}


@dataclass(frozen=True)
class MetaImage:
    """The picture of a page in link previews on social networks and chat applications."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class PageMeta:
    """Everything the <head> says about the page shown to search engines and link previews.

    `versions` are the language versions announced by hreflang and og:locale:alternate: only
    public ones, so that a private or draft translation is never disclosed, each at the same
    place as the page shown (route and query string). `noindex` is set on a page that is not
    public itself (a private page seen by someone allowed to see it, or a preview) and on a
    view that asks for it (`meta_noindex`); such a page announces no versions.
    """

    title: str = ""
    description: str = ""
    canonical_url: str = ""
    og_type: str = "website"
    locale: str = ""
    site_name: str = ""
    image: MetaImage | None = None
    versions: list[LanguageVersion] = field(default_factory=list)
    feed_url: str = ""
    feed_title: str = ""
    noindex: bool = False
    structured_data: str = ""

    @property
    def locale_alternates(self):
        """OpenGraph locales of the page's other public language versions."""
        return [og_locale(version.code) for version in self.versions if not version.is_current]


def _absolute(request, url):
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def _description(page):
    text = getattr(page, "search_description", "") or getattr(page, "introduction", "") or ""
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def _material_image(page):
    """An opportunity's first image among its communication material, described by the
    material's title in the page's language (its translation's picture, if it has one)."""
    from cms.pages.models import OpportunityPage
    from cms.snippets.models import Material

    if not isinstance(page, OpportunityPage):
        return None, ""
    link = (
        page.materials.filter(material__kind=Material.Kind.IMAGE, material__image__isnull=False)
        .select_related("material__image")
        .order_by("sort_order")
        .first()
    )
    if link is None:
        return None, ""
    material = link.material
    if material.locale_id != page.locale_id:
        translated = (
            Material.objects.filter(translation_key=material.translation_key, locale=page.locale_id)
            .select_related("image")
            .first()
        )
        if translated is not None:
            return translated.image or material.image, translated.title
    return material.image, material.title


def _page_image(page, with_material=True):
    """The page's picture for link previews and its alternative text, or (None, "").
    `with_material`: False when the page's material is known to hold no image (its context
    read it already), so that it is not read again."""
    getter = getattr(page, "get_meta_image", None)
    image = getter() if callable(getter) else None
    if image is None:
        image = next(
            (
                value
                for value in (getattr(page, name, None) for name in IMAGE_ATTRIBUTES)
                if isinstance(value, AbstractImage)
            ),
            None,
        )
    if image is not None:
        return image, image.default_alt_text
    return _material_image(page) if with_material else (None, "")


def _meta_image(request, image, alt):
    if image is None:
        return None
    try:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
    except (SourceImageIOError, OSError):
        # A picture whose file is missing gives no preview rather than a broken page.
        return None
    return MetaImage(
        url=_absolute(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=alt or "",
    )


def _canonical_path(request, page_url, language_code=None):
    """The path to call canonical, and whether it is a sub-page of a routable page.

    A partner profile in the directory is served by the directory page, but is a page of
    its own: its canonical address is its own. An admin preview's address never is. A page
    shown at its fallback address (the English page under /fr/, see `cms.core.serving`) is
    a copy of its English address, which is the canonical one (route included).
    """
    if request is None or getattr(request, "is_preview", False) or not page_url:
        return page_url, False
    path = request.path
    if language_code and translation.get_language_from_path(request.path_info) not in (
        None,
        language_code,
    ):
        path = fallback_url(path, language_code) or path
    if page_url.startswith("/") and path != page_url and path.startswith(page_url):
        return path, True
    return page_url, False


def _feed(request, language_code, site_name):
    if not languages.is_site_language(language_code):
        return "", ""
    url = reverse("opportunity_feed", kwargs={"language_code": language_code})
    return _absolute(request, url), str(feed_title(site_name))


def _view_versions(request, language_code):
    """The language versions of a view that is not a page (the search, the open data): the
    same view in each language with a live home page; none for a missing page."""
    url_for = same_view(request)
    if url_for is None:
        return []
    return _versions(chrome.live_homes(request).values(), request, language_code, url_for)


def page_meta(context, site_name):
    """The PageMeta of the page, or other view, that a template renders.

    A view may refine it through its context: `meta_title`, `meta_description`,
    `meta_canonical_url` (a view that is not a page: its own address),
    `meta_image` (a Wagtail image) and its `meta_image_alt` (or `meta_material_image`
    False: the page's material holds no picture), `meta_structured_data` (a
    schema.org dict, added to the page's graph) and `meta_noindex` (keep search engines
    away: a page of search results, a subscriber's page). The sub-pages of routable pages
    (partner profiles) need them.

    The language versions are those of the same place (see `locale_tags.same_place`): a
    partner's profile in each language of the directory, a filtered list with its filters.
    """
    request = context.get("request")
    page = context.get("page")
    title = str(context.get("meta_title") or "")
    description = str(context.get("meta_description") or "")
    asked_noindex = bool(context.get("meta_noindex"))

    if not isinstance(page, Page) or not page.pk:
        language_code = languages.active()
        feed_url, title_of_feed = _feed(request, language_code, site_name)
        return PageMeta(
            title=title,
            description=description,
            # A view that is a page of its own (an agreement's page) names its address.
            canonical_url=_absolute(request, context.get("meta_canonical_url") or ""),
            locale=og_locale(language_code),
            site_name=site_name,
            versions=[] if asked_noindex else _view_versions(request, language_code),
            feed_url=feed_url,
            feed_title=title_of_feed,
            noindex=asked_noindex,
        )

    from cms.pages.models import HomePage

    if type(page) is Page:
        page = page.specific
    language_code = chrome.prime_locale(request, page).locale.language_code
    homes = chrome.live_homes(request)
    translations = chrome.public_translations(request, page)
    page_url = page.get_url(request) or ""
    path, is_sub_page = _canonical_path(request, page_url, language_code)
    # An alias of the page in another language (wagtail-localize's "Convert to alias page",
    # the aliases made by synchronizing a locale) is that page's content under another
    # address: not a translation to announce, and a copy whose canonical address is the
    # page it shows.
    by_pk = {translation.pk: translation for translation in translations}
    aliased = by_pk.get(page.alias_of_id) if page.alias_of_id else None
    if aliased is not None and not is_sub_page:
        path = aliased.get_url(request) or path
    is_public = page.pk in by_pk
    translations = [
        translation for translation in translations if translation.alias_of_id not in by_pk
    ]

    image = context.get("meta_image")
    if isinstance(image, AbstractImage):
        alt = context.get("meta_image_alt") or image.default_alt_text
    else:
        image, alt = _page_image(page, with_material=context.get("meta_material_image", True))
    feed_url, title_of_feed = _feed(request, language_code, site_name)
    noindex = asked_noindex or not is_public
    # A sub-page is found in the translations only when it is a route of a routable page.
    is_located = not is_sub_page or sub_page_route(page, request) is not None

    meta = PageMeta(
        title=title or page.seo_title or page.title,
        description=description or _description(page),
        canonical_url=_absolute(request, path),
        # A home page or a list is a "website"; an opportunity, a content page or a
        # partner's profile is an "article".
        og_type="website"
        if isinstance(page, HomePage) or (is_list_page(page) and not is_sub_page)
        else "article",
        locale=og_locale(language_code),
        site_name=site_name,
        image=_meta_image(request, image, alt),
        # A page kept from search engines announces no other version. hreflang must point at
        # equivalent pages: a route of a routable page (a partner's profile) announces the
        # same route of each translation, with the same query string.
        versions=_versions(translations, request, language_code, same_place(page, request))
        if is_located and not noindex
        else [],
        feed_url=feed_url,
        feed_title=title_of_feed,
        noindex=noindex,
    )
    graph = page_graph(
        request,
        page,
        meta,
        home=homes.get(language_code),
        is_sub_page=is_sub_page,
        extra=context.get("meta_structured_data"),
    )
    return dataclasses.replace(meta, structured_data=json_ld(graph))
