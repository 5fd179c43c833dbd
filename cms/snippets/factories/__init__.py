"""Factories of the partnership records, shared by the tests and the demo command.

Vocabulary terms are always made in the source locale (English), because records refer to
the English row of a term (see `cms.snippets.models.vocabularies`). Relations that go
through an orderable or a many-to-many field are passed as lists, e.g.
`PartnerFactory(areas=[area], regions=[region])` or
`AgreementFactory(regions=[afr, glo], partners=[(partner, "funder")], tags=["x"])`.
"""

from .agreements import AgreementFactory, AgreementPartnerFactory, RecognitionFactory
from .partners import (
    PartnerContactFactory,
    PartnerCountryFactory,
    PartnerFactory,
    PartnerFundingTypeFactory,
    PartnerRegionFactory,
    PartnerThematicAreaFactory,
)
from .vocabularies import (
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    CountryFactory,
    FundingMechanismFactory,
    FundingTypeFactory,
    MembershipCategoryFactory,
    PartnerKindFactory,
    SustainableDevelopmentGoalFactory,
    ThematicAreaFactory,
    source_locale,
)

__all__ = [
    "AgreementFactory",
    "AgreementPartnerFactory",
    "AgreementTypeFactory",
    "BeneficiaryRegionFactory",
    "CountryFactory",
    "FundingMechanismFactory",
    "FundingTypeFactory",
    "MembershipCategoryFactory",
    "PartnerContactFactory",
    "PartnerCountryFactory",
    "PartnerFactory",
    "PartnerFundingTypeFactory",
    "PartnerKindFactory",
    "PartnerRegionFactory",
    "PartnerThematicAreaFactory",
    "RecognitionFactory",
    "SustainableDevelopmentGoalFactory",
    "ThematicAreaFactory",
    "source_locale",
]
