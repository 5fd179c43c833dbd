"""Admin views of the partnership records: listings, inspect pages and choosers."""

from .choosers import CountryChooserViewSet, RecordChooserViewSet
from .listing import RecordIndexView, TranslationState
from .records import (
    AgreementIndexView,
    AgreementInspectView,
    CountryIndexView,
    PartnerIndexView,
    PartnerInspectView,
    RecordInspectView,
    agreement_partners,
    agreement_regions,
    partner_regions,
)
from .search import (
    INTERNAL_PERMISSION,
    country_codes_matching,
    join_names,
    search_records,
)

__all__ = [
    "INTERNAL_PERMISSION",
    "AgreementIndexView",
    "AgreementInspectView",
    "CountryChooserViewSet",
    "CountryIndexView",
    "PartnerIndexView",
    "PartnerInspectView",
    "RecordChooserViewSet",
    "RecordIndexView",
    "RecordInspectView",
    "TranslationState",
    "agreement_partners",
    "agreement_regions",
    "country_codes_matching",
    "join_names",
    "partner_regions",
    "search_records",
]
