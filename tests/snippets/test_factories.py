"""The shared factories make records the way an officer would, relations included."""

import pytest

from cms.snippets.factories import (
    AgreementFactory,
    CountryFactory,
    FundingTypeFactory,
    PartnerFactory,
    RecognitionFactory,
)


def test_partner_with_its_priorities_regions_countries_and_funding(regions, areas):
    kenya = CountryFactory(code="KE", region=regions["afr"])
    partner = PartnerFactory(
        areas=[areas["cybersecurity"]],
        regions=[regions["afr"], regions["glo"]],
        countries=[kenya],
        funding=[FundingTypeFactory()],
    )
    partner.refresh_from_db()
    assert [link.area.code for link in partner.priority_areas.all()] == ["cybersecurity"]
    assert partner.beneficiary_regions.count() == 2
    assert partner.beneficiary_countries.get().country.region == regions["afr"]
    assert partner.funding_types.get().funding_type.code == "grant"
    assert partner.locale.language_code == "en"


def test_agreement_with_partners_regions_and_tags(regions, areas):
    funder, implementer = PartnerFactory(), PartnerFactory(is_funding_partner=False)
    agreement = AgreementFactory(
        regions=[regions["asp"]],
        primary_area=areas["capacity-building"],
        partners=[funder, (implementer, "implementer")],
        tags=["centres-of-excellence"],
    )
    agreement.refresh_from_db()
    assert list(agreement.regions.values_list("code", flat=True)) == ["asp"]
    assert [(link.partner, link.role) for link in agreement.partner_links.all()] == [
        (funder, "funder"),
        (implementer, "implementer"),
    ]
    assert list(agreement.tags.names()) == ["centres-of-excellence"]


@pytest.mark.django_db
def test_vocabulary_factories_reuse_an_existing_code():
    first, second = FundingTypeFactory(), FundingTypeFactory()
    assert first.pk == second.pk


@pytest.mark.django_db
def test_recognition_of_a_partner():
    recognition = RecognitionFactory()
    assert recognition.partner.recognitions.get() == recognition
