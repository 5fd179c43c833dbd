"""The admin in the staff member's language from the start of the request to its end.

Wagtail activates a staff member's preferred language only inside its admin views: what it
does around them runs in the site's default language. A page refused to a staff member is
the visible case: Wagtail catches the refusal outside the view and stores its message, "Sorry,
you do not have permission to access this area.", in English, shown on the next page in
English whatever the admin's language.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation

__all__ = ["AdminLanguageMiddleware"]

ADMIN_PREFIX = "/admin/"


def preferred_language(user):
    """The admin language a signed-in staff member chose, or None."""
    if not user.is_authenticated:
        return None
    try:
        language = user.wagtail_userprofile.preferred_language
    except (AttributeError, ObjectDoesNotExist):
        return None
    codes = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    return language if language in codes else None


class AdminLanguageMiddleware:
    """Run every admin request of a signed-in staff member in their preferred language (to
    be placed after the authentication middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if request.path.startswith(ADMIN_PREFIX):
            language = preferred_language(request.user)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            return self.get_response(request)
