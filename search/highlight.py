"""Highlighting the words of a query in a search result: its title, and a short extract of
its text around the first word found (the snippet).

Words are compared the way a visitor reads them, not character by character: case and Latin
accents do not matter (``cooperacion`` marks ``cooperación``), Arabic loses its diacritics,
the forms of alef and the article (``شراكة`` marks ``الشراكة``), and a word is marked when it
begins with a query word or shares a long beginning with it (``partenariat`` marks
``partenariats``, ``сотрудничество`` marks ``сотрудничества``). Chinese, written without
spaces, is matched inside longer runs of characters (``合作`` marks it in ``合作伙伴``).

Terms are a plain list of strings: the words of the query, and any other form of them the
search engine used (stems, pairs of Chinese characters). Everything is HTML-escaped; the
only markup produced is ``<mark>``.
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = [
    "MAX_TERMS",
    "Terms",
    "highlight",
    "matches",
    "normalize_word",
    "prepare_terms",
    "snippet",
    "split_words",
]

MAX_TERMS = 64
SNIPPET_LENGTH = 240
ELLIPSIS = "…"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Combining marks (accents typed apart, Arabic diacritics) belong to their word.
MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# A run of Chinese characters, or a word of any other script (letters and digits).
TOKEN_RE = re.compile(rf"(?P<han>[{HAN}]+)|(?P<word>(?:[^\W_{HAN}]|[{MARKS}])+)")
ARABIC_DIACRITICS_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ё": "е"})
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
SPACE_RE = re.compile(r"\s+")
# A word of at least this many letters matches the longer words it begins.
MIN_PREFIX = 3
# Two words sharing a beginning of at least this many letters, missing at most
# ENDING_SLACK letters of the shorter word, are forms of one word (plurals, cases).
MIN_SHARED = 4
ENDING_SLACK = 2
# The words whose verdict one `Terms` keeps (it lives as long as one search).
MAX_KEPT_WORDS = 20000


@lru_cache(maxsize=65536)
def normalize_word(word):
    """A word as it is compared: lower case, without accents or Arabic diacritics, with one
    form of alef and without the Arabic article."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = ARABIC_DIACRITICS_RE.sub("", word).translate(ARABIC_LETTERS)
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
        )
    if word and "\u0600" <= word[0] <= "\u06ff":
        for prefix in ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) > 1:
                word = word[len(prefix) :]
                break
    return word


def split_words(text):
    """The words of `text` (runs of Chinese characters count as one), in order."""
    return [match.group(0) for match in TOKEN_RE.finditer(text or "")]


class Terms:
    """Query terms made ready for matching: words of alphabetic scripts, and Chinese
    strings matched inside runs of characters."""

    def __init__(self, words, han):
        self.words = words
        self.han = han
        # {word as written: whether it matches}: a result's words repeat, and so do the
        # words of the results of one search.
        self._matched = {}

    def __bool__(self):
        return bool(self.words or self.han)

    def match_word(self, word):
        matched = self._matched.get(word)
        if matched is None:
            normalized = normalize_word(word)
            matched = any(_same_word(normalized, term) for term in self.words)
            if len(self._matched) < MAX_KEPT_WORDS:
                self._matched[word] = matched
        return matched

    def han_spans(self, run):
        spans = []
        for term in self.han:
            start = run.find(term)
            while start != -1:
                spans.append((start, start + len(term)))
                start = run.find(term, start + 1)
        return spans


def prepare_terms(terms):
    """`Terms` from a list of strings (each may hold several words); at most MAX_TERMS."""
    if isinstance(terms, Terms):
        return terms
    words, han = [], []
    for term in terms or ():
        for match in TOKEN_RE.finditer(unicodedata.normalize("NFKC", str(term))):
            if match.group("han"):
                han.append(match.group(0))
            else:
                normalized = normalize_word(match.group(0))
                if normalized:
                    words.append(normalized)
    words = list(dict.fromkeys(words))[:MAX_TERMS]
    han = list(dict.fromkeys(han))[:MAX_TERMS]
    return Terms(words, han)


