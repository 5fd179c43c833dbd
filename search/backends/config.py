"""The ``WAGTAILSEARCH_BACKENDS`` setting of the six-language search (read by the settings).

One backend per language, under the language's code as alias (``"en"``, ``"fr"``, ``"es"``,
``"ru"``, ``"ar"``, ``"zh-hans"``): a database backend (PostgreSQL or SQLite, whichever the
database is) or, when a search cluster's address is given, a backend of that engine with its
own indexes (``<prefix><language>_...``): Elasticsearch 9 or OpenSearch 2/3, chosen by
``engine``. The ``"default"`` alias, used by Wagtail's admin, routes to them
(`search.backends.router`).
"""

from django.core.exceptions import ImproperlyConfigured

from ..analysis import LANGUAGE_CODES

__all__ = ["ENGINES", "engine_urls", "index_prefix", "search_backends"]

#: {SEARCH_ENGINE value: BACKEND module of its language backends}. Both OpenSearch values
#: use the same client (opensearch-py 3 speaks to 2.x and 3.x servers).
ENGINES = {
    "elasticsearch9": "search.backends.elasticsearch",
    "opensearch2": "search.backends.opensearch",
    "opensearch3": "search.backends.opensearch",
}
DEFAULT_ENGINE = "elasticsearch9"


def index_prefix(prefix, language_code):
    """The index prefix of a language: ``partnerhub_zh_hans_`` etc."""
    return f"{prefix}{language_code.replace('-', '_')}_"


def engine_urls(urls):
    """The node addresses of a cluster, from a list or a comma-separated string."""
    if isinstance(urls, str):
        urls = urls.split(",")
    return [url.strip() for url in urls or () if url and url.strip()]


def search_backends(urls="", *, engine="", prefix="partnerhub_", timeout=10):
    """The WAGTAILSEARCH_BACKENDS dictionary for the database, or for the search cluster whose
    nodes are at `urls` (one address, several separated by commas, or a list), of `engine`
    (a key of ENGINES; Elasticsearch 9 when empty)."""
    urls = engine_urls(urls)
    engine = (engine or DEFAULT_ENGINE).strip().lower()
    if engine not in ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}."
        )
    backends = {
        "default": {
            "BACKEND": "search.backends.router",
            # Writes go through the language backends; this one only routes.
            "AUTO_UPDATE": False,
            "ALIASES": {code: code for code in LANGUAGE_CODES},
            "DATABASE": not urls,
        }
    }
    for code in LANGUAGE_CODES:
        if urls:
            backends[code] = {
                "BACKEND": ENGINES[engine],
                "LANGUAGE": code,
                "ALIAS": code,
                "URLS": urls,
                "INDEX_PREFIX": index_prefix(prefix, code),
                "TIMEOUT": timeout,
            }
        else:
            backends[code] = {
                "BACKEND": "search.backends.database",
                "LANGUAGE": code,
                "ALIAS": code,
            }
    return backends
