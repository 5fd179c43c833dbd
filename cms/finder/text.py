"""The words of the finder's free text: which are looked for, and in which languages.

A person types the text in one of the six languages. Its words are looked for in the
partners' text in *that* language and in English, the language every record has (an
agreement has one title, in the language it was signed in, and it is read as it is). The
language of a word is told by its script for Arabic, Russian and Chinese; for words in Latin
letters (English, French, Spanish) by the text's stop words ("protection en ligne des
enfants" has two French ones, "en" and "des"), ties going to the language the person works in
(`hint`), or to all the tied languages when the hint is not one of them.

The stop words of the text's language are then dropped: they are in every title and would
make every partner match. The lists (`stopwords/`) are Snowball's for English, French,
Spanish and Russian (those PostgreSQL ships); Snowball has none for Arabic and Chinese, whose
lists are their function words. Words are compared with the project's search analysis
(`search.analysis.tokenize`: case, accents, French elisions, the Arabic article), and Chinese
runs are cut into pairs of characters as the site's search does, so that a word is found
inside a longer run.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from search.analysis import LANGUAGE_CODES, normalize_language, tokenize

__all__ = [
    "LATIN_LANGUAGES",
    "MAX_TEXT_LENGTH",
    "MAX_WORDS",
    "TextWord",
    "is_stop_word",
    "stop_words",
    "text_words",
]

#: Free text is cut to this many characters, and only its first words are used.
MAX_TEXT_LENGTH = 200
MAX_WORDS = 8
#: Latin words shorter than this are ignored (initials, elided "l'", "d'").
MIN_WORD_LENGTH = 2
ENGLISH = "en"
#: The site's languages written in Latin letters, told apart by their stop words.
LATIN_LANGUAGES = ("en", "fr", "es")
_STOP_WORDS_DIR = Path(__file__).resolve().parent / "stopwords"
_WORD_RE = re.compile(r"[^\W_]+")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


@dataclass(frozen=True)
class TextWord:
    """A word of the free text as it is looked for (lower-cased, as typed), and the languages
    of the text it is looked for in (always with English)."""

    text: str
    languages: frozenset


def _script_language(word):
    """The language a word's script tells (None for Latin letters, digits...)."""
    first = word[0]
    if "\u0600" <= first <= "\u06ff":
        return "ar"
    if "\u0400" <= first <= "\u04ff":
        return "ru"
    if _HAN_RE.match(first):
        return "zh-hans"
    return None


def _folded(word, language):
    """`word` as the search analysis of `language` reads it, before stemming."""
    return " ".join(tokenize(word, language))


@cache
def stop_words(language):
    """The stop words of `language` (one of the site's six, else none), as
    `search.analysis.tokenize` reads them."""
    if language not in LANGUAGE_CODES:
        return frozenset()
    # A missing list raises: searching with every "the" and "de" is no fallback.
    path = _STOP_WORDS_DIR / f"{language}.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(_folded(word, language))
    return frozenset(words)


def is_stop_word(word, languages):
    """Whether `word` is a stop word of any of `languages`."""
    return any(_folded(word, language) in stop_words(language) for language in languages)


def _latin_languages(words, hint):
    """The languages the text's words in Latin letters are written in: those with the most
    stop words among them; of a tie, the `hint` if it is tied, else all of them."""
    counts = {
        language: sum(_folded(word, language) in stop_words(language) for word in words)
        for language in LATIN_LANGUAGES
    }
    best = max(counts.values())
    tied = tuple(language for language, count in counts.items() if count == best)
    return (hint,) if hint in tied else tied


def _segments(word):
    """A run of Chinese characters in pairs, as the site's search segments it; any other
    word as it is."""
    if _HAN_RE.search(word):
        return tokenize(word, "zh-hans")
    return [word]


def text_words(text, hint=None):
    """The TextWords of `text` that are looked for: lower-cased, without the stop words of
    their language, each once, at most MAX_WORDS. `hint`: the language the person works in
    (see the module's description)."""
    hint = normalize_language(hint) if hint else None
    raw = _WORD_RE.findall((text or "")[:MAX_TEXT_LENGTH].casefold())
    words = [segment for word in raw for segment in _segments(word)]
    latin = [word for word in words if _script_language(word) is None]
    latin_languages = _latin_languages(latin, hint) if latin else (ENGLISH,)
    found, seen = [], set()
    for word in words:
        script = _script_language(word)
        languages = (script,) if script else latin_languages
        if word in seen or is_stop_word(word, languages):
            continue
        if script is None and len(word) < MIN_WORD_LENGTH:
            continue
        seen.add(word)
        found.append(TextWord(word, frozenset({*languages, ENGLISH})))
    return found[:MAX_WORDS]
