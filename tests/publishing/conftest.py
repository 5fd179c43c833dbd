"""Fixtures of the publishing tests: the directory's sites and records (shared with the
directory's and the API's tests) for the page cache's invalidation tests."""

from tests.pages.directory.fixtures import (  # noqa: F401 (fixtures)
    australia,
    directories,
    homes,
    vocab,
)
