"""Template tags for the header and navigation of the public site: the site's name, the
home page of a language, the main menu and the breadcrumb trail."""

from django import template
from django.conf import settings
from wagtail.models import Page, Site

from cms.core import chrome
from cms.core.page_cache import cached_value

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the site serving the request, as set in the Wagtail admin."""
    site = _site(context)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def locale_home(context, language_code):
    """The live home page in `language_code` of the site serving the request; the site's
    own root page while that language has none (None without a site)."""
    request = context.get("request")
    if request is None:
        return None
    return chrome.home_for(request, language_code)


def _link(page, request, current_path=""):
    return {
        "title": page.title,
        "url": page.get_url(request),
        "is_current": bool(current_path) and current_path.startswith(page.path),
    }


@register.simple_tag(takes_context=True)
def main_menu(context, home):
    """The entries of the main navigation: the live pages directly under `home` that editors
    chose to show in menus; the one containing the current page is marked current."""
    if home is None:
        return []
    request = context.get("request")
    page = context.get("page")
    current_path = (page.path or "") if isinstance(page, Page) else ""
    links = (_link(child, request, current_path) for child in _menu_pages(home))
    return [link for link in links if link["url"]]


def _menu_pages(home):
    """The live pages under `home` shown in menus, from the shared cache until a page at the
    menu's depth is published, unpublished, moved or deleted (the `menu` tag, bumped by
    `cms.publishing.page_cache`) or the site changes."""
    return cached_value(
        f"menu:{home.pk}",
        ["menu", "site"],
        lambda: list(home.get_children().live().in_menu()),
    )


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The live ancestors of `page`, from its home page down, as links."""
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    links = (_link(ancestor, request) for ancestor in chrome.ancestors(request, page))
    return [link for link in links if link["url"]]


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The address of `page` for this request, like `{% pageurl %}` but usable with `as`
    (to hand it to an included component)."""
    if not isinstance(page, Page):
        return ""
    return page.get_url(context.get("request")) or ""


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """`page.localized` for a link in a page's body (a call to action): its live translation
    in the visitor's language, else the page itself."""
    if not isinstance(page, Page):
        return page
    return chrome.localized(context.get("request"), page)
