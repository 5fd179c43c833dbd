"""Admin viewsets of the partnership records, grouped in the menu as "Partnerships" and
"Vocabularies".

Listings load their related rows in a fixed number of queries whatever the page size
(`select_related`, `prefetch_related`, and counts as correlated subqueries). Counts on
vocabulary terms go through `translation_key`, so every language's row of a term shows the
same figure although records point at the English row.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .agreements import AgreementViewSet
from .base import RecordViewSet
from .materials import MaterialViewSet
from .partners import PartnerViewSet
from .recognitions import RecognitionViewSet
from .vocabularies import (
    AgreementTypeViewSet,
    BeneficiaryRegionViewSet,
    CountryViewSet,
    FundingMechanismViewSet,
    FundingTypeViewSet,
    MembershipCategoryViewSet,
    PartnerKindViewSet,
    SustainableDevelopmentGoalViewSet,
    ThematicAreaViewSet,
    VocabularyViewSet,
)

__all__ = [
    "AgreementViewSet",
    "MaterialViewSet",
    "PartnerViewSet",
    "PartnershipViewSetGroup",
    "RecognitionViewSet",
    "RecordViewSet",
    "VocabularyViewSet",
    "VocabularyViewSetGroup",
]


class PartnershipViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Partnerships")
    menu_icon = "group"
    menu_order = 150
    items = (PartnerViewSet, AgreementViewSet, RecognitionViewSet, MaterialViewSet)


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        BeneficiaryRegionViewSet,
        CountryViewSet,
        ThematicAreaViewSet,
        PartnerKindViewSet,
        MembershipCategoryViewSet,
        FundingTypeViewSet,
        FundingMechanismViewSet,
        AgreementTypeViewSet,
        SustainableDevelopmentGoalViewSet,
    )
