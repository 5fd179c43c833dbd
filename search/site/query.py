"""Cleaning what a visitor typed, and the words to mark in the results."""

import re
import unicodedata

from .. import highlight

try:  # The language analysis of the search backends, when it is installed.
    from ..analysis import query_terms as analysed_terms
    from ..analysis import read_query
except ImportError:  # pragma: no cover - the highlighter then uses the query's words only
    analysed_terms = read_query = None

__all__ = [
    "MAX_QUERY_LENGTH",
    "SearchUnavailable",
    "clean_query",
    "highlight_terms",
    "plain_words",
]

MAX_QUERY_LENGTH = 200

SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[^\W_]+")


class SearchUnavailable(Exception):
    """The search backend failed; the visitor is asked to try again later."""


def clean_query(raw):
    """The query a visitor typed, made safe: Unicode-normalized, control and formatting
    characters dropped, white space collapsed, cut to MAX_QUERY_LENGTH characters."""
    text = str(raw or "")[: MAX_QUERY_LENGTH * 4]
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category == "Cc":
            kept.append(" ")
        elif category[0] != "C":
            kept.append(character)
    text = SPACE_RE.sub(" ", "".join(kept)).strip()
    return text[:MAX_QUERY_LENGTH].strip()


def plain_words(query):
    """The words of a query, without operators, quotes or punctuation."""
    return WORD_RE.findall(query)


def highlight_terms(query, language_code):
    """The strings to mark in results: the query's words and, with the language analysis,
    the forms the backend searched for (stems, pairs of Chinese characters, words joined,
    the editors' synonyms: "FIGI" marks "Financial Inclusion Global Initiative")."""
    terms = plain_words(query)
    if analysed_terms is not None:
        terms += analysed_terms(query, language_code)
        terms += read_query(query, language_code).option_terms()
    return highlight.prepare_terms(terms)
