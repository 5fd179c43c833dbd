"""The agreement figures are tested on the small vocabularies of the record tests, not on the
directory's fuller ones that the other reports tests use (tests/reports/conftest.py)."""

from tests.small_vocabularies import addendum, areas, mou, regions  # noqa: F401 (fixtures)
