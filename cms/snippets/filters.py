"""Filters of the admin listings of partners, agreements, recognitions and countries.

Vocabulary choices offer the source-locale (English) rows, the ones records point at.
Filters on a many-valued relation match through a subquery, so that a record is listed once
and the listing's annotations (counts) stay right.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from .models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerKind,
    Recognition,
    ThematicArea,
)
from .views.terms import TermChoiceField

__all__ = [
    "NOT_RECORDED",
    "AgreementFilterSet",
    "CountryFilterSet",
    "PartnerFilterSet",
    "RecognitionFilterSet",
]


class TermChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter on a vocabulary term (or a record), its choices named in the staff member's
    language, each vocabulary read once per request."""

    field_class = TermChoiceField


# The "year of signature" choice for legacy agreements whose signature date was not recorded.
NOT_RECORDED = "none"


def source_terms(model):
    return model.objects.filter(**SOURCE_LOCALE)


def signature_year_choices():
    years = Agreement.objects.dates("signature_date", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years] + [
        (NOT_RECORDED, _("Date not recorded"))
    ]


def recognition_year_choices():
    years = Recognition.objects.order_by("-year").values_list("year", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


def matching(model, **lookup):
    """Primary keys of `model` rows matching a lookup across a many-valued relation."""
    return model.objects.filter(**lookup).values("pk")


class AgreementFilterSet(WagtailFilterSet):
    agreement_type = TermChoiceFilter(
        label=_("Agreement type"), queryset=source_terms(AgreementType)
    )
    is_amendment = django_filters.BooleanFilter(
        field_name="agreement_type__is_amendment",
        label=_("Addendum or amendment"),
        widget=BooleanRadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Agreement.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    signature_year = django_filters.ChoiceFilter(
        label=_("Year of signature"), choices=signature_year_choices, method="filter_year"
    )
    region = TermChoiceFilter(
        label=_("Beneficiary region"),
        queryset=source_terms(BeneficiaryRegion),
        method="filter_region",
    )
    primary_area = TermChoiceFilter(
        label=_("Primary thematic area"), queryset=source_terms(ThematicArea)
    )
    partner = TermChoiceFilter(
        label=_("Partner"), queryset=source_terms(Partner), method="filter_partner"
    )
    is_confidential = django_filters.BooleanFilter(
        label=_("Confidential"), widget=BooleanRadioSelect
    )

    class Meta:
        model = Agreement
        fields = []

    def filter_year(self, queryset, name, value):
        if value == NOT_RECORDED:
            return queryset.filter(signature_date__isnull=True)
        return queryset.filter(signature_date__year=int(value))

    def filter_region(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Agreement, regions=value))

    def filter_partner(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Agreement, partner_links__partner=value))


class PartnerFilterSet(WagtailFilterSet):
    kind = TermChoiceFilter(label=_("Kind"), queryset=source_terms(PartnerKind))
    is_funding_partner = django_filters.BooleanFilter(
        label=_("In the funding-partner database"), widget=BooleanRadioSelect
    )
    membership_category = TermChoiceFilter(
        label=_("ITU membership category"), queryset=source_terms(MembershipCategory)
    )
    region = TermChoiceFilter(
        label=_("Beneficiary region"),
        queryset=source_terms(BeneficiaryRegion),
        method="filter_region",
    )
    priority_area = TermChoiceFilter(
        label=_("Priority thematic area"),
        queryset=source_terms(ThematicArea),
        method="filter_priority_area",
    )
    funding_type = TermChoiceFilter(
        label=_("Funding type"),
        queryset=source_terms(FundingType),
        method="filter_funding_type",
    )

    class Meta:
        model = Partner
        fields = []

    def filter_region(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Partner, beneficiary_regions__region=value))

    def filter_priority_area(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Partner, priority_areas__area=value))

    def filter_funding_type(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Partner, funding_types__funding_type=value))


class RecognitionFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), choices=recognition_year_choices)

    class Meta:
        model = Recognition
        fields = []


class CountryFilterSet(WagtailFilterSet):
    region = TermChoiceFilter(label=_("ITU-D region"), queryset=source_terms(BeneficiaryRegion))
    no_region = django_filters.BooleanFilter(
        field_name="region",
        lookup_expr="isnull",
        label=_("Without a region"),
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Country
        fields = []
