"""The content language an API request asks for (`?lang=`)."""

from cms.core import languages

from .errors import ApiError

__all__ = ["LANGUAGE_CODES", "resolve_language"]

LANGUAGE_CODES = list(languages.codes())


def resolve_language(value):
    """The language code asked for (English by default); a 400 error for any other value
    than one of the site's six languages."""
    code = (value or languages.SOURCE).strip().lower()
    if code not in LANGUAGE_CODES:
        raise ApiError(
            400,
            f"Unknown language {value!r}: use one of {', '.join(LANGUAGE_CODES)}.",
        )
    return code
