"""What search engines, feed readers and social networks learn about the site: which pages
are public, the language versions of a page, its title, description, picture and canonical
address, and its schema.org description (JSON-LD).

The sitemaps, the feeds and the <head> of every page share one rule (`visibility`): only live
pages outside any view restriction, under the live home page of their language, are ever
announced. Drafts, unpublished translations and private sections (password, login or groups,
and everything under them) never are.
"""

from cms.core.visibility import live_homes, public_pages, public_translations, site_for_request

from .meta import OG_LOCALES, MetaImage, PageMeta, og_locale, page_meta
from .structured_data import json_ld, page_graph

__all__ = [
    "OG_LOCALES",
    "MetaImage",
    "PageMeta",
    "json_ld",
    "live_homes",
    "og_locale",
    "page_graph",
    "page_meta",
    "public_pages",
    "public_translations",
    "site_for_request",
]
