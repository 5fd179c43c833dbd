"""The closest spellings of a query that found nothing ("Did you mean …").

The words offered are the words of the **public titles** of the visitor's language: the
titles and introductions of the live, public pages under the language's home page
(opportunities and other pages) and the names and acronyms of the public funding partners
(in that language and in English, by which they are found in every language). Only public
text, and not every word of the search index: the index also holds drafts, pages under a view
restriction and staff-only names, whose words must never reach a visitor, even as a spelling.
Each of these words is searched, so every spelling offered finds something.

The list of words of a language is built once and kept in the shared cache until a page,
a partner or the site changes (the page cache's tags `pages:all`, `data:partners`, `site`).

How the closest words are found, by the site's backend:

- **PostgreSQL**: `pg_trgm`'s trigram similarity (the extension is created by the finder's
  migrations, after `unaccent`; the database has a UTF-8 character type, so that Cyrillic
  and Arabic letters make trigrams), one query for all the words of the query;
- **Elasticsearch / OpenSearch**: the engine's term suggester on the titles of the
  language's page index (their unstemmed edge n-grams); its suggestions are mapped back to
  the public words they begin; a term of no public word is dropped;
- **SQLite** (and whenever the above fail or find nothing for a word): `difflib`'s ratio in
  Python over the same words.

A word of the query is kept when it is a word of the titles; each other word is replaced by
its closest words (at most SPELLING_LIMIT queries are offered). Words typed apart that form a
title word together (``cyber security`` → ``cybersecurity``) are offered joined. Chinese,
written without spaces, has no spelling to correct: no suggestion there, only the link to
the opportunities.
"""

import difflib
import logging
import re
from collections import Counter

from django.db import connection, transaction
from wagtail.models import Page, get_page_models

from cms.core.page_cache import cached_value
from cms.pages.models import BasePage
from cms.pages.public_records import funding_partners
from cms.snippets.models import Partner

from .. import highlight
from ..analysis import HAN_RUN_RE

__all__ = ["SPELLING_LIMIT", "closest_spellings", "opportunity_index", "title_words"]

logger = logging.getLogger("search")

SPELLING_LIMIT = 3
#: Shortest word offered or corrected (shorter ones are mostly articles and typos of them).
MIN_WORD_LENGTH = 3
#: Least similarity of a word offered: trigram similarity (PostgreSQL), difflib ratio.
MIN_TRIGRAM_SIMILARITY = 0.3
MIN_RATIO = 0.7
#: Most candidates kept per word of the query.
CANDIDATES = 3
WORDS_TAGS = ("pages:all", "data:partners", "site")
WORD_RE = re.compile(r"[^\W\d_]+")


def _collect(texts, counts):
    for text in texts:
        for word in WORD_RE.findall(str(text or "")):
            if len(word) >= MIN_WORD_LENGTH and not HAN_RUN_RE.match(word):
                counts[(highlight.normalize_word(word), word.casefold())] += 1


def _build_words(scope):
    counts = Counter()
    pages = scope.public(Page.objects.filter(locale=scope.locale)).values_list("title", flat=True)
    _collect(pages, counts)
    # The introductions, a public summary that the search reads too (one query per type of
    # page that has one, only when the list is built).
    for model in get_page_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            introductions = scope.public(model.objects.filter(locale=scope.locale))
            _collect(introductions.values_list("introduction", flat=True), counts)
    if scope.profile_links.base_url:
        english = funding_partners()
        partners = Partner.objects.filter(
            locale=scope.locale, translation_key__in=english.values("translation_key")
        ).values_list("name", "acronym")
        for row in [*partners, *english.values_list("name", "acronym")]:
            _collect(row, counts)
    # {word as compared: the form it is written in most often}
    words = {}
    for (key, form), _count in sorted(counts.items(), key=lambda item: -item[1]):
        words.setdefault(key, form)
    return words


def title_words(scope):
    """{word as compared (`highlight.normalize_word`): as written} of the public titles and
    introductions of the scope's language (see the module's description), from the shared
    cache."""
    if scope.locale is None or scope.home is None:
        return {}
    key = f"search:title-words:{scope.language_code}:{scope.home.pk}"
    return cached_value(key, WORDS_TAGS, lambda: _build_words(scope))


def _closest_by_ratio(word, words):
    return difflib.get_close_matches(word, list(words), n=CANDIDATES, cutoff=MIN_RATIO)


