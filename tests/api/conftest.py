"""Fixtures of the public API tests: a site in several languages with a partner directory,
opportunities that are public, draft, private or in one language only, and partners with
staff-only data (see the `fixtures` modules)."""

from tests.pages.directory.fixtures import (  # noqa: F401
    _clear_cache,
    australia,
    built_once,
    built_records,
    directories,
    homes,
    records,
    vocab,
)

from .fixtures import goal, indexes, opportunities  # noqa: F401
