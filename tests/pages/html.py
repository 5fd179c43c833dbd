"""Reading rendered pages the way a visitor (or a search engine) sees them."""

from bs4 import BeautifulSoup


def parse(response):
    """The response's HTML as a BeautifulSoup tree."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def switcher_entries(soup):
    """(language code, name, href, is current) of each link of the language switcher."""
    nav = soup.select_one("nav.language-switcher")
    if nav is None:
        return []
    return [
        (link["lang"], link.get_text(strip=True), link["href"], link.get("aria-current") == "page")
        for link in nav.select("a")
    ]


def alternate_links(soup):
    """{hreflang: href} of the page's <link rel="alternate" hreflang> elements."""
    return {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }


def languages(soup):
    """(language of the site's interface, (language, direction) of the page's content): the
    content is marked on <main> where it differs from the interface around it."""
    main = soup.select_one("main")
    interface = (soup.html["lang"], soup.html["dir"])
    content = (main["lang"], main["dir"]) if main.has_attr("lang") else interface
    return interface[0], content
