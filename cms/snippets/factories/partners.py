"""Factories of partners and of their ordered relations (areas, regions, countries, funding)."""

import factory
from factory.django import DjangoModelFactory

from ..models import (
    Partner,
    PartnerContact,
    PartnerCountry,
    PartnerFundingType,
    PartnerRegion,
    PartnerThematicArea,
)
from .vocabularies import (
    BeneficiaryRegionFactory,
    CountryFactory,
    FundingTypeFactory,
    PartnerKindFactory,
    ThematicAreaFactory,
    source_locale,
)

__all__ = [
    "PartnerContactFactory",
    "PartnerCountryFactory",
    "PartnerFactory",
    "PartnerFundingTypeFactory",
    "PartnerRegionFactory",
    "PartnerThematicAreaFactory",
]


class PartnerFactory(DjangoModelFactory):
    """A partner in the source locale, by default one in the funding-partner database."""

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    locale = factory.LazyFunction(source_locale)
    name = factory.Sequence(lambda n: f"Partner organization {n}")
    kind = factory.SubFactory(PartnerKindFactory)
    is_funding_partner = True
    website = factory.LazyAttribute(lambda p: f"https://{p.name.lower().replace(' ', '-')}.example")
    mandate = "<p>Supports telecommunication and ICT development.</p>"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted is not None:
            self.priority_areas = [PartnerThematicArea(area=area) for area in extracted]

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if extracted is not None:
            self.beneficiary_regions = [PartnerRegion(region=region) for region in extracted]

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if extracted is not None:
            self.beneficiary_countries = [PartnerCountry(country=c) for c in extracted]

    @factory.post_generation
    def funding(self, create, extracted, **kwargs):
        if extracted is not None:
            self.funding_types = [PartnerFundingType(funding_type=ft) for ft in extracted]

    @factory.post_generation
    def commit_relations(self, create, extracted, **kwargs):
        # The relations above live in memory on the cluster until the partner is saved.
        if create:
            self.save()


class PartnerThematicAreaFactory(DjangoModelFactory):
    """A priority area of a partner."""

    class Meta:
        model = PartnerThematicArea

    partner = factory.SubFactory(PartnerFactory)
    area = factory.SubFactory(ThematicAreaFactory)


class PartnerRegionFactory(DjangoModelFactory):
    """A region a partner targets."""

    class Meta:
        model = PartnerRegion

    partner = factory.SubFactory(PartnerFactory)
    region = factory.SubFactory(BeneficiaryRegionFactory)


class PartnerCountryFactory(DjangoModelFactory):
    """A country a partner targets."""

    class Meta:
        model = PartnerCountry

    partner = factory.SubFactory(PartnerFactory)
    country = factory.SubFactory(CountryFactory)


class PartnerFundingTypeFactory(DjangoModelFactory):
    """A form of funding a partner provides."""

    class Meta:
        model = PartnerFundingType

    partner = factory.SubFactory(PartnerFactory)
    funding_type = factory.SubFactory(FundingTypeFactory)


class PartnerContactFactory(DjangoModelFactory):
    """A contact person at a partner (staff only)."""

    class Meta:
        model = PartnerContact

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Contact person {n}")
    role = "Partnerships manager"
    email = factory.Sequence(lambda n: f"contact{n}@partner.example")
