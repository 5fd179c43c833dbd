"""The content language an API request asks for (`?lang=`)."""

from django.conf import settings

from .errors import ApiError

__all__ = ["LANGUAGE_CODES", "resolve_language"]

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def resolve_language(value):
    """The language code asked for (English by default); a 400 error for any other value
    than one of the site's six languages."""
    code = (value or settings.LANGUAGE_CODE).strip().lower()
    if code not in LANGUAGE_CODES:
        raise ApiError(
            400,
            f"Unknown language {value!r}: use one of {', '.join(LANGUAGE_CODES)}.",
        )
    return code
