"""The partner directory's name box read by the search engine, when the site has one.

Without an engine, the words typed are compared in Python with every funding partner's
names, analysed as the database search analyses text (`directory.NameQuery`): stems,
accents, the Arabic article, Chinese pairs of characters, the editors' synonyms. With an
engine configured (SEARCH_URL; issue 18: "with the engine configured, the partner
directory ... run on it"), the words are read by the engine itself, with the analyzers of the
visitor's language and of English, as the site search reads them, so that the directory and
the site search find the same partners by name, and the process no longer analyses the
names of every partner for each new query.

The engine is asked about the partners' names and acronyms only (never their mandates or
their staff-only other names), in the visitor's language and in English, as the directory
always found them: two requests to the engine and two reads of the database at most. A name
still matches on a piece of itself ("banq" finds "Banque") in the directory, whatever the
backend. When the engine fails, the Python reading answers and the failure is logged: the
name box never fails with the engine.
"""

import logging

from django.conf import settings
from django.db.models import OuterRef, Subquery
from modelsearch.backends import get_search_backend

from cms.snippets.models import Partner
from search.analysis import SOURCE_LANGUAGE
from search.backends import backend_for
from search.backends.fallback import is_search_engine_error

from ..public_records import funding_partners

__all__ = ["NAME_FIELDS", "engine_configured", "engine_name_matches"]

logger = logging.getLogger("search")

#: What the name box reads of a partner: its names, as the directory shows them.
NAME_FIELDS = ["name", "acronym"]
#: More than every funding partner at ten times the demo (1,100), and within the engines'
#: default result window (10,000).
MAX_NAME_MATCHES = 10_000


def engine_configured():
    """Whether the site searches on an engine rather than on the database (the "default"
    router says so: `search.backends.config`)."""
    return settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("DATABASE") is False


def _matches(language_code, text):
    """The English rows (the directory's entries) of the funding partners whose names in
    `language_code` hold every word of `text`, read by that language's backend (which
    searches that language's partners only)."""
    partners = Partner.objects.filter(is_funding_partner=True)
    if language_code != SOURCE_LANGUAGE:
        english = funding_partners().filter(translation_key=OuterRef("translation_key"))
        partners = partners.annotate(english_pk=Subquery(english.values("pk")[:1]))
    backend = get_search_backend(backend_for(language_code))
    results = backend.search(text, partners.only("pk"), fields=NAME_FIELDS, operator="and")
    found = results[:MAX_NAME_MATCHES]
    if language_code == SOURCE_LANGUAGE:
        return {partner.pk for partner in found}
    return {partner.english_pk for partner in found if partner.english_pk is not None}


def engine_name_matches(text, language_code):
    """The primary keys of the directory's entries (English rows) whose names, in the
    visitor's language or in English, the engine matches with every word of `text`; None
    when no engine is configured or it failed (the directory then reads the names itself)."""
    if not text or not engine_configured():
        return None
    try:
        found = _matches(SOURCE_LANGUAGE, text)
        if language_code != SOURCE_LANGUAGE:
            found |= _matches(language_code, text)
    except Exception as error:
        if not is_search_engine_error(error):
            raise
        logger.warning(
            "Search engine unavailable (%s); the directory's names read without it",
            type(error).__name__,
        )
        return None
    return frozenset(found)
