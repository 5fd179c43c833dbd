"""Finding interface words left in English on an admin screen shown in one of the five
languages other than English.

An English word is an interface word when it occurs in a message of the catalogues the admin
is drawn from (Django, Wagtail, wagtail-localize, the project's `locale/` and its
`upstream_locale/`): the words of their `msgid`s. French and Spanish are written in Latin
script like English: on a French or Spanish screen such a word is left in English unless the
language writes it the same way ("Page", "Date", "Type" in French; "Error", "Total" in
Spanish): words found in that language's translations of the same catalogues are French (or
Spanish) too, except in the code those translations copy from the English (options,
identifiers, file names: `CODE`). Arabic, Russian and Chinese are not written in Latin
script: on their screens every Latin-script interface word is left in English.

What is record data is not counted: the text inside `DATA_SELECTORS` (titles and names of
records in listings and headers, which exist in the language they were written in), the
record names a test says it shows (records with no translation), words in capitals (codes
and acronyms: USD, AFR, ISO 4217 codes) and the few proper nouns of `ALLOWED`.
"""

import re
from functools import cache
from pathlib import Path

import django
import polib
import wagtail
import wagtail_localize
from django.conf import settings

__all__ = [
    "ALLOWED",
    "DATA_SELECTORS",
    "IGNORED_TAGS",
    "LATIN_SCRIPT",
    "english_words_in",
    "interface_words",
]

# Proper nouns, brand names and codes, the same in every language.
ALLOWED = {
    "wagtail",  # the admin's brand name, shown in the sidebar and footer
    "partnerhub",  # the portal's name
    "itu",  # International Telecommunication Union, written so in every UN language
    "usd",  # ISO 4217 currency code
    "iso",
    "csv",  # file formats
    "xlsx",
    "json",
    "pdf",
    "url",
    "deepl",  # the machine translator's name
    "windows",  # the Windows-1252 and ISO-8859-1 (Latin-1) encodings of the import page
    "latin",
    # Language names in Wagtail's language pickers and locale labels are each written in
    # their own language (settings.WAGTAIL_CONTENT_LANGUAGES): "English" is English's name.
    "english",
    # Keys as printed on keyboards, in "Hold Ctrl (or Cmd on a Mac)".
    "ctrl",
    "cmd",
    "mac",
}
# Where record data is shown: the names and titles of records, as written in their language.
DATA_SELECTORS = [
    ".title-wrapper",  # the first column of listings: a record's title
    "td.title",
    ".w-breadcrumbs li:last-child",  # the record the screen is about
    "#header-title",  # the title of the record being edited
    "table.translation-matrix tbody th[scope=row]",  # the object each row of it is about
    "[data-record-data]",
    # ISO 4217 currencies, named by CLDR in the staff member's language (ISO's English name
    # for the few CLDR does not name, such as XUA).
    "select[name=currency]",
]
# The languages written in Latin script, like English, which share words with it.
LATIN_SCRIPT = {"fr", "es"}
# Values of the import file's format, quoted as they are typed in every language.
FORMAT_TOKENS = ["yes/no", "YYYY-MM-DD"]
IGNORED_TAGS = {"script", "style", "noscript", "template", "textarea", "svg", "code", "pre"}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’]+$")
URL = re.compile(r"\w+://\S+|\S+@\S+")
MESSAGE_PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^}]*\}|<[^>]+>")
# What a translation copies from the English as it is: command-line options, identifiers,
# file and module names, settings, paths ("--funding-type", "workflow_tasks", "manage.py",
# "DEBUG=True", "/about/contact/"): no evidence of how the language writes a word.
CODE = re.compile(r"--[\w-]+|\S*\w_\w\S*|\S*\w\.\w+\S*|\S*\w=\S*|\S*/\S*/\S*")


def _catalogues(language):
    folders = [
        Path(django.__file__).parent,
        Path(wagtail.__file__).parent,
        Path(wagtail_localize.__file__).parent,
        Path(settings.BASE_DIR) / "locale",
        Path(settings.BASE_DIR) / "upstream_locale",
    ]
    code = "zh_Hans" if language == "zh-hans" else language
    for folder in folders:
        yield from folder.glob(f"**/locale/{code}/LC_MESSAGES/django*.po")
        yield from folder.glob(f"{code}/LC_MESSAGES/django*.po")


def _words(text):
    return {word.casefold() for word in WORD.findall(MESSAGE_PLACEHOLDER.sub(" ", text))}


@cache
def interface_words(language):
    """(English interface words, words of `language`'s translations), casefolded."""
    english, translated = set(), set()
    for path in set(_catalogues(language)):
        for entry in polib.pofile(str(path)):
            english |= _words(entry.msgid) | _words(entry.msgid_plural or "")
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                translated |= _words(CODE.sub(" ", URL.sub(" ", text)))
    english = {word for word in english if len(word) > 2 and LATIN.match(word)}
    return frozenset(english), frozenset(translated)


def english_words_in(text, language, record_data=()):
    """The English interface words of `text` on a screen in `language` ("fr", "es", "ru",
    "ar" or "zh-hans"), the `record_data` (names of records shown, which have no
    translation) left out."""
    english, translated = interface_words(language)
    for phrase in [*sorted(record_data, key=len, reverse=True), *FORMAT_TOKENS]:
        text = text.replace(phrase, " ")
    text = URL.sub(" ", text)
    found = []
    for word in WORD.findall(text):
        folded = word.casefold()
        if word.isupper() or folded in ALLOWED or folded not in english:
            continue
        if language in LATIN_SCRIPT and folded in translated:
            continue
        found.append(word)
    return found
