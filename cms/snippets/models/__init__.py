"""Models of the partnership records; see each module for its part of the domain."""

from .agreements import (
    CURRENCY_CHOICES,
    Agreement,
    AgreementPartner,
    AgreementQuerySet,
    AgreementTag,
)
from .materials import Material, MaterialCaptionTrack
from .partners import (
    Partner,
    PartnerContact,
    PartnerCountry,
    PartnerFundingType,
    PartnerQuerySet,
    PartnerRegion,
    PartnerThematicArea,
)
from .recognitions import Recognition
from .vocabularies import (
    SOURCE_LOCALE,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
    Vocabulary,
)

__all__ = [
    "CURRENCY_CHOICES",
    "SOURCE_LOCALE",
    "Agreement",
    "AgreementPartner",
    "AgreementQuerySet",
    "AgreementTag",
    "AgreementType",
    "BeneficiaryRegion",
    "Country",
    "FundingMechanism",
    "FundingType",
    "Material",
    "MaterialCaptionTrack",
    "MembershipCategory",
    "Partner",
    "PartnerContact",
    "PartnerCountry",
    "PartnerFundingType",
    "PartnerKind",
    "PartnerQuerySet",
    "PartnerRegion",
    "PartnerThematicArea",
    "Recognition",
    "SustainableDevelopmentGoal",
    "ThematicArea",
    "Vocabulary",
]
