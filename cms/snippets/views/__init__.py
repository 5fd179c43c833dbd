"""Admin views of the partnership records: listings, inspect pages and choosers."""

from .choosers import CountryChooserViewSet, RecordChooserViewSet
from .listing import RecordIndexView, TranslationState
from .record_pages import AgreementInspectView, PartnerInspectView, may_see_confidential
from .records import (
    AgreementIndexView,
    CountryIndexView,
    PartnerIndexView,
    RecordInspectView,
    agreement_partners,
    agreement_regions,
    partner_regions,
)
from .search import (
    INTERNAL_PERMISSION,
    agreements_of_partners_matching,
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
    "agreements_of_partners_matching",
    "agreement_regions",
    "country_codes_matching",
    "join_names",
    "may_see_confidential",
    "partner_regions",
    "search_records",
]
