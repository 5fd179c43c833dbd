"""Vocabulary terms for the tests of partnership records, made with the shared factories."""

from tests.small_vocabularies import addendum, areas, mou, regions  # noqa: F401 (fixtures)
