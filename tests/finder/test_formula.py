"""The score formula is written once (`cms.finder.formula`) and computed twice: by the
database for every partner, and in Python for those that may be shown. On agreements that
differ in every respect the formula weighs (primary and secondary area, place, region of a
requested country, title words, age, undated, value, role, confidentiality), both give every
partner the same points, to a billionth, and the same breakdown, to the cent."""

import datetime

import pytest

from cms.finder.criteria import Criteria
from cms.snippets.factories import PartnerFactory
from tests.rollback import refetched, rolled_back

from . import built_once
from .conftest import agreement
from .scores import disagreements

pytestmark = pytest.mark.django_db


def make_varied(vocab):
    """Agreements that each bring one more rule into play, beside the ranking archive."""
    other = PartnerFactory(name="Varied Partner", kind=vocab["foundation"])
    agreement(
        vocab,
        other,
        reference="V-SECONDARY",
        area="infra",
        regions=("eur",),
        secondary_areas=[vocab["cyber"]],
        title="Secure networks for schools",
    )
    agreement(vocab, other, reference="V-KENYA", area="skills", countries=[vocab["ke"]])
    agreement(vocab, other, reference="V-BENEFICIARY", role="beneficiary", usd=None)
    agreement(vocab, other, reference="V-IMPLEMENTER", role="implementer", usd="12345678")
    agreement(
        vocab, other, reference="V-UNDATED", day=None, registered_on=datetime.date(2009, 5, 3)
    )
    agreement(vocab, other, reference="V-FUTURE", day=datetime.date(2030, 1, 1))
    agreement(vocab, other, reference="V-SECRET", is_confidential=True, title="Cyber schools")
    agreement(
        vocab,
        PartnerFactory(name="Other Role", kind=vocab["government"]),
        reference="V-OTHER",
        role="other",
        area="skills",
        regions=("afr", "eur"),
        title="Schools online",
    )
    return other


def build():
    records = built_once.build()
    records["varied"] = make_varied(records["vocab"])
    return records


# The ranking archive and the varied agreements, built once for the module: every test only
# reads them. Each runs in a savepoint of its own with fresh copies.
@pytest.fixture(scope="module")
def formula_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def vocab(db, formula_records):
    return refetched(formula_records["vocab"])


@pytest.fixture
def varied(db, formula_records):
    """The ranking archive, plus agreements that each bring one more rule into play."""
    return refetched(formula_records["varied"])


CASES = {
    "area and region": lambda v: Criteria(areas={v["cyber"].pk}, regions={v["afr"].pk}),
    "areas": lambda v: Criteria(areas={v["cyber"].pk, v["skills"].pk}),
    "country": lambda v: Criteria(countries={v["ke"].pk}),
    "country, region and text": lambda v: Criteria(
        countries={v["ke"].pk}, regions={v["eur"].pk}, text="schools networks"
    ),
    "text": lambda v: Criteria(text="cyber schools"),
    "everything": lambda v: Criteria(
        areas={v["cyber"].pk},
        regions={v["eur"].pk},
        countries={v["fr"].pk, v["ke"].pk},
        funding_types={v["grant"].pk},
        text="secure schools",
    ),
    "a kind": lambda v: Criteria(areas={v["cyber"].pk}, kinds={v["foundation"].pk}),
}


@pytest.mark.parametrize("include_confidential", [True, False])
@pytest.mark.parametrize("case", CASES)
def test_the_database_and_python_give_every_partner_the_same_points(
    vocab, varied, case, include_confidential
):
    wrong, largest, compared, earning = disagreements(
        CASES[case](vocab), include_confidential=include_confidential
    )

    assert wrong == {}
    assert largest < 1e-9
    assert compared == 7  # every partner of the archive
    assert earning >= 1
