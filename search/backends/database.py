"""``BACKEND`` path of a per-language database backend: PostgreSQL or SQLite, whichever the
default database is (as modelsearch's own ``modelsearch.backends.database`` chooses)."""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

__all__ = ["SearchBackend"]


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    """The language backend for the current database vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresLanguageSearchBackend

        return PostgresLanguageSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteLanguageSearchBackend

        return SQLiteLanguageSearchBackend(params)
    raise ImproperlyConfigured(
        f"Six-language search supports PostgreSQL and SQLite, not {connection.vendor}."
    )
