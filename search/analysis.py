"""How text becomes search terms, in each of the six languages.

A page or record is indexed with the analysis of its own language, and a visitor's query is
analysed with the visitor's language, so that the words meet half-way:

- letters are lower-cased, French elisions are dropped (``l'UIT`` → ``uit``), Latin
  accents are folded (``asociación`` → ``asociacion``) and the Russian ``ё`` is read as ``е``;
- Arabic loses its diacritics (tashkeel) and tatweel, the forms of alef with hamza become a
  bare alef, and the conjunction ``و`` and the article with its prepositions (``ال``, ``وال``,
  ``بال``, ``كال``, ``فال``, ``لل``) are taken off the front of a word, as Elasticsearch's
  Arabic analyzer does;
- runs of Chinese characters, written without spaces, become overlapping pairs of characters
  (``合作伙伴`` → ``合作 作伙 伙伴``), so that a word is found inside a longer run; a lone
  character stays as it is;
- then each word is reduced to its stem by the Snowball algorithm of the language (English,
  French, Spanish, Russian, Arabic), the same algorithms that PostgreSQL and Elasticsearch
  use. Chinese has no stemming.

Both databases receive the finished terms (`analyze`, `query_text`): PostgreSQL's own
Snowball is older and would disagree (see search/backends/postgres.py); Elasticsearch runs the
same steps with its analyzers (search/backends/elasticsearch.py).

Queries are cut to `MAX_QUERY_CHARS` characters and `MAX_QUERY_TERMS` terms, and
only letters and digits survive: operators, quotes and punctuation are never passed on to a
search engine.
"""

import re
import threading
import unicodedata

import snowballstemmer
from django.utils.html import strip_tags

from cms.core import languages

__all__ = [
    "LANGUAGE_CODES",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "SOURCE_LANGUAGE",
    "analyze",
    "autocomplete_terms",
    "index_text",
    "normalize_language",
    "query_terms",
    "query_text",
    "tokenize",
]

SOURCE_LANGUAGE = languages.SOURCE
# The site's languages and the Snowball algorithm of each (None: no stemming).
STEMMERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
    "zh-hans": None,
}
LANGUAGE_CODES = tuple(STEMMERS)

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 32

# Letters and digits of any script; everything else separates words.
WORD_RE = re.compile(r"[^\W_]+")
HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
ARABIC_DIACRITICS_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# The article and the prepositions joined to it, longest first (the "light10" prefixes).
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
# French elision: l'UIT, d'accès, qu'elle, jusqu'à.
FRENCH_ELISION_RE = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def normalize_language(language_code):
    """The site language that `language_code` stands for (``zh-Hans``, ``zh``, ``fr-CA`` ...).

    Unknown languages are analysed as the source language, English.
    """
    return languages.normalize(language_code, default=SOURCE_LANGUAGE)


_stemmers = threading.local()


def _stemmer(language_code):
    """This thread's stemmer for the language (PyStemmer's stemmers, which snowballstemmer
    hands out when it is installed, must not be shared between threads)."""
    algorithm = STEMMERS[language_code]
    if not algorithm:
        return None
    stemmers = getattr(_stemmers, "by_algorithm", None)
    if stemmers is None:
        stemmers = _stemmers.by_algorithm = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


def _fold_char(char):
    # Fold accents of Latin letters only: Cyrillic "й" must stay a letter of its own.
    if char < "\u0250":
        decomposed = unicodedata.normalize("NFKD", char)
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    if char == "ё":
        return "е"
    return char


def _fold(word):
    if word.isascii():
        return word
    return "".join(_fold_char(char) for char in word)


def _strip_arabic_prefix(word):
    if word.startswith("و") and len(word) > 3:
        word = word[1:]
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) > 1:
            return word[len(prefix) :]
    return word


def _han_bigrams(match):
    run = match.group(0)
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "


def tokenize(text, language_code):
    """The normalised words of `text`, before stemming (see the module's description)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", str(text))
    if "<" in text:
        text = strip_tags(text)
    if language_code == "fr":
        text = FRENCH_ELISION_RE.sub(" ", text)
    text = ARABIC_DIACRITICS_RE.sub("", text).translate(ARABIC_ALEFS)
    text = HAN_RUN_RE.sub(_han_bigrams, text).lower()
    words = []
    for word in WORD_RE.findall(text):
        word = _fold(word)
        if "\u0600" <= word[0] <= "\u06ff":
            word = _strip_arabic_prefix(word)
        words.append(word)
    return words


def _stem_all(words, language_code):
    stemmer = _stemmer(language_code)
    if stemmer is None:
        return list(words)
    return stemmer.stemWords(list(words))


def analyze(text, language_code):
    """The search terms of `text` read in the given language: the normalised, stemmed words.

    ``analyze("Les partenariats", "fr") == ["le", "partenariat"]``. Indexing and querying on
    SQLite use this analysis; the search page uses it to highlight the words of a result whose
    terms are among `query_terms`.
    """
    language_code = normalize_language(language_code)
    return _stem_all(tokenize(text, language_code), language_code)


def autocomplete_terms(text, language_code):
    """The normalised words of `text` without stemming, matched by prefix as a visitor types."""
    return tokenize(text, normalize_language(language_code))


def _cut(query):
    query = str(query or "")
    if len(query) <= MAX_QUERY_CHARS:
        return query
    cut = query[:MAX_QUERY_CHARS]
    if query[MAX_QUERY_CHARS].isalnum() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # no half word at the end
    return cut


def _unique(terms):
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def query_terms(q, language_code):
    """The distinct search terms of a visitor's query `q` in their language, at most
    `MAX_QUERY_TERMS` of them, from its first `MAX_QUERY_CHARS` characters.

    Any input is accepted: operators, quotes, punctuation and emoji are dropped, and an empty
    list means there is nothing to search for.
    """
    return _unique(analyze(_cut(q), language_code))


def query_text(q, language_code, *, stem=False):
    """A visitor's query cut and cleaned into space-separated words that any search engine
    takes as plain words (no operator, quote or punctuation survives); stemmed when `stem`.
    """
    language_code = normalize_language(language_code)
    words = tokenize(_cut(q), language_code)
    if stem:
        words = _stem_all(words, language_code)
    return " ".join(_unique(words))


def index_text(text, language_code):
    """The normalised words of a document's text, for an engine that stems them itself."""
    return " ".join(tokenize(text, normalize_language(language_code)))
