"""Page types of the public site."""

from .base import BasePage, HomePage, StandardPage
from .directory import PartnerDirectoryPage, RecognitionsPage
from .opportunities import (
    OpportunityCountry,
    OpportunityIndexPage,
    OpportunityMaterial,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)
from .progress import OpportunityProgressReport

__all__ = [
    "BasePage",
    "HomePage",
    "OpportunityCountry",
    "OpportunityIndexPage",
    "OpportunityMaterial",
    "OpportunityPage",
    "OpportunityPartnerKind",
    "OpportunityProgressReport",
    "OpportunityRegion",
    "OpportunitySDG",
    "OpportunityThematicArea",
    "PartnerDirectoryPage",
    "RecognitionsPage",
    "StandardPage",
]
