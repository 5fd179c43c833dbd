"""Template tags for what the <head> of a page tells search engines, feed readers and link
previews (see cms.publishing.seo)."""

from django import template

from cms.publishing import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context, site_name):
    """The title, description, canonical address, public language versions, picture, feed
    and JSON-LD of the page (or other view) being rendered, as a PageMeta."""
    return seo.page_meta(context, site_name)
