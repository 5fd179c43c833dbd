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

A document's words joined by a hyphen are also indexed as one word (``e-waste`` → ``e``,
``waste``, ``ewaste``: `index_terms`), so that ``ewaste`` finds it; a query's neighbouring
words may also be read as one (``cyber security`` finds ``cybersecurity``), the last word of
a query is also matched as the beginning of a word (as the visitor types: ``cyber`` finds
``cybersecurity``), and the editors' synonyms are tried beside the words typed: all of this
is the query's `reading` (`read_query`, search/synonyms.py), which every backend receives.

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
from dataclasses import dataclass

import snowballstemmer
from django.utils.html import strip_tags

from cms.core import languages

__all__ = [
    "LANGUAGE_CODES",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "SOURCE_LANGUAGE",
    "analyze",
    "MIN_PREFIX_CHARS",
    "QueryReading",
    "autocomplete_terms",
    "index_terms",
    "index_text",
    "normalize_language",
    "query_terms",
    "query_text",
    "read_query",
    "stem_words",
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
#: The last word of a query is also matched as the beginning of a longer word from this many
#: characters (``cyb`` finds ``cybersecurity``); shorter, it would match too much.
MIN_PREFIX_CHARS = 3
#: At most this many other forms are tried for one word of a query (joined neighbours,
#: synonyms), so that a long synonym list cannot make a query without end.
MAX_WORD_OPTIONS = 8

# Letters and digits of any script; everything else separates words.
WORD_RE = re.compile(r"[^\W_]+")
HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
ARABIC_DIACRITICS_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# The article and the prepositions joined to it, longest first (the "light10" prefixes).
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Two words joined by a hyphen (ASCII, Unicode hyphen or non-breaking hyphen): indexed as both
# words and as one (the same rule as the engines' "partnerhub_compounds" character filter).
HYPHEN_COMPOUND_RE = re.compile(r"([^\W_]+)[-\u2010\u2011]([^\W_]+)")
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


def tokenize(text, language_code, *, compounds=False):
    """The normalised words of `text`, before stemming (see the module's description); with
    `compounds`, words joined by a hyphen also as one word (for documents, not queries)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", str(text))
    if "<" in text:
        text = strip_tags(text)
    if compounds:
        text = HYPHEN_COMPOUND_RE.sub(r"\1 \2 \1\2", text)
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


def stem_words(words, language_code):
    """The stems of already normalised `words` (`tokenize`) in the language."""
    return _stem_all(words, normalize_language(language_code))


def analyze(text, language_code):
    """The search terms of `text` read in the given language: the normalised, stemmed words.

    ``analyze("Les partenariats", "fr") == ["le", "partenariat"]``. Indexing and querying on
    SQLite use this analysis; the search page uses it to highlight the words of a result whose
    terms are among `query_terms`.
    """
    language_code = normalize_language(language_code)
    return _stem_all(tokenize(text, language_code), language_code)


def index_terms(text, language_code):
    """The search terms of a document's `text`: `analyze`, with the words joined by a hyphen
    also as one word (``e-waste`` gives ``e``, ``wast`` and ``ewast``)."""
    language_code = normalize_language(language_code)
    return _stem_all(tokenize(text, language_code, compounds=True), language_code)


def autocomplete_terms(text, language_code):
    """The normalised words of a document's `text` without stemming, matched by prefix as a
    visitor types (hyphenated words also as one, as `index_terms`)."""
    return tokenize(text, normalize_language(language_code), compounds=True)


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
    list means there is nothing to search for. (The other forms a search also tries, joined
    words and synonyms, are in `read_query(q, language_code).option_terms()`.)
    """
    return _unique(analyze(_cut(q), language_code))


@dataclass(frozen=True)
class QueryReading:
    """A visitor's query as the search reads it, in one language.

    `words`: its normalised words (unstemmed). `options`: for each word, the forms that satisfy
    it, each a tuple of words that must all be found, the word itself first; the others are
    the word joined to a neighbour (``cyber security`` → ``cybersecurity`` for both words) and
    the other terms of an editors' synonym group holding a phrase of the query (``figi`` →
    ``financial inclusion global initiative``, for each word of the phrase). `prefix`: the last
    word, also matched as the beginning of a word ("" when too short or Chinese).

    Every backend builds its query from it (search/backends/base.py), and the partner
    directory matches names with it (`matches`), so that all of them read a query alike.
    """

    language: str
    words: tuple
    options: tuple
    prefix: str = ""

    def __bool__(self):
        return bool(self.words)

    @property
    def expanded(self):
        """Whether anything beyond the words themselves is tried."""
        return bool(self.prefix) or any(len(options) > 1 for options in self.options)

    def stemmed_options(self):
        """`options` with each word stemmed, repeats removed (what the databases match)."""
        stemmed = []
        for options in self.options:
            forms = []
            for option in options:
                stems = tuple(_stem_all(option, self.language))
                if stems and stems not in forms:
                    forms.append(stems)
            stemmed.append(tuple(forms))
        return tuple(stemmed)

    def option_terms(self):
        """Every word and stem the reading tries (for marking them in the results)."""
        terms = []
        for options, stemmed in zip(self.options, self.stemmed_options(), strict=True):
            for option in (*options, *stemmed):
                terms.extend(option)
        return _unique_all(terms)

    def matches(self, terms, words=()):
        """Whether a text whose stemmed terms are `terms` (a set) and whose normalised words
        are `words` answers the query: each word found in one of its forms, the last word
        also as the beginning of one of `words`."""
        for index, forms in enumerate(self.stemmed_options()):
            if any(all(stem in terms for stem in form) for form in forms):
                continue
            if (
                self.prefix
                and index == len(self.words) - 1
                and any(word.startswith(self.prefix) for word in words)
            ):
                continue
            return False
        return True


def _unique_all(terms):
    return list(dict.fromkeys(terms))


def _joinable(word):
    return not HAN_RUN_RE.search(word)


#: `alternatives(words, language_code)` of the editors' synonyms, set by search.synonyms when
#: the app is ready: this module, below it (it reads no database), cannot import it.
_synonym_source = None


def use_synonyms(source):
    """Read queries with `source(words, language_code)` -> {word index: [forms]}."""
    global _synonym_source  # noqa: PLW0603 - one source for the process, set at start-up
    _synonym_source = source


def read_query(q, language_code, *, prefix=True, synonyms=True):
    """The `QueryReading` of a visitor's query `q` in their language (see there): its words
    (cut and cleaned as `query_text`), their joined neighbours, the editors' synonyms of the
    language when `synonyms`, and the last word as a prefix when `prefix`."""
    language_code = normalize_language(language_code)
    words = _unique(tokenize(_cut(q), language_code))
    options = [[(word,)] for word in words]
    for index in range(len(words) - 1):
        first, second = words[index], words[index + 1]
        if _joinable(first) and _joinable(second):
            joined = (first + second,)
            options[index].append(joined)
            options[index + 1].append(joined)
    if synonyms and words and _synonym_source is not None:
        for index, forms in _synonym_source(words, language_code).items():
            options[index].extend(forms)
    last = words[-1] if words else ""
    use_prefix = prefix and len(last) >= MIN_PREFIX_CHARS and _joinable(last)
    return QueryReading(
        language=language_code,
        words=tuple(words),
        options=tuple(
            tuple(list(dict.fromkeys(forms))[: MAX_WORD_OPTIONS + 1]) for forms in options
        ),
        prefix=last if use_prefix else "",
    )


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
    return " ".join(tokenize(text, normalize_language(language_code), compounds=True))
