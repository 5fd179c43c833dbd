"""Reading sitemaps and feeds the way a search engine or a feed reader does."""

from xml.etree import ElementTree

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "atom": "http://www.w3.org/2005/Atom",
}


def parse(response):
    """The XML document of a response, as an ElementTree element."""
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own responses


def sitemap_index(response):
    """The addresses of the sitemaps listed by a sitemap index."""
    return [loc.text for loc in parse(response).findall("sm:sitemap/sm:loc", NAMESPACES)]


def sitemap_urls(response):
    """{address: {hreflang: address}} of the <url> entries of a sitemap."""
    entries = {}
    for url in parse(response).findall("sm:url", NAMESPACES):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link[@rel='alternate']", NAMESPACES)
        }
        entries[url.findtext("sm:loc", namespaces=NAMESPACES)] = alternates
    return entries


def sitemap_lastmods(response):
    """{address: lastmod text} of the <url> entries of a sitemap."""
    return {
        url.findtext("sm:loc", namespaces=NAMESPACES): url.findtext(
            "sm:lastmod", namespaces=NAMESPACES
        )
        for url in parse(response).findall("sm:url", NAMESPACES)
    }


def feed_entries(response):
    """(title, link) of each entry of an Atom feed, in the feed's order."""
    return [
        (
            entry.findtext("atom:title", namespaces=NAMESPACES),
            entry.find("atom:link", NAMESPACES).get("href"),
        )
        for entry in parse(response).findall("atom:entry", NAMESPACES)
    ]
