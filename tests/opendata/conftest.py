"""A small archive covering every branch of the exports: public and confidential agreements,
addenda of each, partners in every role, countries or regions only, several areas, an
amount in euros, an undated agreement, and titles that look like spreadsheet formulas."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cms.snippets.factories import (
    AgreementFactory,
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    CountryFactory,
    PartnerContactFactory,
    PartnerFactory,
    PartnerKindFactory,
    ThematicAreaFactory,
)
from cms.snippets.models import Agreement
from tests.rollback import refetched, rolled_back

SCHEMA_DIR = Path(__file__).parent / "iati-schemas-2.03"
FORMULA_TITLES = {
    "FORMULA-EQ": '=HYPERLINK("http://evil.example","x")',
    "FORMULA-PLUS": "+1+2",
    "FORMULA-MINUS": "-3+4",
    "FORMULA-AT": "@SUM(A1:A2)",
    "FORMULA-TAB": "\tTabbed title",
    "FORMULA-CR": "\rCarriage title",
}


def set_countries(agreement, countries):
    """Beneficiary countries of a saved agreement (modelcluster cannot sort several countries
    in memory: their codes do not compare)."""
    through = Agreement.countries.through
    through.objects.bulk_create(
        [through(agreement_id=agreement.pk, country_id=country.pk) for country in countries]
    )


class Archive:
    """Handles on the records of the `archive` fixture."""


# The archive, built once for each module (every test but a few reads it), each test in a
# savepoint of its own and given fresh copies.
@pytest.fixture(scope="module")
def archive_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, make_archive)


@pytest.fixture
def archive(db, archive_records):
    return refetched(archive_records)


def make_archive():
    a = Archive()
    a.afr = BeneficiaryRegionFactory(code="afr", name="Africa", sort_order=1)
    a.arb = BeneficiaryRegionFactory(code="arb", name="Arab States", sort_order=3)
    a.glo = BeneficiaryRegionFactory(code="glo", name="Global", sort_order=7)
    a.kenya = CountryFactory(code="KE", region=a.afr)
    a.senegal = CountryFactory(code="SN", region=a.afr)
    a.egypt = CountryFactory(code="EG", region=a.arb)
    a.cyber = ThematicAreaFactory(code="cybersecurity", name="Cybersecurity", sort_order=5)
    a.capacity = ThematicAreaFactory(
        code="capacity-building", name="Capacity Building", sort_order=1
    )
    a.infra = ThematicAreaFactory(code="infrastructure", name="Infrastructure", sort_order=4)
    a.odd = ThematicAreaFactory(code="unmapped-area", name="Unmapped area", sort_order=20)
    a.mou = AgreementTypeFactory()
    a.addendum = AgreementTypeFactory(amendment=True)
    government = PartnerKindFactory()
    foundation = PartnerKindFactory(code="foundation", name="Foundation")
    company = PartnerKindFactory(code="company", name="Private company")

    a.gov = PartnerFactory(
        name="Government of Australia",
        acronym="AUS",
        kind=government,
        aliases="Australia\nCommonwealth of Australia",
        internal_notes="PARTNER-INTERNAL-NOTE",
        areas=[a.cyber, a.capacity],
        regions=[a.afr],
        countries=[a.kenya],
        headquarters_country=CountryFactory(code="AU"),
    )
    PartnerContactFactory(partner=a.gov, name="Secret Contact", email="secret@gov.example")
    a.gates = PartnerFactory(
        name="Bill & Melinda Gates Foundation",
        kind=foundation,
        website="https://www.gatesfoundation.org",
    )
    a.company = PartnerFactory(
        name="-Dash Telecom", kind=company, website="https://dash-telecom.example"
    )
    a.ministry = PartnerFactory(
        name="Ministry of ICT of Kenya", kind=government, is_funding_partner=False
    )

    a.public = AgreementFactory(
        reference="2015/01",
        title="Connecting schools in Africa",
        agreement_type=a.mou,
        signature_date=datetime.date(2015, 3, 10),
        start_date=datetime.date(2015, 4, 1),
        end_date=datetime.date(2017, 3, 31),
        status=Agreement.Status.COMPLETED,
        amount=Decimal("250000.00"),
        currency="USD",
        primary_area=a.cyber,
        secondary_areas=[a.capacity, a.infra],
        regions=[a.afr],
        partners=[(a.gov, "funder"), (a.company, "implementer"), (a.ministry, "beneficiary")],
        notes="AGREEMENT-PUBLIC-NOTE",
    )
    set_countries(a.public, [a.kenya, a.senegal, a.egypt])
    a.regional = AgreementFactory(
        reference="2016/07",
        title="Regional cybersecurity centre",
        agreement_type=a.mou,
        signature_date=datetime.date(2016, 9, 1),
        status=Agreement.Status.ACTIVE,
        amount=Decimal("1000000.50"),
        currency="EUR",
        amount_usd=Decimal("1100000.55"),
        primary_area=a.odd,
        regions=[a.afr, a.arb, a.glo],
        partners=[(a.gates, "sponsor"), (a.gov, "funder")],
    )
    a.undated = AgreementFactory(
        reference="LEGACY 9",
        title="Legacy memorandum",
        agreement_type=a.mou,
        signature_date=None,
        registered_on=datetime.date(2014, 5, 5),
        status=Agreement.Status.IN_PREPARATION,
        amount=None,
        amount_usd=None,
        primary_area=a.capacity,
        regions=[a.glo],
        partners=[(a.company, "other")],
    )
    a.confidential = AgreementFactory(
        reference="SECRET-001",
        title="Confidential cooperation",
        agreement_type=a.mou,
        signature_date=datetime.date(2016, 1, 1),
        is_confidential=True,
        amount=Decimal("999999.00"),
        primary_area=a.cyber,
        regions=[a.afr],
        partners=[(a.gates, "funder")],
        notes="CONFIDENTIAL-NOTE",
    )
    a.addendum_of_confidential = AgreementFactory(
        reference="2016/08-A1",
        title="Addendum to a confidential agreement",
        agreement_type=a.addendum,
        parent=a.confidential,
        signature_date=datetime.date(2016, 6, 1),
        primary_area=a.cyber,
        regions=[a.afr],
        partners=[(a.gates, "funder")],
    )
    a.addendum_of_public = AgreementFactory(
        reference="2015/01-A1",
        title="Addendum: a second year",
        agreement_type=a.addendum,
        parent=a.public,
        signature_date=datetime.date(2016, 2, 1),
        end_date=datetime.date(2099, 12, 31),
        status=Agreement.Status.TERMINATED,
        amount=Decimal("5000.00"),
        primary_area=a.cyber,
        regions=[a.afr],
        partners=[(a.gov, "funder")],
    )
    a.formulas = {
        reference: AgreementFactory(
            reference=reference,
            title=title,
            agreement_type=a.mou,
            primary_area=a.infra,
            regions=[a.glo],
            partners=[a.gov],
        )
        for reference, title in FORMULA_TITLES.items()
    }
    return a


@pytest.fixture
def iati_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))
