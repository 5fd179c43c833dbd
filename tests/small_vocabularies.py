"""The small vocabularies that the tests of partnership records and of the agreement figures
build their archives on: the seven ITU-D regions, two thematic areas, a memorandum of
understanding and an addendum. Fixtures, imported by the conftests that use them
(tests/snippets, tests/reports/agreement_stats)."""

import pytest

from cms.snippets.factories import (
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    ThematicAreaFactory,
)

REGION_NAMES = {
    "afr": "Africa",
    "ams": "Americas",
    "arb": "Arab States",
    "asp": "Asia-Pacific",
    "cis": "Commonwealth of Independent States",
    "eur": "Europe",
    "glo": "Global / inter-regional",
}


@pytest.fixture
def regions(db):
    """The seven ITU-D regions, by code."""
    return {
        code: BeneficiaryRegionFactory(code=code, name=name, sort_order=position)
        for position, (code, name) in enumerate(REGION_NAMES.items())
    }


@pytest.fixture
def areas(db):
    """Two thematic areas, by code."""
    return {
        "capacity-building": ThematicAreaFactory(
            code="capacity-building", name="Capacity Building", sort_order=1
        ),
        "cybersecurity": ThematicAreaFactory(
            code="cybersecurity", name="Cybersecurity", sort_order=2
        ),
    }


@pytest.fixture
def mou(db):
    return AgreementTypeFactory(code="mou", name="Memorandum of understanding")


@pytest.fixture
def addendum(db):
    return AgreementTypeFactory(amendment=True)
