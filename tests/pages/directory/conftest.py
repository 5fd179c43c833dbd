"""Fixtures of the partner directory tests (defined in `fixtures`, shared with the API's)."""

from .fixtures import _clear_cache, australia, directories, homes, vocab  # noqa: F401
