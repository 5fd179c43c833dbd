"""Errors of the public API: always a JSON body {"detail": "..."}, never a stack trace."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import Http404
from ninja.errors import HttpError, ValidationError

from cms.core.unavailable import service_unavailable

__all__ = ["ApiError", "install_error_handlers"]

logger = logging.getLogger("cms.api")


class ApiError(Exception):
    """A request the API cannot answer, with its HTTP status and a message for the client."""

    def __init__(self, status, detail):
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _location(error):
    return ".".join(str(part) for part in error.get("loc", ()) if part != "query")


def install_error_handlers(api):
    """Answer every error of `api` in JSON: the client's mistakes with a 4xx status and a
    message saying what to change, anything unexpected with a bare 500 (logged)."""

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return api.create_response(request, {"detail": exc.detail}, status=exc.status)

    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc):
        messages = [f"{_location(error)}: {error.get('msg', '')}" for error in exc.errors]
        errors = [
            {"parameter": _location(error), "message": error.get("msg", "")} for error in exc.errors
        ]
        detail = "Invalid parameters. " + "; ".join(messages)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": "Not found."}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)

    @api.exception_handler(OperationalError)
    @api.exception_handler(InterfaceError)
    def database_unavailable(request, exc):
        # PostgreSQL down or a statement past its timeout: the client may try again.
        logger.error("Database unavailable in the public API at %s: %s", request.path, exc)
        return service_unavailable(request)

    @api.exception_handler(Exception)
    def server_error(request, exc):
        logger.exception("Error in the public API at %s", request.path)
        return api.create_response(request, {"detail": "Internal server error."}, status=500)
