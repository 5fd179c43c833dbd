"""Vocabulary terms for the tests of partnership records, made with the shared factories."""

import pytest

from tests.small_vocabularies import make_addendum, make_areas, make_mou, make_regions


@pytest.fixture
def regions(db):
    """The seven ITU-D regions, by code."""
    return make_regions()


@pytest.fixture
def areas(db):
    """Two thematic areas, by code."""
    return make_areas()


@pytest.fixture
def mou(db):
    return make_mou()


@pytest.fixture
def addendum(db):
    return make_addendum()
