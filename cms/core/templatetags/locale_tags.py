"""Template tags for the languages of the public site: the document's language, and the
language versions behind the language switcher and the hreflang alternates.

Every link to another language comes from a page's live translations and Wagtail's own URL
routing, never from rewriting the current address: a translation can have its own slug, and
a language without a live translation must not be offered.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

register = template.Library()


@dataclass(frozen=True)
class LanguageVersion:
    """One language in which the visitor can read the current page (or the site)."""

    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool

    @property
    def is_default(self):
        """The site's default language: the target of hreflang "x-default"."""
        return self.code == settings.LANGUAGE_CODE


def _versions(pages, request, current_code):
    """The language versions of `pages` (translations of one another) in the order of
    settings.LANGUAGES, each named in its own language; pages without a URL are left out."""
    names = dict(settings.LANGUAGES)
    order = {code: index for index, code in enumerate(names)}
    versions = []
    for page in pages:
        code = page.locale.language_code
        url = page.get_url(request)
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


@register.simple_tag(takes_context=True)
def document_language(context):
    """The language of the document: the locale of the page being shown, else the active
    language (404 and other views that are not pages)."""
    page = context.get("page")
    if isinstance(page, Page):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


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
    """The notice shown above a page served in a language it is not translated into (Wagtail
    falls back to the English page), written in the visitor's language; None otherwise."""
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    visitor_code = _visitor_language(context.get("request"))
    page_code = page.locale.language_code
    if visitor_code is None or visitor_code == page_code:
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
    """The languages offered by the language switcher and the hreflang links.

    On a page: its live translations that anyone may read, and itself. Elsewhere (404 and
    other views that are not pages): the live home page of each language.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        # A private translation is never advertised, not even to a visitor allowed to read it.
        translations = list(
            page.get_translations(inclusive=True).live().public().select_related("locale")
        )
        if page.pk not in {translation.pk for translation in translations}:
            translations.append(page)
        return _versions(translations, request, page.locale.language_code)

    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return _versions(homes, request, get_language())
