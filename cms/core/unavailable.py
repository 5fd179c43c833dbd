"""What a visitor, an editor or an API client gets while the database cannot answer.

PostgreSQL down, a connection dropped, or a query stopped by `statement_timeout` (a lock that
hangs it, say) raise Django's OperationalError or InterfaceError. Instead of a 500 after the
worker's timeout, the request gets a 503 "Service unavailable" with `Retry-After`: the site's
error page in the visitor's language (Arabic right to left) for pages and the admin, a JSON
body for the API. Nothing on that path reads the database.

Two ways in: `DatabaseUnavailableMiddleware` catches the error raised by a view, and
`server_error` (the project's handler500) catches one raised by a middleware (a session or a
user read before the view), where Django no longer calls `process_exception`.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext
from django.views import defaults

__all__ = [
    "DATABASE_ERRORS",
    "DatabaseUnavailableMiddleware",
    "is_database_outage",
    "server_error",
    "service_unavailable",
]

logger = logging.getLogger("cms.core.unavailable")

#: What Django raises when the database is down, a connection dropped or a query timed out.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(exception):
    """Whether an exception means "the database cannot answer now", not a programming error."""
    return isinstance(exception, DATABASE_ERRORS)


def _wants_json(request):
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def service_unavailable(request):
    """The 503 answer: the translated error page, or JSON for the API, with Retry-After."""
    retry_after = settings.SERVICE_UNAVAILABLE_RETRY_AFTER
    if _wants_json(request):
        response = JsonResponse(
            {"detail": gettext("The service is temporarily unavailable. Try again later.")},
            status=503,
        )
    else:
        # Rendered without the request: its context processors would read the user (and so
        # the database) to fill a page that needs nothing but the active language.
        body = loader.get_template("503.html").render({"retry_after": retry_after})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database outage raised by a view into a 503 with Retry-After (logged)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        logger.error("Database unavailable at %s: %s", request.path, exception)
        return service_unavailable(request)


def server_error(request, template_name="500.html"):
    """handler500: a 503 when the uncaught error is a database outage, else Django's 500."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        logger.error("Database unavailable at %s: %s", request.path, exception)
        return service_unavailable(request)
    return defaults.server_error(request, template_name=template_name)