def _closest_by_trigrams(unknown, words):
    """{word: closest words} by pg_trgm's similarity, in one query."""
    sql = """
        SELECT q.word, c.word
        FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, n)
        CROSS JOIN LATERAL (
            SELECT w AS word, similarity(w, q.word) AS sim
            FROM unnest(%s::text[]) AS w
            WHERE similarity(w, q.word) >= %s
            ORDER BY sim DESC, w
            LIMIT %s
        ) AS c
        ORDER BY q.n, c.sim DESC, c.word
    """
    params = [list(unknown), list(words), MIN_TRIGRAM_SIMILARITY, CANDIDATES]
    found = {word: [] for word in unknown}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        for word, candidate in cursor.fetchall():
            found[word].append(candidate)
    return found


def _closest_by_suggester(unknown, words, scope):
    """{word: closest words} from the engine's term suggester on the page index's titles.

    It reads the titles' edge n-grams, unstemmed (the stems of the text field are too short
    to be near a typed word: French ``numérique`` is ``num``): its suggestions are
    beginnings of words (up to 15 letters), each mapped back to the public words that begin
    with it, the closest to the typed word first; a term that begins no public word (a word
    of a draft, say) is dropped."""
    from wagtail.search.backends import get_search_backend

    from .scope import backend_alias

    backend = get_search_backend(backend_alias(scope.language_code))
    index = backend.get_index_for_model(Page)
    body = {
        "size": 0,
        "suggest": {
            str(number): {
                "text": word,
                "term": {
                    "field": "title_edgengrams",
                    "suggest_mode": "always",
                    "size": CANDIDATES * 4,
                },
            }
            for number, word in enumerate(unknown)
        },
    }
    answer = backend.es.search(index=index.name, body=body)
    found = {}
    for number, word in enumerate(unknown):
        candidates = []
        for entry in answer.get("suggest", {}).get(str(number), []):
            for option in entry.get("options", []):
                term = highlight.normalize_word(option.get("text", ""))
                begun = [key for key in words if term and key.startswith(term)]
                begun.sort(key=lambda key: -difflib.SequenceMatcher(None, word, key).ratio())
                candidates += [key for key in begun[:1] if key not in candidates]
        found[word] = candidates[:CANDIDATES]
    return found


def _closest(unknown, words, scope):
    """{word of the query: its closest title words (as compared)}."""
    from wagtail.search.backends import get_search_backend

    from .scope import backend_alias

    try:
        backend = get_search_backend(backend_alias(scope.language_code))
        if hasattr(backend, "es"):
            found = _closest_by_suggester(unknown, words, scope)
        elif connection.vendor == "postgresql":
            found = _closest_by_trigrams(unknown, words)
        else:
            found = {}
    except Exception as error:  # noqa: BLE001 - the spellings are help: any failure falls back
        logger.warning("Closest spellings fell back to Python: %s", error)
        found = {}
    # A word the backend had nothing for (an engine whose stems are not Snowball's, say).
    return {word: found.get(word) or _closest_by_ratio(word, words) for word in unknown}


def closest_spellings(query, scope):
    """Up to SPELLING_LIMIT queries close to `query` made of words of the public titles of
    its language, the closest first (none when every word is already such a word)."""
    words = title_words(scope)
    typed = WORD_RE.findall(query)
    if not words or not typed or HAN_RUN_RE.search(query):
        return []
    keys = [highlight.normalize_word(word) for word in typed]
    offers = []
    # Words typed apart that make one title word.
    for start in range(len(keys) - 1):
        joined = keys[start] + keys[start + 1]
        if joined in words:
            offers.append([*typed[:start], words[joined], *typed[start + 2 :]])
    unknown = [
        key for key in dict.fromkeys(keys) if key not in words and len(key) >= MIN_WORD_LENGTH
    ]
    if unknown:
        closest = _closest(unknown, words, scope)
        for choice in range(CANDIDATES):
            offer = []
            for word, key in zip(typed, keys, strict=True):
                options = closest.get(key) or []
                if key in words or not options:
                    offer.append(word)
                else:
                    offer.append(words[options[min(choice, len(options) - 1)]])
            offers.append(offer)
    spellings = []
    for offer in offers:
        text = " ".join(offer)
        if text.casefold() != query.casefold() and text not in spellings:
            spellings.append(text)
    return spellings[:SPELLING_LIMIT]


def opportunity_index(scope):
    """The public opportunity index of the scope's language (offered when nothing is found),
    or None."""
    from cms.pages.models import OpportunityIndexPage

    if scope.public_q is None:
        return None
    return scope.public(OpportunityIndexPage.objects.all()).order_by("path").first()
