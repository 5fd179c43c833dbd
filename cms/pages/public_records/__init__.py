"""The public face of the funding-partner database: partners, their public agreements and
recognitions as plain records in a visitor's language (public fields only), read in a fixed
number of queries. The directory and profile pages (`cms.pages.context`), the JSON API, the
open data, the site search and the sponsorship pages all read partners through these
records, so that no field left out here can reach the public. Vocabularies in the visitor's
language come from `cms.snippets.terms`."""

from .agreements import (
    AGREEMENT_URL_NAME,
    AgreementLink,
    AgreementPartnerLink,
    OpportunityLink,
    PublicAgreementDetail,
    agreement_url,
    load_agreement_details,
)
from .loaders import load_public_agreements, load_public_partners, load_public_recognitions
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
    "AGREEMENT_URL_NAME",
    "AgreementLink",
    "AgreementPartnerLink",
    "OpportunityLink",
    "PublicAgreementDetail",
    "agreement_url",
    "load_agreement_details",
    "CountryName",
    "PartnerLink",
    "ProfileLinks",
    "PublicAgreement",
    "PublicPartner",
    "PublicRecognition",
    "Vocabularies",
    "funding_partners",
    "load_public_agreements",
    "load_public_partners",
    "load_public_recognitions",
    "name_initial",
    "partner_slug",
    "translated_partner_names",
]
