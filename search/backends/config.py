"""The ``WAGTAILSEARCH_BACKENDS`` setting of the six-language search (read by the settings).

One backend per language, under the language's code as alias (``"en"``, ``"fr"``, ``"es"``,
``"ru"``, ``"ar"``, ``"zh-hans"``): a database backend (PostgreSQL or SQLite, whichever the
database is) or, when an Elasticsearch address is given, an Elasticsearch backend with its own
indexes (``<prefix><language>_...``). The ``"default"`` alias, used by Wagtail's admin, routes
to them (`search.backends.router`).
"""

from ..analysis import LANGUAGE_CODES

__all__ = ["index_prefix", "search_backends"]


def index_prefix(prefix, language_code):
    """The Elasticsearch index prefix of a language: ``partnerhub_zh_hans_`` etc."""
    return f"{prefix}{language_code.replace('-', '_')}_"


def search_backends(elasticsearch_url="", *, prefix="partnerhub_", timeout=10):
    """The WAGTAILSEARCH_BACKENDS dictionary for the database or an Elasticsearch cluster."""
    backends = {
        "default": {
            "BACKEND": "search.backends.router",
            # Writes go through the language backends; this one only routes.
            "AUTO_UPDATE": False,
            "ALIASES": {code: code for code in LANGUAGE_CODES},
            "DATABASE": not elasticsearch_url,
        }
    }
    for code in LANGUAGE_CODES:
        if elasticsearch_url:
            backends[code] = {
                "BACKEND": "search.backends.elasticsearch",
                "LANGUAGE": code,
                "ALIAS": code,
                "URLS": [elasticsearch_url],
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