def _same_word(word, term):
    if word == term:
        return True
    if len(term) >= MIN_PREFIX and word.startswith(term):
        return True
    shared = len(_common_prefix(word, term))
    return shared >= max(MIN_SHARED, min(len(word), len(term)) - ENDING_SLACK)


def _common_prefix(first, second):
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return first[:length]


def _raw_spans(text, terms):
    """The (start, end) ranges of `text` that match `terms`, in the order of the text's
    words (a generator: a caller may stop at the first)."""
    for match in TOKEN_RE.finditer(text):
        if match.group("han"):
            offset = match.start()
            yield from sorted((offset + a, offset + b) for a, b in terms.han_spans(match.group(0)))
        elif terms.words and terms.match_word(match.group(0)):
            yield match.span()


def _first_hit(text, terms):
    """Where the first word of `text` that matches `terms` begins; None without one."""
    for start, _end in _raw_spans(text, terms):
        return start
    return None


def _spans(text, terms):
    """The (start, end) ranges of `text` to mark, sorted and merged."""
    spans = sorted(_raw_spans(text, terms))
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(text, spans):
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def matches(text, terms):
    """Whether any word of `text` matches one of `terms`."""
    terms = prepare_terms(terms)
    return bool(terms) and _first_hit(SPACE_RE.sub(" ", text or ""), terms) is not None


def highlight(text, terms):
    """`text`, HTML-escaped, with the words that match `terms` in ``<mark>``."""
    text = SPACE_RE.sub(" ", str(text or "")).strip()
    terms = prepare_terms(terms)
    if not terms:
        return mark_safe(escape(text))  # noqa: S308 - escaped above
    return mark_safe(_mark(text, _spans(text, terms)))  # noqa: S308 - every part escaped


def _window(text, first_hit, length):
    """(start, end) of an extract of about `length` characters of `text` that shows the
    character `first_hit` with some context before it, cut between words."""
    if len(text) <= length:
        return 0, len(text)
    start = max(0, first_hit - length // 3)
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    if start > 0:
        space = text.find(" ", start, first_hit)
        if space != -1:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", max(first_hit + 1, start), end)
        if space > start:
            end = space
    return start, end


def snippet(text, terms, length=SNIPPET_LENGTH):
    """An extract of `text` of about `length` characters around the first word matching
    `terms`, HTML-escaped, the matching words in ``<mark>``; the beginning of the text when
    nothing matches. An ellipsis shows where the text was cut."""
    text = SPACE_RE.sub(" ", str(text or "")).strip()
    if not text:
        return SafeString("")
    terms = prepare_terms(terms)
    first = _first_hit(text, terms) if terms else None
    start, end = _window(text, first or 0, length)
    extract = text[start:end].strip()
    spans = _spans(extract, terms) if first is not None else []
    html = _mark(extract, spans)
    if start > 0:
        html = ELLIPSIS + html
    if end < len(text):
        html += ELLIPSIS
    return mark_safe(html)  # noqa: S308 - every part escaped by _mark


def initials(texts):
    """What any word `matches` in `texts` must begin with: the first letter of each of their
    words (normalised as matched) and every Chinese character (a Chinese term matches inside
    a run of them)."""
    found = set()
    for text in texts:
        for match in TOKEN_RE.finditer(unicodedata.normalize("NFKC", text or "")):
            if match.group("han"):
                found.update(match.group(0))
            else:
                word = normalize_word(match.group(0))
                if word:
                    found.add(word[0])
    return frozenset(found)


def may_match(terms, text_initials):
    """False when no word of a text whose `initials` these are can match `terms` (each term
    must share its first letter with the word it matches); True otherwise."""
    terms = prepare_terms(terms)
    return any(term[0] in text_initials for term in (*terms.words, *terms.han))
