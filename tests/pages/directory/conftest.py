"""Fixtures of the partner directory tests (defined in `fixtures`, shared with the API's)."""

from .fixtures import (  # noqa: F401
    _clear_cache,
    australia,
    built_once,
    built_records,
    directories,
    homes,
    records,
    vocab,
)
