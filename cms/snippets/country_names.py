"""Country names as the United Nations writes them, in each of its six languages.

`data/un_country_names.csv` holds, for every ISO 3166-1 code, the short name of the UN
terminology database (UNTERM) in Arabic, Chinese, English, French, Russian and Spanish, and,
for territories that UNTERM does not list, the name of the UN Statistics Division's M49
standard. It is generated from OCHA's Countries & Territories taxonomy by
`manage.py build_un_country_names` (see that command for the source and the few
corrections). Codes or languages the file leaves empty keep django-countries' name.

`country_overrides()` feeds the file to django-countries (`COUNTRIES_OVERRIDE`), so that every
country field, form choice, listing and `Country.name` shows these names in the active
language, with no per-page code and no catalogue entries: they are data, not interface text.
"""

import csv
from functools import cache
from pathlib import Path

from django.utils.functional import lazy
from django.utils.translation import get_language

__all__ = [
    "DATA_FILE",
    "LANGUAGES",
    "code_for_name",
    "country_overrides",
    "un_country_name",
    "un_names",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "un_country_names.csv"
#: The file's columns, one per site language.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")


@cache
def un_names():
    """{ISO alpha-2 code: {language: name}}, empty names left out."""
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: {language: row[language] for language in LANGUAGES if row[language]}
            for row in csv.DictReader(handle)
        }


def _language(language_code):
    """The file's column for a Django language code ("zh-hans", "zh-cn", "fr-ch", "fr")."""
    code = (language_code or "en").lower()
    if code.startswith("zh"):
        return "zh-hans"
    return code.split("-")[0]


def un_country_name(code, language_code=None):
    """The UN's short name of the country `code` in `language_code` (the active language when
    None), or None when the file has none."""
    names = un_names().get(str(code).upper(), {})
    return names.get(_language(language_code or get_language()))


def _name_in_active_language(code, fallback):
    return un_country_name(code) or str(fallback)


_lazy_name = lazy(_name_in_active_language, str)


def country_overrides():
    """`COUNTRIES_OVERRIDE` for django-countries: each code of the file named lazily, in the
    language active when the name is shown; django-countries' own (translated) name where
    the file has none for that language."""
    from django_countries.data import COUNTRIES

    return {code: _lazy_name(code, COUNTRIES[code]) for code in un_names() if code in COUNTRIES}


@cache
def _codes_by_english_name():
    """{casefolded English name: code}: the UN's names, and the ISO, common and former
    names django-countries knows ("United Kingdom", "Bahamas (The)", "North Korea",
    "Turkey"), which import files and API callers may still use."""
    from django_countries import Countries
    from django_countries.data import COUNTRIES

    names = {}
    for code, name in COUNTRIES.items():
        names[str(name).casefold()] = code
    for code, name in Countries.COMMON_NAMES.items():
        names[str(name).casefold()] = code
    for code, old_names in Countries.OLD_NAMES.items():
        for name in old_names:
            names.setdefault(str(name).casefold(), code)
    for code, languages in un_names().items():
        if "en" in languages:
            names[languages["en"].casefold()] = code
    return names


def code_for_name(name):
    """The ISO code of the country called `name` in English (the UN's, ISO's or the common
    name), or "" when none is."""
    from django.utils.translation import override

    with override("en"):
        return _codes_by_english_name().get(str(name).strip().casefold(), "")
