"""Search backends: one per language, and a "default" one that routes to them.

Contract used by the search views, the API and the admin:
``backend_for(language_code)`` returns the alias (a key of WAGTAILSEARCH_BACKENDS) of the
backend that holds and analyses the documents of that language; callers filter their
querysets on the locale themselves and call ``.search(q, backend=backend_for(code))`` or
``.autocomplete(q, backend=backend_for(code))``. A language backend also restricts a search
to its own locale, so a forgotten filter never mixes languages.

The aliases are set up by `search.backends.config.search_backends` (see there); the modules
named in ``BACKEND`` are `search.backends.database` (PostgreSQL or SQLite),
`search.backends.elasticsearch` (Elasticsearch 9), `search.backends.opensearch` (OpenSearch 2
and 3) and `search.backends.router`.
"""

from django.conf import settings

from ..analysis import SOURCE_LANGUAGE, normalize_language

__all__ = ["backend_for", "language_aliases"]


def language_aliases():
    """{site language code: alias of its search backend}, as configured."""
    default = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return dict(default.get("ALIASES") or {})


def backend_for(language_code):
    """The alias of the search backend of a language (``"fr"``, ``"zh-hans"`` ...).

    Codes are read leniently (``zh-Hans``, ``fr-CA``); an unknown language gets the source
    language's backend, English. Without per-language backends configured, "default".
    """
    aliases = language_aliases()
    if not aliases:
        return "default"
    code = normalize_language(language_code)
    return aliases.get(code) or aliases.get(SOURCE_LANGUAGE, "default")
