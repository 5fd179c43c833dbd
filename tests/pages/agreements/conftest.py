"""Fixtures of the agreement page tests: the directory's site (home pages in English,
French, Arabic and Chinese, partner directories, the Government of Australia with its public
and confidential agreements) and an archive around one agreement (`fixtures`)."""

from tests.pages.directory.fixtures import (  # noqa: F401
    _clear_cache,
    built_records,
    records,
)

from .fixtures import australia, built_once, korea, main, opportunity, vocab  # noqa: F401
