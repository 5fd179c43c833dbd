"""Viewsets of the controlled vocabularies and of countries."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column

from ..filters import CountryFilterSet
from ..models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)
from ..views import CountryChooserViewSet, CountryIndexView
from ..views.columns import CodeColumn, LanguageColumn, TermColumn, YesNoColumn
from .base import SELECT, RecordViewSet, count_by_term

__all__ = [
    "AgreementTypeViewSet",
    "BeneficiaryRegionViewSet",
    "CountryViewSet",
    "FundingMechanismViewSet",
    "FundingTypeViewSet",
    "MembershipCategoryViewSet",
    "PartnerKindViewSet",
    "SustainableDevelopmentGoalViewSet",
    "ThematicAreaViewSet",
    "VocabularyViewSet",
]


class VocabularyViewSet(RecordViewSet):
    """A controlled list; its rows in all six languages are listed, each term's translations
    side by side (ordered by the term's position, then code)."""

    icon = "tag"
    search_fields = ["name", "code"]
    chooser_search_fields = ("name", "code")
    ordering = ["sort_order", "code", "locale"]
    list_export = ["code", "name", "locale", "sort_order"]
    export_headings = {"locale": _("Language")}
    inspect_view_fields = ["code", "name", "locale", "sort_order"]
    #: {annotation: (label, model, lookup, counted field)} usage counts shown as columns.
    counts = {}
    extra_panels = []

    @property
    def list_display(self):
        return [
            "name",
            CodeColumn(),
            *[
                Column(name, label=label, sort_key=name)
                for name, (label, *_rest) in self.counts.items()
            ],
            Column("sort_order", label=_("Position"), sort_key="sort_order"),
            LanguageColumn(),
        ]

    @property
    def panels(self):
        return [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
            *self.extra_panels,
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(
            **{
                name: count_by_term(model, lookup, counted)
                for name, (_label, model, lookup, counted) in self.counts.items()
            }
        )


class BeneficiaryRegionViewSet(VocabularyViewSet):
    model = BeneficiaryRegion
    icon = "globe"
    counts = {
        "country_count": (_("Countries"), Country, "region", "pk"),
        "agreement_count": (_("Agreements"), Agreement, "regions", "pk"),
    }


class ThematicAreaViewSet(VocabularyViewSet):
    model = ThematicArea
    counts = {
        "agreement_count": (_("Agreements (primary area)"), Agreement, "primary_area", "pk"),
        "partner_count": (
            _("Partners (priority)"),
            Partner,
            "priority_areas__area",
            "translation_key",
        ),
    }


class PartnerKindViewSet(VocabularyViewSet):
    model = PartnerKind
    counts = {"partner_count": (_("Partners"), Partner, "kind", "translation_key")}


class MembershipCategoryViewSet(VocabularyViewSet):
    model = MembershipCategory
    counts = {"partner_count": (_("Partners"), Partner, "membership_category", "translation_key")}


class FundingTypeViewSet(VocabularyViewSet):
    model = FundingType
    counts = {
        "partner_count": (
            _("Partners"),
            Partner,
            "funding_types__funding_type",
            "translation_key",
        )
    }


class FundingMechanismViewSet(VocabularyViewSet):
    model = FundingMechanism
    counts = {"partner_count": (_("Partners"), Partner, "funding_mechanism", "translation_key")}


class AgreementTypeViewSet(VocabularyViewSet):
    model = AgreementType
    icon = "doc-full"
    list_filter = ["is_amendment"]
    list_export = [*VocabularyViewSet.list_export, "is_amendment"]
    inspect_view_fields = [*VocabularyViewSet.inspect_view_fields, "is_amendment"]
    counts = {"agreement_count": (_("Agreements"), Agreement, "agreement_type", "pk")}
    extra_panels = [FieldPanel("is_amendment")]

    @property
    def list_display(self):
        return [
            *super().list_display[:2],
            YesNoColumn("is_amendment", label=_("Amendment"), sort_key="is_amendment"),
            *super().list_display[2:],
        ]


class SustainableDevelopmentGoalViewSet(VocabularyViewSet):
    model = SustainableDevelopmentGoal
    icon = "crosshairs"
    ordering = ["number", "locale"]
    list_export = ["number", *VocabularyViewSet.list_export]
    inspect_view_fields = ["number", *VocabularyViewSet.inspect_view_fields]
    extra_panels = [FieldPanel("number")]

    @property
    def list_display(self):
        return [
            "name",
            Column("number", label=_("Goal"), sort_key="number"),
            CodeColumn(),
            LanguageColumn(),
        ]


class CountryViewSet(RecordViewSet):
    """Countries: names in the staff member's language (django-countries), not translated
    rows; found by name or ISO code."""

    model = Country
    icon = "site"
    index_view_class = CountryIndexView
    chooser_viewset_class = CountryChooserViewSet
    filterset_class = CountryFilterSet
    ordering = "code"
    list_display = [
        "__str__",
        Column("code", label=_("ISO code"), sort_key="code"),
        TermColumn("region", label=_("ITU-D region"), sort_key="region__sort_order"),
        Column("agreement_count", label=_("Agreements"), sort_key="agreement_count"),
    ]
    list_export = ["code", "name", "region_code"]
    export_headings = {
        "code": _("ISO code"),
        "name": _("Country"),
        "region_code": _("ITU-D region"),
    }
    inspect_view_fields = ["code", "region"]
    panels = [
        FieldPanel("code", help_text=_("Its name in every language comes from this code.")),
        FieldPanel("region", widget=SELECT),
    ]

    def get_queryset(self, request):
        return (
            Country.objects.select_related("region")
            .annotate(agreement_count=Count("agreements", distinct=True))
            .order_by("code")
        )
