"""URLs of the public API, outside the site's /<language>/ prefixes (included by cms.urls).

Any other address under /api/v1/ answers a JSON 404 rather than the site's HTML page.
"""

from django.http import JsonResponse
from django.urls import path, re_path

from .api import API_URLCONF, api

__all__ = ["urlpatterns"]


def not_found(request, rest=""):
    # See PublicAPI.create_response: no redirect to a language prefix.
    request.urlconf = API_URLCONF
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("api/v1/", api.urls),
    # Only addresses ending in "/": without it, Django first adds the slash (APPEND_SLASH).
    re_path(r"^api/v1/(?P<rest>(?:.*/)?)$", not_found, name="api_not_found"),
]
