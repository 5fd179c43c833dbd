"""The partner directory, partner profiles and the recognitions page: their records (public
fields only) and the context of each page. Vocabularies in the visitor's language come
from `cms.snippets.terms`."""

from .directory import PAGE_SIZE, DirectoryFilters, FacetOption, Letter, directory_context
from .loaders import load_public_agreements, load_public_partners, load_public_recognitions
from .pages import Occasion, organization_node, profile_context, recognitions_context
from .records import (
    CountryName,
    PartnerLink,
    ProfileLinks,
    PublicAgreement,
    PublicPartner,
    PublicRecognition,
    Vocabularies,
    funding_partners,
    name_initial,
    partner_slug,
    translated_partner_names,
)

__all__ = [
    "PAGE_SIZE",
    "CountryName",
    "DirectoryFilters",
    "FacetOption",
    "Letter",
    "Occasion",
    "PartnerLink",
    "ProfileLinks",
    "PublicAgreement",
    "PublicPartner",
    "PublicRecognition",
    "Vocabularies",
    "directory_context",
    "funding_partners",
    "load_public_agreements",
    "load_public_partners",
    "load_public_recognitions",
    "name_initial",
    "organization_node",
    "partner_slug",
    "profile_context",
    "recognitions_context",
    "translated_partner_names",
]
