"""The site's six languages, in one place: their codes, names, direction and how a code
written some other way (``zh-Hans``, ``zh_CN``, ``fr-CA``) is read.

Django's settings hold the list (`LANGUAGES`, `LANGUAGE_CODE`, `LANGUAGES_BIDI`), since Django
and Wagtail read it from there; everything of the project asks this module, never the settings
nor a list of its own. English is the source language: pages and records are written in it
first, and it is the fallback of every other language.
"""

from django.conf import settings
from django.utils import translation

__all__ = [
    "SOURCE",
    "active",
    "codes",
    "direction",
    "is_site_language",
    "label",
    "name",
    "normalize",
]

SOURCE = "en"


def codes():
    """The six language codes, in the order of the switcher (settings.LANGUAGES)."""
    return tuple(code for code, _name in settings.LANGUAGES)


def is_site_language(code):
    return code in codes()


def normalize(code, default=SOURCE):
    """The site language that `code` stands for (``zh-Hans``, ``zh_CN``, ``zh`` → ``zh-hans``;
    ``fr-CA`` → ``fr``), or `default` for a language the site does not have."""
    code = (code or "").strip().lower().replace("_", "-")
    if is_site_language(code):
        return code
    if code.startswith("zh"):
        return "zh-hans"
    base = code.split("-", 1)[0]
    return base if is_site_language(base) else default


def active():
    """The language of the request being answered (Django's active language), as one of the
    site's; the source language outside a request or for any other."""
    return normalize(translation.get_language(), default=settings.LANGUAGE_CODE)


def direction(code):
    """ "rtl" for Arabic, "ltr" for the others."""
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


def name(code):
    """The language's name written in that language ("Français", "العربية", "中文")."""
    return dict(settings.LANGUAGES).get(code, code)


def label(code):
    """The language's name in the active language ("French" in English, "Francés" in
    Spanish): settings.LANGUAGE_LABELS, for lists where the staff member reads them."""
    return str(settings.LANGUAGE_LABELS.get(code, name(code)))
